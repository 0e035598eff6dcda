package com.tracecase.casework.web;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseStatus;
import com.tracecase.genealogy.AtRiskLot;
import com.tracecase.genealogy.AtRiskReport;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.quality.Containment;
import com.tracecase.quality.QualityManagement;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.StateConflictException;
import com.tracecase.shared.WorkspacePage;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The suspect ranking across the open cases: the lots the reported units share, most
 * suspect first, each linked to what was built from it and to its containment; QC and the
 * managers contain a lot from here.
 */
@Controller
@WorkspacePage
class AtRiskPages {

	private static final Set<CaseStatus> OPEN = EnumSet.of(CaseStatus.REPORTED, CaseStatus.IN_PROGRESS,
			CaseStatus.NEEDS_ATTENTION);

	private final CaseManagement cases;

	private final Genealogy genealogy;

	private final QualityManagement quality;

	AtRiskPages(CaseManagement cases, Genealogy genealogy, QualityManagement quality) {
		this.cases = cases;
		this.genealogy = genealogy;
		this.quality = quality;
	}

	@GetMapping("/at-risk")
	String atRisk(Model model) {
		List<String> serials = cases.serialNumbersOfCasesIn(OPEN);
		AtRiskReport report = genealogy.atRiskReport(serials);
		model.addAttribute("report", report);
		model.addAttribute("containments",
				quality.containmentsOf(report.lots().stream().map(AtRiskLot::lotCode).toList()));
		return "casework/at-risk";
	}

	/**
	 * Contains a lot on its own, for the reason given: its containment process starts at
	 * once. A refused request answers on the page, naming what is wrong.
	 */
	@PostMapping("/at-risk/containments")
	@PreAuthorize("hasAnyAuthority('GROUP_qc', 'GROUP_managers', 'GROUP_camunda-admin')")
	String contain(@RequestParam(required = false) String lotCode, @RequestParam(required = false) String reason,
			Principal principal, RedirectAttributes redirect) {
		try {
			Containment containment = quality.requestContainment(lotCode, reason, principal.getName());
			redirect.addFlashAttribute("started", containment);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errors", ex.violations());
			redirect.addFlashAttribute("failedLot", lotCode);
			redirect.addFlashAttribute("reason", reason);
		}
		catch (NotFoundException | StateConflictException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (DataIntegrityViolationException ex) {
			// someone else contained the lot at the same moment
			redirect.addFlashAttribute("problem", "Lot " + lotCode + " is contained already.");
		}
		return "redirect:/at-risk";
	}

}
