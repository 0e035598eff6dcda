package com.tracecase.genealogy.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import com.tracecase.genealogy.Disposal;
import com.tracecase.genealogy.DisposalPage;
import com.tracecase.genealogy.DisposedItem;
import com.tracecase.genealogy.Disposition;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.ReturnedMaterial;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.InvalidInputException.Violation;
import com.tracecase.shared.Labels;
import com.tracecase.shared.WorkspacePage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Removed parts and returned units: every component taken out in a repair and every
 * customer's unit that came back without a repair, by where it is now (failure analysis,
 * recycling, scrap), with where it came from and its case; QC and production move what is
 * in failure analysis on to scrap or recycling with a reason.
 */
@Controller
@WorkspacePage
class ReturnsPages {

	static final int PAGE_SIZE = 50;

	/** Who moves an item on from failure analysis. */
	static final String MAY_MOVE = "hasAnyAuthority('GROUP_qc', 'GROUP_production', 'GROUP_camunda-admin')";

	private final ReturnedMaterial returnedMaterial;

	ReturnsPages(ReturnedMaterial returnedMaterial) {
		this.returnedMaterial = returnedMaterial;
	}

	@GetMapping("/returns")
	String returns(@RequestParam(required = false) String disposition, @RequestParam(required = false) String item,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<Violation> filterErrors = new ArrayList<>();
		Disposition now = filter(Disposition.class, disposition, "disposition",
				"Choose where the items are from the list.", filterErrors);
		DisposedItem kind = filter(DisposedItem.class, item, "item",
				"Choose removed parts or returned units from the list.", filterErrors);
		model.addAttribute("filterErrors", filterErrors);
		model.addAttribute("disposition", now);
		model.addAttribute("item", kind);
		model.addAttribute("dispositions", Disposition.values());
		model.addAttribute("items", DisposedItem.values());
		model.addAttribute("moves", List.of(Disposition.SCRAP, Disposition.RECYCLING));
		model.addAttribute("returns", returnedMaterial.disposals(now, kind, Math.max(0, page), PAGE_SIZE));
		return "genealogy/returns";
	}

	/** Every item the filter shows, as CSV for a spreadsheet. */
	@GetMapping("/returns.csv")
	ResponseEntity<String> returnsCsv(@RequestParam(required = false) String disposition,
			@RequestParam(required = false) String item) throws IOException {
		Disposition now = Params.parse(Disposition.class, disposition, "disposition");
		DisposedItem kind = Params.parse(DisposedItem.class, item, "item");
		DisposalPage all = returnedMaterial.disposals(now, kind, 0, Genealogy.MAX_PAGE_SIZE);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("lot_code", "item", "status", "location", "part_number", "supplier", "unit_cost",
							"from_lot_code", "serial_number", "case_number", "disposed_at", "disposed_by", "sent_to")
					.get())) {
			for (Disposal d : all.disposals()) {
				csv.printRecord(d.lotCode(), Labels.label(d.item()), Labels.label(d.status()), d.location(),
						d.partNumber(), d.supplier(), d.unitCost(), d.originLotCode(), d.serialNumber(), d.caseNumber(),
						d.at(), d.by(), Labels.label(d.sentTo()));
			}
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("returns.csv").build().toString())
			.body(out.toString());
	}

	@PostMapping("/returns/{lotCode}/move")
	@PreAuthorize(MAY_MOVE)
	String move(@PathVariable String lotCode, @RequestParam(required = false) String disposition,
			@RequestParam(required = false) String location, @RequestParam(required = false) String reason,
			Principal principal, Model model, RedirectAttributes redirect) {
		try {
			Disposal moved = returnedMaterial.move(lotCode, disposition, location, principal.getName(), reason);
			redirect.addFlashAttribute("done", "Lot %s is %s at %s.".formatted(lotCode,
					Labels.label(moved.status()).toLowerCase(java.util.Locale.ROOT), moved.location()));
			return "redirect:/returns";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.violations().isEmpty()
					? List.of(new Violation("disposition", ex.getMessage())) : ex.violations());
			model.addAttribute("failedLot", lotCode);
			model.addAttribute("chosen", disposition);
			model.addAttribute("location", location);
			model.addAttribute("reason", reason);
			return returns(null, null, 0, model);
		}
	}

	private static <E extends Enum<E>> E filter(Class<E> type, String value, String field, String message,
			List<Violation> errors) {
		try {
			return Params.parse(type, value, field);
		}
		catch (InvalidInputException ex) {
			errors.add(new Violation(field, message));
			return null;
		}
	}

}
