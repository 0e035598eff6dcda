package com.tracecase.casework.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tracecase.casework.CaseProgress;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Lot;
import com.tracecase.quality.CampaignUnit;
import com.tracecase.quality.RecallCampaign;
import com.tracecase.quality.RecallCampaignStatus;
import com.tracecase.quality.RecallProgress;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.quality.Recalls;
import com.tracecase.shared.Groups;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.StateConflictException;
import com.tracecase.shared.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Recall campaigns in the workspace: every campaign with its progress, a lot's campaigns
 * and the start of a new one, and one campaign with its units, where each group books
 * what it did with a unit. Customers' names and addresses are only for those who deal
 * with customers.
 */
@Controller
@WorkspacePage
class RecallPages {

	static final int PAGE_SIZE = 50;

	/** Who starts a campaign: QC, managers and administrators. */
	static final String MAY_START = "hasAnyAuthority('GROUP_qc', 'GROUP_managers', 'GROUP_camunda-admin')";

	private final Recalls recalls;

	private final Genealogy genealogy;

	private final CaseProgress progress;

	private final Clock clock;

	RecallPages(Recalls recalls, Genealogy genealogy, CaseProgress progress, Clock clock) {
		this.recalls = recalls;
		this.genealogy = genealogy;
		this.progress = progress;
		this.clock = clock;
	}

	@GetMapping("/recalls")
	String campaigns(@RequestParam(required = false) RecallCampaignStatus status, Model model) {
		List<RecallCampaign> campaigns = recalls.campaigns(status, 200);
		model.addAttribute("campaigns", campaigns);
		model.addAttribute("progress", recalls.progressOf(campaigns));
		model.addAttribute("status", status);
		model.addAttribute("statuses", RecallCampaignStatus.values());
		model.addAttribute("now", clock.instant());
		return "casework/recalls";
	}

	@GetMapping("/lots/{lotCode}/recalls")
	String lotCampaigns(@PathVariable String lotCode, Model model) {
		Lot lot = genealogy.getLot(lotCode);
		List<RecallCampaign> campaigns = recalls.campaignsOf(lot.lotCode());
		model.addAttribute("lot", lot);
		model.addAttribute("campaigns", campaigns);
		model.addAttribute("progress", recalls.progressOf(campaigns));
		model.addAttribute("now", clock.instant());
		return "casework/lot-recalls";
	}

