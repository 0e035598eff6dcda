package com.tracecase.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.tracecase.finance.Remedy;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.WhereUsedLot;
import com.tracecase.shared.Addresses;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.TextInput;
import jakarta.persistence.criteria.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The casework API: files failure reports as cases and keeps what is decided about them.
 */
@Service
public class CaseManagement {

	private static final Logger log = LoggerFactory.getLogger(CaseManagement.class);

	/**
	 * Stored as {@code key:<key>} in {@code failure_case.idempotency_key varchar(300)}.
	 */
	static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

	/** Newest first; the case number orders cases reported at the same instant. */
	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("reportedAt"), Sort.Order.desc("caseNumber"));

	private final FailureCases cases;

	private final Genealogy genealogy;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseManagement(FailureCases cases, Genealogy genealogy, ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.genealogy = genealogy;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Files a report from another system or the API: the serial must be known, and the
	 * same idempotency key always answers the same case. A new case publishes
	 * {@link FailureReported} in this transaction, which starts its process.
	 * @param report the report, must not be {@literal null}
	 * @param reportedBy the user or system filing it
	 * @param idempotencyKey the caller's key for this report, may be {@literal null}
	 * @return the case and whether it was created now
	 * @throws InvalidInputException when a field is missing or the serial is unknown, or
	 * the key was used for a different report; nothing is written then
	 */
	@Transactional
	public Filed file(FailureReport report, String reportedBy, String idempotencyKey) {
		checkIdempotencyKey(idempotencyKey);
		validate(report);
		String key = idempotencyKey(report, idempotencyKey);
		String fingerprint = fingerprint(report);
		if (key != null) {
			Optional<FailureCase> existing = cases.findByIdempotencyKey(key);
			if (existing.isPresent()) {
				if (!existing.get().wasFiledWith(fingerprint)) {
					String field = key.startsWith("key:") ? "Idempotency-Key" : "externalReference";
					throw new InvalidInputException(field,
							(field.equals("Idempotency-Key") ? "Idempotency-Key"
									: "externalReference '" + report.externalReference().trim() + "'")
									+ " is already used for a different request (case " + existing.get().getCaseNumber()
									+ "); use a new key for a new report.");
				}
				// a retry: the answer of the first request, and no case number taken
				return new Filed(existing.get(), false);
			}
		}
		if (genealogy.findDevice(report.serialNumber().trim()).isEmpty()) {
			throw new InvalidInputException("serialNumber",
					"Serial number '" + report.serialNumber() + "' is not a device we built.");
		}
		FailureCase filed = newCase(report, key, reportedBy);
		if (key != null) {
			filed.filedWith(fingerprint);
		}
		FailureCase created = cases.saveAndFlush(filed);
		filed(created);
		events.publishEvent(new FailureReported(created.getCaseNumber()));
		return new Filed(created, true);
	}

	/**
	 * Registers a report filed in Tasklist, whose process is running already. The serial
	 * is checked by the process, which asks customer service to identify an unknown
	 * device.
	 * @return the new case, never {@literal null}
	 */
	@Transactional
	public FailureCase register(FailureReport report, String reportedBy) {
		validate(report);
		FailureCase created = cases.saveAndFlush(newCase(report, null, reportedBy));
		filed(created);
		return created;
	}

	private void filed(FailureCase created) {
		events.publishEvent(new CaseStatusChanged(created.getCaseNumber(), null, created.getStatus(),
				created.getReportedBy(), null, created.getReportedAt()));
	}

	private void statusChanged(FailureCase failureCase, CaseStatus before, String actor, String reason) {
		if (failureCase.getStatus() != before) {
			events.publishEvent(new CaseStatusChanged(failureCase.getCaseNumber(), before, failureCase.getStatus(),
					actor, reason, clock.instant()));
		}
	}

	/**
	 * @throws NotFoundException when there is no such case
	 */
	@Transactional(readOnly = true)
	public FailureCase get(String caseNumber) {
		return cases.findByCaseNumber(caseNumber).orElseThrow(() -> new NotFoundException("Case", caseNumber));
	}

	/**
	 * @return the matching cases, newest first
	 * @throws InvalidInputException when the serial number or lot code is too long or has
	 * control characters
	 * @throws NotFoundException when the lot does not exist
	 */
	@Transactional(readOnly = true)
	public List<FailureCase> search(CaseFilter filter) {
		return cases.findAll(specification(filter), NEWEST_FIRST);
	}

	/**
	 * One page of the matching cases, newest first; the database filters, counts and
	 * pages them.
	 * @param filter which cases, must not be {@literal null}
	 * @param page the page, its sort is ignored
	 * @return the page, never {@literal null}
	 * @throws InvalidInputException when the serial number or lot code is too long or has
	 * control characters
	 * @throws NotFoundException when the lot does not exist
	 */
	@Transactional(readOnly = true)
	public Page<FailureCase> search(CaseFilter filter, Pageable page) {
		return cases.findAll(specification(filter),
				PageRequest.of(page.getPageNumber(), page.getPageSize(), NEWEST_FIRST));
	}

	/**
	 * @param statuses the statuses, must not be {@literal null}
	 * @return the serial numbers of the units of the cases in any of the statuses, each
	 * once, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<String> serialNumbersOfCasesIn(Collection<CaseStatus> statuses) {
		return statuses.isEmpty() ? List.of() : cases.findSerialNumbersByStatusIn(statuses);
	}

	private Specification<FailureCase> specification(CaseFilter filter) {
		TextInput.check("serial", "The serial number", filter.serialNumber(), 100, false);
		TextInput.check("lot", "The lot code", filter.lotCode(), 100, false);
		List<String> lotSerials = StringUtils.hasText(filter.lotCode())
				? genealogy.whereUsed(filter.lotCode().trim(), PartKind.PRODUCT)
					.stream()
					.map(WhereUsedLot::serialNumber)
					.filter(StringUtils::hasText)
					.toList()
				: null;
		return (root, query, builder) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (filter.status() != null) {
				predicates.add(builder.equal(root.get("status"), filter.status()));
			}
			if (StringUtils.hasText(filter.serialNumber())) {
				predicates.add(builder.equal(root.get("serialNumber"), filter.serialNumber().trim()));
			}
			if (lotSerials != null) {
				predicates.add(lotSerials.isEmpty() ? builder.disjunction() : root.get("serialNumber").in(lotSerials));
			}
			if (filter.reportedFrom() != null) {
				predicates.add(builder.greaterThanOrEqualTo(root.get("reportedAt"), filter.reportedFrom()));
			}
			if (filter.reportedTo() != null) {
				predicates.add(builder.lessThan(root.get("reportedAt"), filter.reportedTo()));
			}
			if (filter.amongCases() != null) {
				predicates.add(filter.amongCases().isEmpty() ? builder.disjunction()
						: root.get("caseNumber").in(filter.amongCases()));
			}
			return builder.and(predicates.toArray(Predicate[]::new));
		};
	}

	@Transactional
	public FailureCase startWork(String caseNumber) {
		FailureCase failureCase = get(caseNumber);
		CaseStatus before = failureCase.getStatus();
		failureCase.startWork();
		statusChanged(failureCase, before, null, null);
		return cases.save(failureCase);
	}

	@Transactional
	public FailureCase correctSerial(String caseNumber, String serialNumber) {
		FailureCase failureCase = get(caseNumber);
		failureCase.correctSerial(serialNumber);
		return cases.save(failureCase);
	}

	/**
	 * Keeps the repair-or-replace decision with the inputs it was made from.
	 */
	@Transactional
	public FailureCase recordDecision(String caseNumber, Remedy action, String reason, Map<String, Object> inputs,
			String decidedBy) {
		FailureCase failureCase = get(caseNumber);
		Remedy before = failureCase.getDecisionAction();
		Instant at = clock.instant();
		failureCase.recordDecision(action, reason, inputs, decidedBy, at);
		events.publishEvent(new CaseDecided(caseNumber, before, action, reason, decidedBy, at));
		return cases.save(failureCase);
	}

	/**
	 * Keeps a manager's decision, which replaces the proposed one and must say why.
	 * @param notes the manager's reason, required
	 * @return the reason as recorded, never {@literal null}
	 * @throws InvalidInputException when the reason is missing
	 */
	@Transactional
	public String recordManagerDecision(String caseNumber, Remedy remedy, String notes, Map<String, Object> inputs,
			String decidedBy) {
		if (!StringUtils.hasText(notes)) {
			throw new InvalidInputException("managerNotes", "Give the reason for the decision.");
		}
		String reason = "Manager decision: " + notes.trim();
		recordDecision(caseNumber, remedy, reason, inputs, decidedBy);
		return reason;
	}

	@Transactional
	public FailureCase close(String caseNumber, CaseClosure closure, String resolution) {
		FailureCase failureCase = get(caseNumber);
		CaseStatus before = failureCase.getStatus();
		failureCase.close(closure, resolution, clock.instant());
		statusChanged(failureCase, before, null, resolution);
		return cases.save(failureCase);
	}

	/**
	 * Checks finance's approval of the decided remedy. Whether the customer is charged is
	 * part of the decision and cannot be changed by the approval; a rejection says why.
	 * @param caseNumber the case, must have a decision
	 * @param approved the verdict, {@literal null} when none was chosen
	 * @param comment finance's comment, may be {@literal null}
	 * @param customerChargedAsSubmitted the charge flag as it came with the approval,
	 * {@literal null} when none came
	 * @throws InvalidInputException listing every broken rule
	 */
	@Transactional(readOnly = true)
	public void checkCostApproval(String caseNumber, Boolean approved, String comment,
			Boolean customerChargedAsSubmitted) {
		FailureCase failureCase = get(caseNumber);
		List<InvalidInputException.Violation> violations = new ArrayList<>();
		if (approved == null) {
			violations.add(new InvalidInputException.Violation("financeVerdict", "Choose approve or reject."));
		}
		else if (!approved && !StringUtils.hasText(comment)) {
			violations.add(new InvalidInputException.Violation("financeComment",
					"Say why the cost is rejected; the managers decide with your comment."));
		}
		Object decided = failureCase.getDecisionInputs() == null ? null
				: failureCase.getDecisionInputs().get("customerCharged");
		if (customerChargedAsSubmitted != null && decided != null
				&& !customerChargedAsSubmitted.equals(Boolean.valueOf(decided.toString()))) {
			violations.add(new InvalidInputException.Violation("customerCharged",
					"Whether the customer is charged is part of the decision and cannot be changed here; "
							+ "reject the cost to let the managers decide again."));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations.stream()
				.map(InvalidInputException.Violation::message)
				.collect(java.util.stream.Collectors.joining(" ")), violations);
		}
	}

	/**
	 * Checks finance's approval as {@link #checkCostApproval} does and keeps who approved
	 * or rejected the cost, and when, in the audit trail.
	 * @param decidedBy who, must not be {@literal null}
	 * @throws InvalidInputException listing every broken rule; nothing is kept then
	 */
	@Transactional
	public void recordCostApproval(String caseNumber, Boolean approved, String comment,
			Boolean customerChargedAsSubmitted, String decidedBy) {
		checkCostApproval(caseNumber, approved, comment, customerChargedAsSubmitted);
		events.publishEvent(new CostApprovalDecided(caseNumber, approved,
				StringUtils.hasText(comment) ? comment.trim() : null, decidedBy, clock.instant()));
	}

	/**
	 * Checks the message customer service sends when QC found no fault.
	 * @throws InvalidInputException when it is missing or too long
	 */
	public void checkNoFaultFoundMessage(String message) {
		checkTextForCustomer("customerMessage", message, "message");
	}

	/**
	 * Checks the summary customer service confirms a resolution with.
	 * @throws InvalidInputException when it is missing or too long
	 */
	public void checkResolutionSummary(String summary) {
		checkTextForCustomer("resolutionSummary", summary, "resolution summary");
	}

	/** A text customer service sends the customer: required, at most 4000 characters. */
	private static void checkTextForCustomer(String field, String text, String what) {
		if (!StringUtils.hasText(text)) {
			throw new InvalidInputException(field, "Write the " + what + " the customer will receive.");
		}
		if (text.length() > 4000) {
			throw new InvalidInputException(field, "The " + what + " is longer than 4000 characters.");
		}
	}

	/**
	 * A step of the case failed for good: the case needs attention until the problem is
	 * solved. Never throws for an unknown case, since it is called while the failure is
	 * recorded, whose transaction it must not break.
	 * @param caseNumber the case, must not be {@literal null}
	 * @param problemId identifies the problem, e.g. the process engine's incident id
	 * @param step the name of the failed step
	 * @param message what went wrong, readable
	 * @return whether the problem is new to the case; {@code false} for an unknown case
	 * or a problem reported before
	 */

	@Transactional
	public boolean markNeedsAttention(String caseNumber, String problemId, String step, String message) {
		Optional<FailureCase> found = cases.findByCaseNumber(caseNumber);
		if (found.isEmpty()) {
			log.warn("Problem {} at '{}' concerns case {}, which does not exist", problemId, step, caseNumber);
			return false;
		}
		FailureCase failureCase = found.get();
		boolean added = failureCase.needsAttention(new CaseAttention(problemId, step, message, clock.instant()));
		if (added) {
			log.warn("Case {} needs attention: '{}' failed: {}", caseNumber, step, Addresses.maskedIn(message));
			cases.save(failureCase);
		}
		return added;
	}

	/**
	 * A problem of the case was solved (or went away with its step); once none is left
	 * the case returns to its status before. Does nothing for an unknown case or problem.
	 * @param caseNumber the case, must not be {@literal null}
	 * @param problemId the id given to {@link #markNeedsAttention}
	 */
	@Transactional
	public void attentionResolved(String caseNumber, String problemId) {
		cases.findByCaseNumber(caseNumber).ifPresent(failureCase -> {
			if (failureCase.attentionResolved(problemId)) {
				log.info("Problem {} of case {} is solved; the case is {}", problemId, caseNumber,
						failureCase.getStatus());
				cases.save(failureCase);
			}
		});
	}

	/**
	 * Stops a case before its end, e.g. because its process was deleted. A closed or
	 * cancelled case stays as it is; an unknown case is ignored.
	 * @param caseNumber the case, must not be {@literal null}
	 * @param cancelledBy who cancelled it, must not be {@literal null}
	 * @param reason why, must not be {@literal null}
	 * @return whether the case was cancelled now
	 */
	@Transactional
	public boolean cancel(String caseNumber, String cancelledBy, String reason) {
		Optional<FailureCase> found = cases.findByCaseNumber(caseNumber);
		if (found.isEmpty()) {
			log.warn("Case {} to be cancelled by {} does not exist", caseNumber, cancelledBy);
			return false;
		}
		FailureCase failureCase = found.get();
		CaseStatus before = failureCase.getStatus();
		if (!failureCase.cancel(cancelledBy, reason, clock.instant())) {
			return false;
		}
		log.info("Case {} cancelled by {}: {}", caseNumber, cancelledBy, reason);
		statusChanged(failureCase, before, cancelledBy, reason);
		cases.save(failureCase);
		return true;
	}

	/**
	 * Books in the customer's unit; the case's process continues with the repair.
	 * @throws NotFoundException when there is no such case
	 */
	@Transactional
	public void receiveUnit(String caseNumber, String receivedBy) {
		get(caseNumber);
		events.publishEvent(new UnitReceived(caseNumber, receivedBy));
	}

	private FailureCase newCase(FailureReport report, String idempotencyKey, String reportedBy) {
		Instant now = clock.instant();
		int year = now.atZone(ZoneOffset.UTC).getYear();
		String caseNumber = "FC-%d-%06d".formatted(year, cases.nextCaseSequence());
		return new FailureCase(caseNumber, report, idempotencyKey, reportedBy, now);
	}

	private static String idempotencyKey(FailureReport report, String idempotencyKey) {
		if (StringUtils.hasText(idempotencyKey)) {
			return "key:" + idempotencyKey.trim();
		}
		if (StringUtils.hasText(report.externalReference())) {
			return "ref:" + report.externalReference().trim();
		}
		return null;
	}

	/**
	 * The report as it would be stored, as a SHA-256 hex string: values trimmed, an empty
	 * value as absent, the email address in lower case, the default tier spelled out.
	 */
	static String fingerprint(FailureReport report) {
		String canonical = String.join("\u001f", normalized(report.serialNumber()), normalized(report.customerName()),
				normalized(report.customerEmail()).toLowerCase(Locale.ROOT), normalized(report.customerPhone()),
				String.valueOf(report.symptomCategory()), normalized(report.description()),
				String.valueOf(report.purchaseDate()), String.valueOf(report.channel()),
				normalized(report.externalReference()),
				String.valueOf(report.customerTier() != null ? report.customerTier() : CustomerTier.STANDARD));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String normalized(String value) {
		return value == null ? "" : value.strip();
	}

	/**
	 * An idempotency key is a short printable ASCII string (as in the IETF
	 * Idempotency-Key draft, a structured-field string).
	 */
	private static void checkIdempotencyKey(String idempotencyKey) {
		if (idempotencyKey == null) {
			return;
		}
		if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
			throw new InvalidInputException("Idempotency-Key",
					"Idempotency-Key is longer than " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters.");
		}
		if (!idempotencyKey.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
			throw new InvalidInputException("Idempotency-Key",
					"Idempotency-Key may contain printable ASCII characters only.");
		}
	}

	private static void validate(FailureReport report) {
		List<InvalidInputException.Violation> violations = new ArrayList<>();
		text(violations, "serialNumber", "The serial number", report.serialNumber(), 64, false);
		text(violations, "customer.name", "The customer's name", report.customerName(), 200, false);
		text(violations, "customer.email", "The customer's email", report.customerEmail(), 320, false);
		text(violations, "customer.phone", "The customer's phone", report.customerPhone(), 64, false);
		text(violations, "description", "The description", report.description(), 4000, true);
		text(violations, "externalReference", "The external reference", report.externalReference(), 200, false);
		require(violations, report.serialNumber(), "serialNumber", "The serial number is required.");
		require(violations, report.customerName(), "customer.name", "The customer's name is required.");
		require(violations, report.customerEmail(), "customer.email", "The customer's email is required.");
		require(violations, report.description(), "description", "A description of the failure is required.");
		if (report.symptomCategory() == null) {
			violations.add(new InvalidInputException.Violation("symptomCategory", "The symptom category is required."));
		}
		if (report.channel() == null) {
			violations.add(new InvalidInputException.Violation("channel", "The channel is required."));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations.stream()
				.map(InvalidInputException.Violation::message)
				.collect(java.util.stream.Collectors.joining(" ")), violations);
		}
	}

	private static void text(List<InvalidInputException.Violation> violations, String field, String label, String value,
			int maxLength, boolean multiLine) {
		InvalidInputException.Violation violation = TextInput.violation(field, label, value, maxLength, multiLine);
		if (violation != null) {
			violations.add(violation);
		}
	}

	private static void require(List<InvalidInputException.Violation> violations, String value, String field,
			String message) {
		if (!StringUtils.hasText(value)) {
			violations.add(new InvalidInputException.Violation(field, message));
		}
	}

	/**
	 * @param failureCase the case
	 * @param created whether this call created it, or an earlier one with the same key
	 * did
	 */
	public record Filed(FailureCase failureCase, boolean created) {
	}

}
