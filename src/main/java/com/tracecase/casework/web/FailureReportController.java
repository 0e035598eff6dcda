package com.tracecase.casework.web;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseManagement.Filed;
import com.tracecase.casework.CustomerTier;
import com.tracecase.casework.FailureReport;
import com.tracecase.casework.ReportChannel;
import com.tracecase.casework.SymptomCategory;
import com.tracecase.shared.TextInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failure reports from other systems (CRM, web shop) and from scripts.
 */
@RestController
class FailureReportController {

	private final CaseManagement cases;

	FailureReportController(CaseManagement cases) {
		this.cases = cases;
	}

	/**
	 * Files a report. The same {@code Idempotency-Key} (or {@code externalReference})
	 * answers the same case: 201 the first time, 200 after; the same key with a different
	 * report is refused (422). JSON only: any other {@code Accept} is refused (406)
	 * before anything is filed.
	 */
	@PostMapping(path = "/api/failure-reports", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyAuthority('GROUP_customer-service', 'GROUP_camunda-admin')")
	ResponseEntity<FiledResponse> file(@Valid @RequestBody FailureReportRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Principal principal) {
		FailureReport report = request.toReport();
		Filed filed;
		try {
			filed = cases.file(report, principal.getName(), idempotencyKey);
		}
		catch (DataIntegrityViolationException ex) {
			// the same key filed concurrently: the other request won, answer its case
			filed = cases.file(report, principal.getName(), idempotencyKey);
		}
		FiledResponse body = new FiledResponse(filed.failureCase().getCaseNumber(),
				filed.failureCase().getStatus().name(), filed.failureCase().getSerialNumber(),
				"/api/cases/" + filed.failureCase().getCaseNumber());
		if (!filed.created()) {
			return ResponseEntity.ok(body);
		}
		return ResponseEntity.created(URI.create(body.href())).body(body);
	}

	record FailureReportRequest(
			@NotBlank @Size(max = 64) @Pattern(regexp = TextInput.SINGLE_LINE,
					message = TextInput.CONTROL_CHARACTER_MESSAGE) String serialNumber,
			@Valid @NotNull Customer customer, @NotNull SymptomCategory symptomCategory,
			@NotBlank @Size(max = 4000) @Pattern(regexp = TextInput.MULTI_LINE,
					message = TextInput.CONTROL_CHARACTER_MESSAGE) String description,
			@PastOrPresent LocalDate purchaseDate, @NotNull ReportChannel channel,
			@Size(max = 200) @Pattern(regexp = TextInput.SINGLE_LINE,
					message = TextInput.CONTROL_CHARACTER_MESSAGE) String externalReference,
			CustomerTier customerTier) {

		FailureReport toReport() {
			return new FailureReport(serialNumber, customer.name(), customer.email(), customer.phone(), symptomCategory,
					description, purchaseDate, channel, externalReference, customerTier);
		}

	}

	record Customer(
			@NotBlank @Size(max = 200) @Pattern(regexp = TextInput.SINGLE_LINE,
					message = TextInput.CONTROL_CHARACTER_MESSAGE) String name,
			@NotBlank @Email @Size(max = 320) @Pattern(regexp = TextInput.SINGLE_LINE,
					message = TextInput.CONTROL_CHARACTER_MESSAGE) String email,
			@Size(max = 64) @Pattern(regexp = TextInput.SINGLE_LINE,
					message = TextInput.CONTROL_CHARACTER_MESSAGE) String phone) {
	}

	record FiledResponse(String caseNumber, String status, String serialNumber, String href) {
	}

}
