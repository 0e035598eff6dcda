package com.tracecase.casework.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseStatus;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.shared.WorkspacePage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The suspect ranking across the open cases: the lots the reported units share, most
 * suspect first, each linked to what was built from it.
 */
@Controller
@WorkspacePage
class AtRiskPages {

	private static final Set<CaseStatus> OPEN = EnumSet.of(CaseStatus.REPORTED, CaseStatus.IN_PROGRESS,
			CaseStatus.NEEDS_ATTENTION);

	private final CaseManagement cases;

	private final Genealogy genealogy;

	AtRiskPages(CaseManagement cases, Genealogy genealogy) {
		this.cases = cases;
		this.genealogy = genealogy;
	}

	@GetMapping("/at-risk")
	String atRisk(Model model) {
		List<String> serials = cases.serialNumbersOfCasesIn(OPEN);
		model.addAttribute("report", genealogy.atRiskReport(serials));
		return "casework/at-risk";
	}

}
