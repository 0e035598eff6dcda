package com.tracecase.casework.web;

import java.time.Instant;
import java.time.LocalDate;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.FailureCase;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failure cases over HTTP.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

	private final CaseManagement cases;

	CaseController(CaseManagement cases) {
		this.cases = cases;
	}

	@GetMapping("/{caseNumber}")
	CaseResponse get(@PathVariable String caseNumber) {
		return CaseResponse.of(cases.get(caseNumber));
	}

	record CaseResponse(String caseNumber, String status, String serialNumber, Customer customer,
			String symptomCategory, String description, LocalDate purchaseDate, String channel,
			String externalReference, String reportedBy, Instant reportedAt, Instant closedAt) {

		static CaseResponse of(FailureCase c) {
			return new CaseResponse(c.getCaseNumber(), c.getStatus().name(), c.getSerialNumber(),
					new Customer(c.getCustomerName(), c.getCustomerEmail(), c.getCustomerPhone()),
					c.getSymptomCategory().name(), c.getDescription(), c.getPurchaseDate(), c.getChannel().name(),
					c.getExternalReference(), c.getReportedBy(), c.getReportedAt(), c.getClosedAt());
		}

	}

	record Customer(String name, String email, String phone) {
	}

}
