package com.tracecase.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.tracecase.finance.Remedy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One customer's report about one device and everything decided about it. The case number
 * is the business key of the case's process.
 */
@Entity
@Table(name = "failure_case")
public class FailureCase {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, updatable = false)
	private String caseNumber;

	@Column(nullable = false)
	private String serialNumber;

	@Column(nullable = false)
	private String customerName;

	@Column(nullable = false)
	private String customerEmail;

	private String customerPhone;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SymptomCategory symptomCategory;

	@Column(nullable = false)
	private String description;

	private LocalDate purchaseDate;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ReportChannel channel;

	@Column(unique = true, updatable = false)
	private String externalReference;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CustomerTier customerTier;

	@Column(unique = true, updatable = false)
	private String idempotencyKey;

	/** The fingerprint of the request filed with the idempotency key. */
	@Column(updatable = false)
	private String requestHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private CaseStatus status;

	@Enumerated(EnumType.STRING)
	private CaseClosure closure;

	@Enumerated(EnumType.STRING)
	private Remedy decisionAction;

	private String decisionReason;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Object> decisionInputs;

	private String decidedBy;

	private Instant decidedAt;

	private String resolution;

	@Column(nullable = false, updatable = false)
	private String reportedBy;

	@Column(nullable = false, updatable = false)
	private Instant reportedAt;

	private Instant closedAt;

	/** What the status was when the first open problem stopped the case. */
	@Enumerated(EnumType.STRING)
	private CaseStatus statusBeforeAttention;

	// eager: cases leave their transaction for the API; one extra query per search
	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "case_attention", joinColumns = @JoinColumn(name = "case_id"))
	@OrderBy("since")
	private List<CaseAttention> attentions = new ArrayList<>();

	private String cancelledBy;

	private String cancellationReason;

	@Version
	private long version;

	protected FailureCase() {
	}

	FailureCase(String caseNumber, FailureReport report, String idempotencyKey, String reportedBy, Instant reportedAt) {
		this.caseNumber = caseNumber;
		this.serialNumber = report.serialNumber().trim();
		this.customerName = report.customerName().trim();
		this.customerEmail = report.customerEmail().trim();
		this.customerPhone = report.customerPhone();
		this.symptomCategory = report.symptomCategory();
		this.description = report.description();
		this.purchaseDate = report.purchaseDate();
		this.channel = report.channel();
		this.externalReference = report.externalReference();
		this.customerTier = report.customerTier() != null ? report.customerTier() : CustomerTier.STANDARD;
		this.idempotencyKey = idempotencyKey;
		this.status = CaseStatus.REPORTED;
		this.reportedBy = reportedBy;
		this.reportedAt = reportedAt;
	}

	/**
	 * Remembers the request the case was filed with, to tell a retry from another request
	 * under the same key.
	 */
	void filedWith(String requestHash) {
		this.requestHash = requestHash;
	}

	/**
	 * @return whether the case was filed with this request; cases filed before requests
	 * were fingerprinted match every request
	 */
	boolean wasFiledWith(String requestHash) {
		return this.requestHash == null || this.requestHash.equals(requestHash);
	}

	/** The device is known and the case is being worked on. */
	void startWork() {
		if (status == CaseStatus.REPORTED) {
			status = CaseStatus.IN_PROGRESS;
		}
		else if (status == CaseStatus.NEEDS_ATTENTION && statusBeforeAttention == CaseStatus.REPORTED) {
			statusBeforeAttention = CaseStatus.IN_PROGRESS;
		}
	}

	/**
	 * A step failed for good. An open case needs attention until every such problem is
	 * solved; a closed or cancelled case keeps its status but shows the problem.
	 * @return whether the problem is new to the case (the same problem reported again
	 * changes nothing)
	 */
	boolean needsAttention(CaseAttention problem) {
		if (attentions.stream().anyMatch(open -> open.problemId().equals(problem.problemId()))) {
			return false;
		}
		attentions.add(problem);
		if (status == CaseStatus.REPORTED || status == CaseStatus.IN_PROGRESS) {
			statusBeforeAttention = status;
			status = CaseStatus.NEEDS_ATTENTION;
		}
		return true;
	}

	/**
	 * A problem was solved. Once none is left, a case that needed attention returns to
	 * the status it had before.
	 * @return whether the problem was open on this case
	 */
	boolean attentionResolved(String problemId) {
		boolean removed = attentions.removeIf(open -> open.problemId().equals(problemId));
		if (removed && attentions.isEmpty() && status == CaseStatus.NEEDS_ATTENTION) {
			status = statusBeforeAttention != null ? statusBeforeAttention : CaseStatus.IN_PROGRESS;
			statusBeforeAttention = null;
		}
		return removed;
	}

	/**
	 * Stops the case before its end; its open problems go with it. A closed or cancelled
	 * case stays as it is.
	 * @return whether the case was cancelled now
	 */
	boolean cancel(String cancelledBy, String reason, Instant at) {
		if (isFinished()) {
			return false;
		}
		this.status = CaseStatus.CANCELLED;
		this.cancelledBy = cancelledBy;
		this.cancellationReason = reason;
		this.closedAt = at;
		this.statusBeforeAttention = null;
		this.attentions.clear();
		return true;
	}

	void correctSerial(String serialNumber) {
		requireOpen();
		this.serialNumber = serialNumber.trim();
	}

	void recordDecision(Remedy action, String reason, Map<String, Object> inputs, String decidedBy, Instant at) {
		requireOpen();
		this.decisionAction = action;
		this.decisionReason = reason;
		this.decisionInputs = inputs;
		this.decidedBy = decidedBy;
		this.decidedAt = at;
	}

	/**
	 * Closes the case; closing a closed case again changes nothing, so a retried step is
	 * harmless.
	 */
	void close(CaseClosure closure, String resolution, Instant at) {
		if (isFinished()) {
			return;
		}
		this.status = CaseStatus.CLOSED;
		this.statusBeforeAttention = null;
		this.closure = closure;
		this.resolution = resolution;
		this.closedAt = at;
	}

	private void requireOpen() {
		if (isFinished()) {
			throw new IllegalStateException("Case " + caseNumber + " is " + status.name().toLowerCase() + ".");
		}
	}

	private boolean isFinished() {
		return status == CaseStatus.CLOSED || status == CaseStatus.CANCELLED;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public String getSerialNumber() {
		return serialNumber;
	}

	public String getCustomerName() {
		return customerName;
	}

	public String getCustomerEmail() {
		return customerEmail;
	}

	public String getCustomerPhone() {
		return customerPhone;
	}

	public SymptomCategory getSymptomCategory() {
		return symptomCategory;
	}

	public String getDescription() {
		return description;
	}

	public LocalDate getPurchaseDate() {
		return purchaseDate;
	}

	public ReportChannel getChannel() {
		return channel;
	}

	public String getExternalReference() {
		return externalReference;
	}

	public CaseStatus getStatus() {
		return status;
	}

	public String getReportedBy() {
		return reportedBy;
	}

	public Instant getReportedAt() {
		return reportedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public CustomerTier getCustomerTier() {
		return customerTier;
	}

	public CaseClosure getClosure() {
		return closure;
	}

	public Remedy getDecisionAction() {
		return decisionAction;
	}

	public String getDecisionReason() {
		return decisionReason;
	}

	public Map<String, Object> getDecisionInputs() {
		return decisionInputs;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getResolution() {
		return resolution;
	}

	/**
	 * @return the open problems that stop the case, oldest first; never {@literal null}
	 */
	public List<CaseAttention> getAttentions() {
		return Collections.unmodifiableList(attentions);
	}

	/**
	 * @return who cancelled the case, {@literal null} unless it is cancelled
	 */
	public String getCancelledBy() {
		return cancelledBy;
	}

	/**
	 * @return why the case was cancelled, {@literal null} unless it is cancelled
	 */
	public String getCancellationReason() {
		return cancellationReason;
	}

}
