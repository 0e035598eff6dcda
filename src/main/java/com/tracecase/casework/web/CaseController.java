package com.tracecase.casework.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.tracecase.casework.CaseAttention;
import com.tracecase.casework.CaseFilter;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseProgress;
import com.tracecase.casework.CaseStatus;
import com.tracecase.casework.FailureCase;
import com.tracecase.finance.LedgerEntry;
import com.tracecase.finance.WarrantyLedger;
import com.tracecase.inventory.InventoryManagement;
import com.tracecase.inventory.Reservation;
import com.tracecase.quality.Containment;
import com.tracecase.quality.Investigation;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.shared.Groups;
import com.tracecase.shared.Labels;
import com.tracecase.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failure cases over HTTP: what was reported, where the case stands, what QC found, what
 * was decided and what it cost.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Where each case stands, what QC found, what was decided and what it cost")
class CaseController {

	/** The remedy is kept as text on the case; its labels are {@code Remedy.*}. */

	private final CaseManagement cases;

	private final CaseProgress progress;

	private final QualityManagement quality;

	private final InventoryManagement inventory;

	private final WarrantyLedger ledger;

	CaseController(CaseManagement cases, CaseProgress progress, QualityManagement quality,
			InventoryManagement inventory, WarrantyLedger ledger) {
		this.cases = cases;
		this.progress = progress;
		this.quality = quality;
		this.inventory = inventory;
		this.ledger = ledger;
	}

