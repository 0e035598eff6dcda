package com.tracecase.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.tracecase.finance.Remedy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
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

	/** The device is known and the case is being worked on. */
	void startWork() {
		if (status == CaseStatus.REPORTED) {
			status = CaseStatus.IN_PROGRESS;
		}
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
		if (status == CaseStatus.CLOSED) {
			return;
		}
		this.status = CaseStatus.CLOSED;
		this.closure = closure;
		this.resolution = resolution;
		this.closedAt = at;
	}

	private void requireOpen() {
		if (status == CaseStatus.CLOSED) {
			throw new IllegalStateException("Case " + caseNumber + " is closed.");
		}
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

}
