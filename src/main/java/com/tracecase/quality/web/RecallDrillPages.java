package com.tracecase.quality.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Lot;
import com.tracecase.quality.RecallDrill;
import com.tracecase.quality.RecallRecords;
import com.tracecase.shared.WorkspacePage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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

/**
 * Recall drills of a lot: run one, read its printable record, download it as CSV. The
 * record names customers, so it is for those who deal with them and for QC.
 */
@Controller
@WorkspacePage
@PreAuthorize(RecallDrillPages.MAY_READ)
class RecallDrillPages {

	/** Customer data: customer service, QC, managers and administrators. */
	static final String MAY_READ = "hasAnyAuthority('GROUP_customer-service', 'GROUP_qc', 'GROUP_managers', 'GROUP_camunda-admin')";

	/** Who runs drills: QC, managers and administrators. */
	static final String MAY_DRILL = "hasAnyAuthority('GROUP_qc', 'GROUP_managers', 'GROUP_camunda-admin')";

	/** Rows of the record shown on the page; the CSV has them all. */
	static final int SHOWN_UNITS = 1000;

	private final Genealogy genealogy;

	private final RecallRecords records;

	RecallDrillPages(Genealogy genealogy, RecallRecords records) {
		this.genealogy = genealogy;
		this.records = records;
	}

	@GetMapping("/lots/{lotCode}/recall-drills")
	String drills(@PathVariable String lotCode, Model model) {
		Lot lot = genealogy.getLot(lotCode);
		model.addAttribute("lot", lot);
		model.addAttribute("drills", records.drillsOf(lot.lotCode()));
		return "quality/recall-drills";
	}

	@PostMapping("/lots/{lotCode}/recall-drills")
	@PreAuthorize(MAY_DRILL)
	String drill(@PathVariable String lotCode, Principal principal) {
		RecallDrill drill = records.drill(lotCode, principal.getName());
		return "redirect:/recall-drills/" + drill.getId();
	}

	@GetMapping("/recall-drills/{id}")
	String drill(@PathVariable long id, Model model) throws IOException {
		RecallDrill drill = records.get(id);
		List<Map<String, String>> units = new ArrayList<>();
		long total = 0;
		try (CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new InputStreamReader(new ByteArrayInputStream(drill.getRecordCsv()), StandardCharsets.UTF_8))) {
			for (CSVRecord row : parser) {
				if (total++ < SHOWN_UNITS) {
					units.add(row.toMap());
				}
			}
		}
		model.addAttribute("drill", drill);
		model.addAttribute("lot", genealogy.getLot(drill.getLotCode()));
		model.addAttribute("units", units);
		model.addAttribute("totalUnits", total);
		return "quality/recall-drill";
	}

	@GetMapping("/recall-drills/{id}/record.csv")
	ResponseEntity<byte[]> record(@PathVariable long id) {
		RecallDrill drill = records.get(id);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("recall-drill-" + drill.getLotCode() + "-" + drill.getId() + ".csv", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(drill.getRecordCsv());
	}

}
