package com.tracecase.casework.web;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tracecase.casework.CaseDiagrams;
import com.tracecase.casework.CaseFilter;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseProgress;
import com.tracecase.casework.CaseStatus;
import com.tracecase.casework.FailureCase;
import com.tracecase.finance.FinanceProperties;
import com.tracecase.finance.WarrantyLedger;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Shipment;
import com.tracecase.inventory.InventoryManagement;
import com.tracecase.notification.Notifications;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.Recalls;
import com.tracecase.shared.Groups;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import com.tracecase.shared.Money;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.StateConflictException;
import com.tracecase.shared.WorkspacePage;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the list with filters, and one case with everything known about it and
 * the actions of the viewer's groups.
 */
@Controller
@WorkspacePage
class CasePages {

	/** Tasklist's page of one task. */
	static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

	private static final String RECEIVE_UNIT_TASK = "Receive unit ";

	private static final int PAGE_SIZE = 25;

	private final CaseManagement cases;

	private final CaseProgress progress;

	private final Recalls recalls;

	private final Genealogy genealogy;

	private final QualityManagement quality;

	private final InventoryManagement inventory;

	private final WarrantyLedger ledger;

	private final FinanceProperties finance;

	private final Notifications notifications;

	private final CaseDiagrams diagrams;

	private final Clock clock;

	CasePages(CaseManagement cases, CaseProgress progress, QualityManagement quality, InventoryManagement inventory,
			WarrantyLedger ledger, FinanceProperties finance, Notifications notifications, CaseDiagrams diagrams,
			Recalls recalls, Genealogy genealogy, Clock clock) {
		this.recalls = recalls;
		this.genealogy = genealogy;
		this.notifications = notifications;
		this.diagrams = diagrams;
		this.clock = clock;
		this.cases = cases;
		this.progress = progress;
		this.quality = quality;
		this.inventory = inventory;
		this.ledger = ledger;
		this.finance = finance;
	}

