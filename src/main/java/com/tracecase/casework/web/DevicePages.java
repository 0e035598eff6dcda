package com.tracecase.casework.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tracecase.casework.CaseFilter;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.FailureCase;
import com.tracecase.finance.Remedy;
import com.tracecase.genealogy.DeviceTrace;
import com.tracecase.genealogy.Disposal;
import com.tracecase.genealogy.Disposition;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.ReturnedMaterial;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.quality.Containment;
import com.tracecase.quality.Investigation;
import com.tracecase.quality.LotSignal;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.Recalls;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
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
 * The device page: what the unit is, everything inside it (as a table and as a graph),
 * its service history and its cases. Lots that QC named or ranked as suspect in one of
 * the unit's cases are highlighted.
 */
@Controller
@WorkspacePage
class DevicePages {

	/** Who books a returned unit in and decides where it goes. */
	static final String MAY_DISPOSE = "hasAnyAuthority('GROUP_production', 'GROUP_qc', 'GROUP_camunda-admin')";

	/** A unit still with the customer, or back with us. */
	private static final Set<LotStatus> BACK_OR_AWAY = Set.of(LotStatus.SHIPPED, LotStatus.RETURNED);

	private final Genealogy genealogy;

	private final CaseManagement cases;

	private final QualityManagement quality;

	private final Recalls recalls;

	private final ReturnedMaterial returnedMaterial;

	DevicePages(Genealogy genealogy, CaseManagement cases, QualityManagement quality, ReturnedMaterial returnedMaterial,
			Recalls recalls) {
		this.recalls = recalls;
		this.genealogy = genealogy;
		this.cases = cases;
		this.quality = quality;
		this.returnedMaterial = returnedMaterial;
	}

	@GetMapping("/devices/{serial}")
	String device(@PathVariable String serial, Model model) {
		DeviceTrace trace = genealogy.traceDevice(serial);
		List<FailureCase> deviceCases = cases
			.search(new CaseFilter(null, trace.device().serialNumber(), null, null, null));
		Set<String> suspects = suspects(deviceCases);
		model.addAttribute("device", trace.device());
		model.addAttribute("lots", trace.lots());
		model.addAttribute("suspects", suspects);
		model.addAttribute("history", genealogy.serviceHistory(trace.device().serialNumber()));
		model.addAttribute("shipments", genealogy.shipments(trace.device().serialNumber()));
		model.addAttribute("recalls", recalls.campaignsOfUnit(trace.device().serialNumber()));
		model.addAttribute("cases", deviceCases);
		model.addAttribute("files", genealogy.files(trace.device().lotCode()));
		Disposal disposal = returnedMaterial.disposal(trace.device().lotCode()).orElse(null);
		model.addAttribute("disposal", disposal);
		model.addAttribute("disposableCases", disposal != null || !BACK_OR_AWAY.contains(trace.device().status())
				? List.of() : deviceCases.stream().filter(DevicePages::endsWithoutTheUnit).toList());
		model.addAttribute("dispositions", Disposition.values());
		model.addAttribute("graph", graph(trace, suspects));
		return "casework/device";
	}