	@GetMapping
	List<CaseSummary> list(@RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) String serial, @RequestParam(required = false) String lot,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		CaseFilter filter = new CaseFilter(status, serial, lot, startOf(from),
				startOf(to == null ? null : to.plusDays(1)));
		return cases.search(filter).stream().map(CaseSummary::of).toList();
	}

	/**
	 * One case. The customer's email and phone are contact data: only the groups that
	 * deal with customers ({@link Groups#CUSTOMER_CONTACT}) get them; everyone else gets
	 * the name and tier.
	 */
	@GetMapping("/{caseNumber}")
	CaseDetails get(@PathVariable String caseNumber, Authentication viewer) {
		FailureCase failureCase = cases.get(caseNumber);
		boolean contact = dealsWithCustomers(viewer);
		CaseProgress.Progress caseProgress = progress.progressOf(caseNumber);
		return new CaseDetails(failureCase.getCaseNumber(), failureCase.getStatus().name(),
				Labels.label(failureCase.getStatus()), failureCase.getSerialNumber(),
				failureCase.getSymptomCategory().name(), Labels.label(failureCase.getSymptomCategory()),
				failureCase.getReportedAt(), Labels.dateTime(failureCase.getReportedAt()), failureCase.getClosedAt(),
				new Customer(failureCase.getCustomerName(), contact ? failureCase.getCustomerEmail() : null,
						contact ? failureCase.getCustomerPhone() : null, failureCase.getCustomerTier().name(),
						Labels.label(failureCase.getCustomerTier())),
				failureCase.getDescription(), failureCase.getPurchaseDate(), Labels.date(failureCase.getPurchaseDate()),
				failureCase.getChannel().name(), Labels.label(failureCase.getChannel()),
				failureCase.getExternalReference(), failureCase.getReportedBy(),
				failureCase.getClosure() == null ? null : failureCase.getClosure().name(),
				Labels.label(failureCase.getClosure()), failureCase.getResolution(), caseProgress.currentSteps(),
				caseProgress.openTasks(), quality.findInvestigation(caseNumber).map(InvestigationView::of).orElse(null),
				failureCase.getDecisionAction() == null ? null : new Decision(failureCase.getDecisionAction().name(),
						Labels.label(failureCase.getDecisionAction()), failureCase.getDecisionReason(),
						failureCase.getDecisionInputs(), failureCase.getDecidedBy(), failureCase.getDecidedAt()),
				quality.findContainment(caseNumber).map(ContainmentView::of).orElse(null),
				quality.supplierActions(caseNumber).stream().map(SupplierActionView::of).toList(),
				inventory.reservations(caseNumber).stream().map(ReservationView::of).toList(),
				ledger.entries(caseNumber).stream().map(CostView::of).toList(), timeline(failureCase, caseProgress),
				Attention.of(failureCase), Cancellation.of(failureCase));
	}

	/**
	 * The process's steps, and the cancellation, which may have taken the process's
	 * history with it.
	 */
	private static List<CaseProgress.Step> timeline(FailureCase failureCase, CaseProgress.Progress progress) {
		Cancellation cancellation = Cancellation.of(failureCase);
		if (cancellation == null) {
			return progress.timeline();
		}
		List<CaseProgress.Step> steps = new ArrayList<>(progress.timeline());
		steps.add(new CaseProgress.Step("Case cancelled: " + cancellation.reason(), "cancellation", cancellation.at(),
				cancellation.at(), cancellation.by()));
		return steps;
	}

	/** The customer's unit arrived; a case waiting for it continues with the repair. */
	@PostMapping(path = "/{caseNumber}/unit-received", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyAuthority('GROUP_production', 'GROUP_camunda-admin')")
	@Operation(summary = "Book the customer's unit received",
			description = "Production and administrators. A case waiting for the unit continues with the repair.")
	@ApiResponse(responseCode = "202", description = "Booked; the case's process continues")
	@ApiResponse(responseCode = "409", description = "The case is not waiting for its unit")
	ResponseEntity<Void> unitReceived(@PathVariable String caseNumber, Principal principal) {
		cases.receiveUnit(caseNumber, principal.getName());
		return ResponseEntity.accepted().build();
	}

	private static Instant startOf(LocalDate day) {
		return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static boolean dealsWithCustomers(Authentication viewer) {
		return viewer != null
				&& Groups.fromAuthorities(viewer.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
					.stream()
					.anyMatch(Groups.CUSTOMER_CONTACT::contains);
	}

	/** Codes for programs, {@code ...Label} and {@code ...Display} fields for people. */
	record CaseSummary(String caseNumber, String status, String statusLabel, String serialNumber,
			String symptomCategory, String symptomLabel, Instant reportedAt, Instant closedAt, String decision,
			String decisionLabel, Attention attention) {

		static CaseSummary of(FailureCase c) {
			return new CaseSummary(c.getCaseNumber(), c.getStatus().name(), Labels.label(c.getStatus()),
					c.getSerialNumber(), c.getSymptomCategory().name(), Labels.label(c.getSymptomCategory()),
					c.getReportedAt(), c.getClosedAt(),
					c.getDecisionAction() == null ? null : c.getDecisionAction().name(),
					c.getDecisionAction() == null ? null : Labels.label(c.getDecisionAction()), Attention.of(c));
		}

	}

	/**
	 * What stops the case: the oldest open problem, and every open problem.
	 *
	 * @param step the step that failed
	 * @param message what went wrong
	 * @param since when
	 * @param problems every open problem, oldest first
	 */
	record Attention(String step, String message, Instant since, List<Problem> problems) {

		static Attention of(FailureCase c) {
			List<CaseAttention> open = c.getAttentions();
			if (open.isEmpty()) {
				return null;
			}
			CaseAttention first = open.get(0);
			return new Attention(first.step(), first.message(), first.since(),
					open.stream().map(a -> new Problem(a.step(), a.message(), a.since())).toList());
		}

	}

	record Problem(String step, String message, Instant since) {
	}

	record Cancellation(String by, String reason, Instant at) {

		static Cancellation of(FailureCase c) {
			return c.getStatus() == CaseStatus.CANCELLED
					? new Cancellation(c.getCancelledBy(), c.getCancellationReason(), c.getClosedAt()) : null;
		}

	}

	record CaseDetails(String caseNumber, String status, String statusLabel, String serialNumber,
			String symptomCategory, String symptomLabel, Instant reportedAt, String reportedAtDisplay, Instant closedAt,
			Customer customer, String description, LocalDate purchaseDate, String purchaseDateDisplay, String channel,
			String channelLabel, String externalReference, String reportedBy, String closure, String closureLabel,
			String resolution, List<String> currentSteps, List<CaseProgress.OpenTask> openTasks,
			InvestigationView investigation, Decision decision, ContainmentView containment,
			List<SupplierActionView> supplierActions, List<ReservationView> reservations, List<CostView> costs,
			List<CaseProgress.Step> timeline, Attention attention, Cancellation cancellation) {
	}

	record Customer(String name, String email, String phone, String tier, String tierLabel) {
	}

	record Decision(String action, String actionLabel, String reason, Map<String, Object> inputs, String decidedBy,
			Instant decidedAt) {
	}

	record InvestigationView(String status, String statusLabel, Instant openedAt, Object facts, Object review,
			String reviewedBy, Instant reviewedAt) {

		static InvestigationView of(Investigation i) {
			return new InvestigationView(i.getStatus().name(), Labels.label(i.getStatus()), i.getOpenedAt(),
					i.getFacts(), i.getReview(), i.getReviewedBy(), i.getReviewedAt());
		}

	}

	record ContainmentView(String suspectLotCode, List<String> quarantinedLots, List<String> shippedSerialsAtRisk,
			Instant containedAt, Boolean fieldActionApproved, String fieldActionNotes, String decidedBy) {

		static ContainmentView of(Containment c) {
			return new ContainmentView(c.getSuspectLotCode(), c.getQuarantinedLots(), c.getShippedSerialsAtRisk(),
					c.getContainedAt(), c.getFieldActionApproved(), c.getFieldActionNotes(), c.getDecidedBy());
		}

	}

	record SupplierActionView(Long id, String supplier, String lotCode, String partNumber, String description,
			String status, Instant requestedAt) {

		static SupplierActionView of(SupplierCorrectiveAction a) {
			return new SupplierActionView(a.getId(), a.getSupplier(), a.getLotCode(), a.getPartNumber(),
					a.getDescription(), a.getStatus().name(), a.getRequestedAt());
		}

	}

	record ReservationView(String purpose, String purposeLabel, String partNumber, String lotCode, String serialNumber,
			BigDecimal quantity, Instant reservedAt, String status, String statusLabel, Instant settledAt,
			String settledNote) {

		static ReservationView of(Reservation r) {
			return new ReservationView(r.getPurpose().name(), Labels.label(r.getPurpose()), r.getPartNumber(),
					r.getLotCode(), r.getSerialNumber(), r.getQuantity(), r.getReservedAt(), r.getStatus().name(),
					Labels.label(r.getStatus()), r.getSettledAt(), r.getSettledNote());
		}

	}

	record CostView(String kind, String kindLabel, BigDecimal amount, String currency, String amountDisplay,
			String description, boolean chargedToCustomer, Instant postedAt) {

		static CostView of(LedgerEntry e) {
			return new CostView(e.getKind().name(), Labels.label(e.getKind()), e.getAmount(), e.getCurrency(),
					Money.format(e.getAmount(), e.getCurrency()), e.getDescription(), e.isChargedToCustomer(),
					e.getPostedAt());
		}

	}

}