	/**
	 * The cases, a page at a time, filtered by the database: by status, unit, lot, report
	 * date, the step their process waits at and their age. A filter value that makes no
	 * sense is named in an error summary, and nothing is listed.
	 */
	@GetMapping("/cases")
	String list(CaseListQuery query, Model model) {
		Map<String, String> steps = progress.steps();
		List<InvalidInputException.Violation> errors = new ArrayList<>();
		CaseStatus status = query.status(errors);
		String step = query.step(steps, errors);
		LocalDate from = query.from(errors);
		Integer olderThan = query.olderThanDays(errors);
		Page<FailureCase> found = Page.empty();
		if (errors.isEmpty()) {
			Instant reportedBefore = olderThan == null ? null : clock.instant().minus(Duration.ofDays(olderThan));
			Set<String> waiting = step == null ? null : progress.casesAt(step);
			CaseFilter filter = new CaseFilter(status, query.serial(), query.lot(), from == null ? null : startOf(from),
					reportedBefore, waiting);
			try {
				found = cases.search(filter, PageRequest.of(query.pageIndex(), PAGE_SIZE));
				if (found.getNumber() >= found.getTotalPages() && found.getTotalPages() > 0) {
					found = cases.search(filter, PageRequest.of(found.getTotalPages() - 1, PAGE_SIZE));
				}
			}
			catch (NotFoundException ex) {
				errors.add(new InvalidInputException.Violation("lot",
						"There is no lot " + query.lot().trim() + "; check the code on its label."));
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.violations());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("cases", found);
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("steps", steps);
		model.addAttribute("query", query);
		model.addAttribute("status", status);
		return "casework/cases";
	}

	@GetMapping("/cases/{caseNumber}")
	String detail(@PathVariable String caseNumber, Authentication viewer, Model model) {
		FailureCase failureCase = cases.get(caseNumber);
		CaseProgress.Progress caseProgress = progress.progressOf(caseNumber);
		model.addAttribute("c", failureCase);
		model.addAttribute("progress", caseProgress);
		model.addAttribute("tasklist", TASKLIST_TASK);
		model.addAttribute("investigation", quality.findInvestigation(caseNumber).orElse(null));
		model.addAttribute("containment", quality.findContainment(caseNumber).orElse(null));
		model.addAttribute("supplierActions", quality.supplierActions(caseNumber));
		model.addAttribute("recalls", recalls.campaignsOfUnit(failureCase.getSerialNumber()));
		model.addAttribute("containmentRecall", recalls.campaignOfContainment(caseNumber).orElse(null));
		model.addAttribute("shippedTo", shippedTo(failureCase.getSerialNumber()));
		model.addAttribute("reservations", inventory.reservations(caseNumber));
		model.addAttribute("costs", ledger.entries(caseNumber));
		model.addAttribute("decisionInputs", decisionInputs(failureCase.getDecisionInputs()));
		model.addAttribute("mails", notifications.mailsOf(caseNumber));
		model.addAttribute("diagrams", diagrams.diagramsOf(caseNumber));
		model.addAttribute("seesCustomerAddresses", inAnyOf(viewer, Groups.CUSTOMER_CONTACT));
		model.addAttribute("awaitingUnit",
				caseProgress.openTasks()
					.stream()
					.anyMatch(task -> task.name() != null && task.name().startsWith(RECEIVE_UNIT_TASK)
							&& task.candidateGroups().contains(Groups.PRODUCTION)));
		return "casework/case";
	}

	/** Production books the customer's unit in; the case goes on with the repair. */
	@PostMapping("/cases/{caseNumber}/unit-received")
	@PreAuthorize("hasAnyAuthority('GROUP_production', 'GROUP_camunda-admin')")
	String unitReceived(@PathVariable String caseNumber, Principal principal, RedirectAttributes redirect) {
		try {
			cases.receiveUnit(caseNumber, principal.getName());
			redirect.addFlashAttribute("done", "The unit is booked as received; the repair can start.");
		}
		catch (StateConflictException | InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/cases/{caseNumber}";
	}

	/** The decision's inputs in words and money. */
	private List<Map.Entry<String, String>> decisionInputs(Map<String, Object> inputs) {
		List<Map.Entry<String, String>> shown = new ArrayList<>();
		if (inputs == null) {
			return shown;
		}
		String currency = finance.currency();
		inputs.forEach((name, value) -> {
			if (value == null) {
				return;
			}
			String text = switch (name) {
				case "warrantyStatus" -> Labels.label("WarrantyStatus", value.toString());
				case "customerTier" -> Labels.label("CustomerTier", value.toString());
				case "unitAgeMonths" -> value + " months";
				case "repairCost", "replacementCost" ->
					value instanceof Number number ? Money.of(number, currency).display() : value.toString();
				case "repairCostRatio" -> value instanceof Number number
						? Math.round(number.doubleValue() * 100) + " % of a replacement" : value.toString();
				default -> value instanceof Boolean flag ? (flag ? "Yes" : "No") : value.toString();
			};
			shown.add(Map.entry(inputName(name), text));
		});
		return shown;
	}

	private static String inputName(String name) {
		return switch (name) {
			case "warrantyStatus" -> "Warranty";
			case "unitAgeMonths" -> "Age of the unit";
			case "repairCost" -> "Repair cost";
			case "replacementCost" -> "Replacement cost";
			case "repairCostRatio" -> "Repair cost ratio";
			case "repairPartsAvailable" -> "Repair parts in stock";
			case "replacementAvailable" -> "Replacement unit in stock";
			case "customerTier" -> "Customer tier";
			case "customerCharged" -> "Customer charged";
			default -> name;
		};
	}

	/**
	 * Who the unit was shipped to last, if the genealogy knows the unit and its shipment.
	 */
	private Shipment shippedTo(String serialNumber) {
		try {
			List<Shipment> shipments = genealogy.shipments(serialNumber);
			return shipments.isEmpty() ? null : shipments.get(0);
		}
		catch (NotFoundException ex) {
			// a report on a serial the genealogy does not know (yet)
			return null;
		}
	}

	private static boolean inAnyOf(Authentication viewer, List<String> groups) {
		return viewer.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(authority -> groups.stream().map(Groups::authority).anyMatch(authority::equals));
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
