package com.tracecase.casework;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
	private CaseStatus status;

	@Column(nullable = false, updatable = false)
	private String reportedBy;

	@Column(nullable = false, updatable = false)
	private Instant reportedAt;

	private Instant closedAt;

	@Version
	private long version;

	protected FailureCase() {
	}

	FailureCase(String caseNumber, FailureReport report, String reportedBy, Instant reportedAt) {
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
		this.status = CaseStatus.REPORTED;
		this.reportedBy = reportedBy;
		this.reportedAt = reportedAt;
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

}