	/**
	 * Production books in a unit of a refunded or denied case that came back and is not
	 * repaired, and decides where it goes (a replaced unit has its own step in the case's
	 * process).
	 */
	@PostMapping("/devices/{serial}/disposal")
	@PreAuthorize(MAY_DISPOSE)
	String dispose(@PathVariable String serial, @RequestParam(required = false) String caseNumber,
			@RequestParam(required = false) String unitDisposition, @RequestParam(required = false) String unitLocation,
			@RequestParam(required = false) String unitNotes, Principal principal, Model model,
			RedirectAttributes redirect) {
		String device = genealogy.traceDevice(serial).device().serialNumber();
		List<InvalidInputException.Violation> errors = new ArrayList<>();
		FailureCase chosen = caseNumber == null ? null
				: cases.search(new CaseFilter(null, device, null, null, null))
					.stream()
					.filter(c -> c.getCaseNumber().equals(caseNumber.trim()))
					.filter(DevicePages::endsWithoutTheUnit)
					.findFirst()
					.orElse(null);
		if (chosen == null) {
			errors.add(new InvalidInputException.Violation("caseNumber",
					"Choose the refunded or denied case of unit " + device + " it came back for."));
		}
		else {
			try {
				Disposal done = returnedMaterial.disposeReturnedUnit(chosen.getCaseNumber(), device, unitDisposition,
						unitLocation, principal.getName(), unitNotes);
				redirect.addFlashAttribute("done",
						"Unit %s is %s at %s, with case %s.".formatted(device,
								Labels.label(done.status()).toLowerCase(java.util.Locale.ROOT), done.location(),
								done.caseNumber()));
				return "redirect:/devices/{serial}";
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.violations().isEmpty()
						? List.of(new InvalidInputException.Violation("unitDisposition", ex.getMessage()))
						: ex.violations());
			}
		}
		model.addAttribute("disposalErrors", errors);
		model.addAttribute("chosenCase", caseNumber);
		model.addAttribute("chosenDisposition", unitDisposition);
		model.addAttribute("unitLocation", unitLocation);
		model.addAttribute("unitNotes", unitNotes);
		return device(serial, model);
	}

	private static boolean endsWithoutTheUnit(FailureCase failureCase) {
		return failureCase.getDecisionAction() == Remedy.REFUND || failureCase.getDecisionAction() == Remedy.DENY;
	}

	/**
	 * The lots named as suspect, contained, or ranked in a lot signal of the unit's
	 * cases.
	 */
	private Set<String> suspects(List<FailureCase> deviceCases) {
		Set<String> suspects = new LinkedHashSet<>();
		for (FailureCase failureCase : deviceCases) {
			quality.findInvestigation(failureCase.getCaseNumber())
				.ifPresent(investigation -> add(suspects, investigation));
			quality.findContainment(failureCase.getCaseNumber())
				.map(Containment::getSuspectLotCode)
				.ifPresent(suspects::add);
		}
		return suspects;
	}

	private static void add(Set<String> suspects, Investigation investigation) {
		if (investigation.getReview() != null && investigation.getReview().suspectLotCode() != null) {
			suspects.add(investigation.getReview().suspectLotCode());
		}
		LotSignal signal = investigation.getFacts() == null ? null : investigation.getFacts().lotSignal();
		if (signal != null && !signal.groups().isEmpty()) {
			suspects.addAll(signal.groups().get(0).lotCodes());
		}
	}

	/**
	 * Nodes and links for the graph: each lot links to the lot made by the build it went
	 * into; a lot installed by a repair links to the device.
	 */
	private Map<String, Object> graph(DeviceTrace trace, Set<String> suspects) {
		String deviceLot = trace.device().lotCode();
		Map<String, List<String>> outputsOfBuild = new HashMap<>();
		outputsOfBuild.computeIfAbsent(trace.device().buildCode(), key -> new ArrayList<>()).add(deviceLot);
		for (TracedLot lot : trace.lots()) {
			genealogy.findLot(lot.lotCode())
				.filter(found -> found.buildCode() != null)
				.ifPresent(found -> outputsOfBuild.computeIfAbsent(found.buildCode(), key -> new ArrayList<>())
					.add(found.lotCode()));
		}
		List<Map<String, Object>> nodes = new ArrayList<>();
		nodes.add(Map.of("id", deviceLot, "name", trace.device().serialNumber(), "depth", 0, "part",
				trace.device().partDescription(), "suspect", false, "url", "/lots/" + deviceLot));
		List<Map<String, Object>> links = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (TracedLot lot : trace.lots()) {
			if (seen.add(lot.lotCode())) {
				nodes.add(Map.of("id", lot.lotCode(), "name", lot.lotCode(), "depth", lot.depth(), "part",
						lot.partDescription() == null ? lot.partNumber() : lot.partDescription(), "suspect",
						suspects.contains(lot.lotCode()), "url", "/lots/" + lot.lotCode()));
			}
			List<String> parents = lot.buildCode() == null ? List.of(deviceLot)
					: outputsOfBuild.getOrDefault(lot.buildCode(), List.of(deviceLot));
			for (String parent : parents) {
				links
					.add(Map.of("source", parent, "target", lot.lotCode(), "precision", Labels.label(lot.precision())));
			}
		}
		return Map.of("nodes", nodes, "links", links);
	}

}
