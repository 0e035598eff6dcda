package com.tracecase.genealogy.web;

import com.tracecase.genealogy.Build;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.WorkspacePage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The build page: what it made, when, and its outputs.
 */
@Controller
@WorkspacePage
class BuildPages {

	private final Genealogy genealogy;

	BuildPages(Genealogy genealogy) {
		this.genealogy = genealogy;
	}

	@GetMapping("/builds/{buildCode}")
	String build(@PathVariable String buildCode, Model model) {
		Build build = genealogy.findBuild(buildCode).orElseThrow(() -> new NotFoundException("Build", buildCode));
		model.addAttribute("build", build);
		model.addAttribute("part", genealogy.findPart(build.partNumber()).orElse(null));
		model.addAttribute("outputs", genealogy.buildOutputs(buildCode));
		return "genealogy/build";
	}

}
