package com.tracecase.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The casework API: registers failure reports as cases and answers what is known about
 * them.
 */
@Service
public class CaseManagement {

	private final FailureCases cases;

	private final Clock clock;

	CaseManagement(FailureCases cases, Clock clock) {
		this.cases = cases;
		this.clock = clock;
	}

	/**
	 * Registers a report as a new case with the next case number
	 * ({@code FC-<year>-<six digits>}).
	 * @param report the report, must not be {@literal null}
	 * @param reportedBy the user or system that filed it, must not be {@literal null}
	 * @return the new case, never {@literal null}
	 * @throws InvalidInputException when a required field is missing
	 */
	@Transactional
	public FailureCase register(FailureReport report, String reportedBy) {
		requireText(report.serialNumber(), "serialNumber", "The serial number is required.");
		requireText(report.customerName(), "customerName", "The customer's name is required.");
		requireText(report.customerEmail(), "customerEmail", "The customer's email is required.");
		requireText(report.description(), "description", "A description of the failure is required.");
		if (report.symptomCategory() == null) {
			throw new InvalidInputException("symptomCategory", "The symptom category is required.");
		}
		if (report.channel() == null) {
			throw new InvalidInputException("channel", "The channel is required.");
		}
		Instant now = clock.instant();
		int year = now.atZone(ZoneOffset.UTC).getYear();
		String caseNumber = "FC-%d-%06d".formatted(year, cases.nextCaseSequence());
		return cases.save(new FailureCase(caseNumber, report, reportedBy, now));
	}

	/**
	 * @param caseNumber the case number, must not be {@literal null}
	 * @return the case, never {@literal null}
	 * @throws NotFoundException when there is no such case
	 */
	@Transactional(readOnly = true)
	public FailureCase get(String caseNumber) {
		return cases.findByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("Case", caseNumber));
	}

	@Transactional(readOnly = true)
	public Optional<FailureCase> findByExternalReference(String externalReference) {
		return cases.findByExternalReference(externalReference);
	}

	private static void requireText(String value, String field, String message) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidInputException(field, message);
		}
	}

}
