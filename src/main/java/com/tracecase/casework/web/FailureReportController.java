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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Failure reports", description = "Reports from other systems (CRM, web shop) and scripts")
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
	@Operation(summary = "File a failure report", description = """
			Opens a case for a customer's broken device and starts its process. Customer service and \
			administrators only. Send an `Idempotency-Key` (or an `externalReference`) to make retries safe: \
			the same report with the same key answers the same case.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "report",
							value = """
									{
									  "serialNumber": "HX2-001331",
									  "customer": { "name": "Jane Roe", "email": "jane.roe@example.com", "phone": "+49 30 1234567" },
									  "symptomCategory": "NO_POWER",
									  "description": "The scanner does not switch on after charging overnight.",
									  "purchaseDate": "2025-06-14",
									  "channel": "EMAIL",
									  "externalReference": "CRM-48213",
									  "customerTier": "STANDARD"
									}"""))))
	@ApiResponse(responseCode = "201", description = "Filed: a new case, at `href`")
	@ApiResponse(responseCode = "200", description = "Filed before with this key: the same case")
	@ApiResponse(responseCode = "406", description = "The request does not accept JSON; nothing was filed")
	@ApiResponse(responseCode = "422", description = """
			Invalid input, nothing filed: each wrong field in `errors` (a serial number we did not build, \
			a malformed address, a key already used for another report).""")
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
