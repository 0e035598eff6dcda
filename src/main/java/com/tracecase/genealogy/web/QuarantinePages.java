package com.tracecase.genealogy.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.WorkspacePage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Quarantined stock: every lot held in quarantine, with who put it there and why, and
 * QC's way out for each: release it to stock or scrap it, with the reason.
 */
@Controller
@WorkspacePage
class QuarantinePages {

	static final int PAGE_SIZE = 50;

	/** Who decides what leaves quarantine: quality control (and the administrators). */
	static final String MAY_RELEASE = "hasAnyAuthority('GROUP_qc', 'GROUP_camunda-admin')";

	/** Where a quarantined lot may go from this page. */
	static final Set<LotStatus> OUTCOMES = Set.of(LotStatus.AVAILABLE, LotStatus.SCRAPPED);

	private final Genealogy genealogy;

	private final LotManagement lots;

	QuarantinePages(Genealogy genealogy, LotManagement lots) {
		this.genealogy = genealogy;
		this.lots = lots;
	}

	@GetMapping("/quarantine")
	String quarantine(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("stock", genealogy.quarantined(Math.max(0, page), PAGE_SIZE));
		return "genealogy/quarantine";
	}

	@PostMapping("/quarantine/{lotCode}")
	@PreAuthorize(MAY_RELEASE)
	String decide(@PathVariable String lotCode, @RequestParam(required = false) LotStatus status,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "0") int page,
			Principal principal, Model model, RedirectAttributes redirect) {
		List<InvalidInputException.Violation> errors = new ArrayList<>();
		if (status == null || !OUTCOMES.contains(status)) {
			errors.add(new InvalidInputException.Violation("status", "Choose to release the lot or to scrap it."));
		}
		if (reason == null || reason.isBlank()) {
			errors.add(new InvalidInputException.Violation("reason",
					"Give the reason for releasing or scrapping lot " + lotCode + "."));
		}
		if (errors.isEmpty()) {
			try {
				lots.changeStatus(lotCode, status, principal.getName(), reason.strip());
				redirect.addFlashAttribute("done", status == LotStatus.AVAILABLE
						? "Lot " + lotCode + " is released to stock." : "Lot " + lotCode + " is scrapped.");
				redirect.addAttribute("page", page);
				return "redirect:/quarantine";
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.violations().isEmpty()
						? List.of(new InvalidInputException.Violation("status", ex.getMessage())) : ex.violations());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("failedLot", lotCode);
		model.addAttribute("reason", reason);
		return quarantine(page, model);
	}

}