	/**
	 * Starts a campaign of the lot for the reason given; its process lists the units and
	 * mails the notices at once. A refused request answers on the page.
	 */
	@PostMapping("/lots/{lotCode}/recalls")
	@PreAuthorize(MAY_START)
	String start(@PathVariable String lotCode, @RequestParam(required = false) String reason, Principal principal,
			RedirectAttributes redirect) {
		try {
			RecallCampaign campaign = recalls.start(lotCode, reason, principal.getName());
			redirect.addFlashAttribute("done", "Recall campaign " + campaign.getReference()
					+ " started: its units are being listed and their customers told.");
			return "redirect:/recalls/" + path(campaign.getReference());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errors", ex.violations());
			redirect.addFlashAttribute("reason", reason);
		}
		catch (StateConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (DataIntegrityViolationException ex) {
			// someone else started one at the same moment
			redirect.addFlashAttribute("problem", "Lot " + lotCode + " has an open recall campaign already.");
		}
		return "redirect:/lots/" + path(lotCode) + "/recalls";
	}

	@GetMapping("/recalls/{reference}")
	String campaign(@PathVariable String reference, @RequestParam(required = false) RecallUnitStatus status,
			@RequestParam(defaultValue = "0") int page, Authentication viewer, Model model) {
		RecallCampaign campaign = recalls.get(reference);
		RecallProgress counts = recalls.progress(campaign);
		Page<CampaignUnit> units = recalls.units(campaign.getReference(), status, page, PAGE_SIZE);
		Collection<String> groups = groups(viewer);
		model.addAttribute("campaign", campaign);
		model.addAttribute("counts", counts);
		model.addAttribute("units", units);
		model.addAttribute("status", status);
		model.addAttribute("statuses", RecallUnitStatus.values());
		model.addAttribute("lot", genealogy.getLot(campaign.getLotCode()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("seesCustomers", groups.stream().anyMatch(Groups.CUSTOMER_CONTACT::contains));
		List<RecallUnitStatus> bookable = bookable(groups);
		model.addAttribute("bookable", bookable);
		Map<Long, List<RecallUnitStatus>> choices = new HashMap<>();
		units.forEach(unit -> choices.put(unit.getId(),
				unit.getStatus().successors().stream().filter(bookable::contains).sorted().toList()));
		model.addAttribute("choices", choices);
		model.addAttribute("process", progress.progressOf(campaign.getReference()));
		model.addAttribute("tasklist", CasePages.TASKLIST_TASK);
		return "casework/recall";
	}

	/**
	 * Books what happened to one unit; the page answers with what was done or what is
	 * wrong, naming the unit.
	 */
	@PostMapping("/recalls/{reference}/units/{lotCode}")
	@PreAuthorize("hasAnyAuthority('GROUP_customer-service', 'GROUP_qc', 'GROUP_production', 'GROUP_managers', "
			+ "'GROUP_camunda-admin')")
	String update(@PathVariable String reference, @PathVariable String lotCode,
			@RequestParam(required = false) RecallUnitStatus status, @RequestParam(required = false) String note,
			@RequestParam(required = false) RecallUnitStatus shown, @RequestParam(defaultValue = "0") int page,
			Authentication viewer, RedirectAttributes redirect) {
		RecallCampaign campaign = recalls.get(reference);
		try {
			if (status == null) {
				throw new InvalidInputException("status", "Choose what happened to the unit.");
			}
			if (!status.mayBeBookedBy(groups(viewer))) {
				throw new InvalidInputException("status",
						"Booking a unit as " + words(status) + " is not for your group; ask "
								+ String.join(" or ",
										status.bookedBy()
											.stream()
											.filter(group -> !Groups.ADMINS.equals(group))
											.map(group -> Labels.label("Group", group))
											.toList())
								+ ".");
			}
			CampaignUnit unit = recalls.update(campaign.getReference(), lotCode, status, note, viewer.getName());
			redirect.addFlashAttribute("done", "Unit " + unit.displayName() + " is " + words(unit.getStatus()) + ".");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errors", ex.violations());
			redirect.addFlashAttribute("failedLot", lotCode);
			redirect.addFlashAttribute("note", note);
		}
		catch (NotFoundException | StateConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		if (shown != null) {
			redirect.addAttribute("status", shown);
		}
		redirect.addAttribute("page", page);
		return "redirect:/recalls/" + path(campaign.getReference());
	}

	@GetMapping("/recalls/{reference}/units.csv")
	void unitsCsv(@PathVariable String reference, Authentication viewer, HttpServletResponse response)
			throws IOException {
		RecallCampaign campaign = recalls.get(reference);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"recall-" + campaign.getReference() + "-units.csv\"");
		recalls.writeUnitsCsv(campaign.getReference(),
				groups(viewer).stream().anyMatch(Groups.CUSTOMER_CONTACT::contains), response.getWriter());
	}

	/** The statuses the viewer may book, in their order. */
	private static List<RecallUnitStatus> bookable(Collection<String> groups) {
		return Arrays.stream(RecallUnitStatus.values()).filter(status -> status.mayBeBookedBy(groups)).toList();
	}

	private static String words(RecallUnitStatus status) {
		return Labels.label(status).toLowerCase(Labels.LOCALE);
	}

	private static Collection<String> groups(Authentication viewer) {
		return Groups.fromAuthorities(viewer.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
	}

	private static String path(String segment) {
		return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
	}

}
