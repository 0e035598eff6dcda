package com.tracecase.genealogy.web;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Lot;
import com.tracecase.genealogy.LotFile;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.ReturnedMaterial;
import com.tracecase.genealogy.WhereUsed;
import com.tracecase.shared.InvalidInputException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lot page, the target of a lot label's QR code: details, status with history, files,
 * where-used and the printable label.
 */
@Controller
@WorkspacePage
class LotPages {

	static final int WHERE_USED_PAGE_SIZE = 50;

	private final Genealogy genealogy;

	private final LotManagement lots;

	private final ReturnedMaterial returnedMaterial;

	LotPages(Genealogy genealogy, LotManagement lots, ReturnedMaterial returnedMaterial) {
		this.genealogy = genealogy;
		this.lots = lots;
		this.returnedMaterial = returnedMaterial;
	}

	@GetMapping("/lots/{lotCode}")
	String lot(@PathVariable String lotCode, @RequestParam(defaultValue = "0") int page, Model model) {
		Lot lot = genealogy.getLot(lotCode);
		model.addAttribute("lot", lot);
		model.addAttribute("history", genealogy.lotHistory(lotCode));
		model.addAttribute("files", genealogy.files(lotCode));
		model.addAttribute("disposal", returnedMaterial.disposal(lotCode).orElse(null));
		model.addAttribute("nextStatuses", new ArrayList<>(lot.status().successors()));
		WhereUsed whereUsed = genealogy.whereUsed(lotCode, PartKind.PRODUCT, Math.max(0, page), WHERE_USED_PAGE_SIZE);
		model.addAttribute("whereUsed", whereUsed);
		model.addAttribute("lastPage", Math.max(0, (whereUsed.total() - 1) / WHERE_USED_PAGE_SIZE));
		return "genealogy/lot";
	}

	@PostMapping("/lots/{lotCode}/status")
	@PreAuthorize(GenealogyController.MAY_CHANGE)
	String changeStatus(@PathVariable String lotCode, @RequestParam(required = false) LotStatus status,
			@RequestParam(required = false) String reason, Principal principal, Model model,
			RedirectAttributes redirect) {
		List<InvalidInputException.Violation> errors = new ArrayList<>();
		if (status == null) {
			errors.add(new InvalidInputException.Violation("status", "Choose the new status."));
		}
		if (reason == null || reason.isBlank()) {
			errors.add(new InvalidInputException.Violation("reason", "Give the reason for the change."));
		}
		if (errors.isEmpty()) {
			try {
				lots.changeStatus(lotCode, status, principal.getName(), reason.strip());
				redirect.addFlashAttribute("done", "The lot is now " + Labels.label(status).toLowerCase() + ".");
				return "redirect:/lots/{lotCode}";
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.violations().isEmpty()
						? List.of(new InvalidInputException.Violation("status", ex.getMessage())) : ex.violations());
			}
		}
		model.addAttribute("statusErrors", errors);
		model.addAttribute("chosenStatus", status);
		model.addAttribute("reason", reason);
		return lot(lotCode, 0, model);
	}

	@PostMapping("/lots/{lotCode}/files")
	@PreAuthorize(GenealogyController.MAY_ATTACH)
	String attach(@PathVariable String lotCode, @RequestParam(required = false) MultipartFile file, Principal principal,
			Model model, RedirectAttributes redirect) throws IOException {
		String error;
		if (file == null || file.isEmpty() || file.getOriginalFilename() == null
				|| file.getOriginalFilename().isBlank()) {
			error = "Choose a file to upload.";
		}
		else {
			try {
				LotFile attached = lots.attachFile(lotCode, file.getOriginalFilename(), file.getContentType(),
						file.getBytes(), principal.getName());
				redirect.addFlashAttribute("done", attached.fileName() + " is attached to the lot.");
				return "redirect:/lots/{lotCode}#files";
			}
			catch (InvalidInputException ex) {
				error = ex.getMessage();
			}
		}
		model.addAttribute("fileError", error);
		return lot(lotCode, 0, model);
	}

	@GetMapping("/lots/{lotCode}/files/{fileId}")
	ResponseEntity<byte[]> download(@PathVariable String lotCode, @PathVariable String fileId) {
		LotFile file = genealogy.file(lotCode, fileId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(genealogy.fileContent(lotCode, fileId));
	}

	@GetMapping(value = "/lots/{lotCode}/label.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> labelImage(@PathVariable String lotCode) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(genealogy.label(lotCode));
	}

	/** A sheet of labels, ready to print. */
	@GetMapping("/lots/{lotCode}/label")
	String label(@PathVariable String lotCode, @RequestParam(defaultValue = "4") int copies, Model model) {
		model.addAttribute("lot", genealogy.getLot(lotCode));
		model.addAttribute("copies", Math.max(1, Math.min(copies, 40)));
		return "genealogy/label";
	}

	/** Every device built from the lot, as CSV for a spreadsheet. */
	@GetMapping(value = "/lots/{lotCode}/where-used.csv")
	ResponseEntity<String> whereUsedCsv(@PathVariable String lotCode) throws IOException {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("serial_number", "lot_code", "part_number", "status", "depth")
					.get())) {
			genealogy.streamWhereUsed(lotCode, PartKind.PRODUCT, lot -> {
				try {
					csv.printRecord(lot.serialNumber(), lot.lotCode(), lot.partNumber(), Labels.label(lot.status()),
							lot.depth());
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(lotCode + "-where-used.csv").build().toString())
			.body(out.toString());
	}

}
