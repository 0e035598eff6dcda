package com.tracecase.quality;

import java.time.Instant;
import java.util.Optional;

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
 * QC's investigation of one case: the facts collected when it opened, and QC's review.
 */
@Entity
@Table(name = "investigation")
public class Investigation {

	public enum Status {

		OPEN, FAILURE_CONFIRMED, NO_FAULT_FOUND

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, updatable = false)
	private String caseNumber;

	@Column(nullable = false)
	private String serialNumber;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Status status;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false, columnDefinition = "jsonb")
	private InvestigationFacts facts;

	@Column(nullable = false, updatable = false)
	private Instant openedAt;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private QcReview review;

	private String reviewedBy;

	private Instant reviewedAt;

	@Version
	private long version;

	protected Investigation() {
	}

	Investigation(String caseNumber, InvestigationFacts facts, Instant openedAt) {
		this.caseNumber = caseNumber;
		this.serialNumber = facts.device().serialNumber();
		this.facts = facts;
		this.openedAt = openedAt;
		this.status = Status.OPEN;
	}

	void review(QcReview review, String reviewer, Instant at) {
		this.review = review;
		this.reviewedBy = reviewer;
		this.reviewedAt = at;
		this.status = review.failureConfirmed() ? Status.FAILURE_CONFIRMED : Status.NO_FAULT_FOUND;
	}

	/** The facts in words for QC's form (at most 3,800 characters). */
	public String summary() {
		return InvestigationText.summary(facts);
	}

	/** The evidence sentences: the suspect groups, or why there is no lot signal yet. */
	public String lotSignalText() {
		return InvestigationText.lotSignal(facts);
	}

	/**
	 * @return the lot QC starts from, empty with one report or when the most suspect lots
	 * cannot be told apart
	 */
	public Optional<SuspectLotOption> prefilledSuspect() {
		if (facts.lotSignal() == null) {
			return Optional.empty();
		}
		return facts.lotSignal()
			.prefilledLotCode()
			.flatMap(lot -> facts.suspectOptions().stream().filter(option -> option.value().equals(lot)).findFirst());
	}

	/** What customer service may tell the customer when QC found no fault. */
	public String noFaultFoundMessage() {
		return InvestigationText.noFaultFoundMessage(facts);
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public String getSerialNumber() {
		return serialNumber;
	}

	public Status getStatus() {
		return status;
	}

	public InvestigationFacts getFacts() {
		return facts;
	}

	public Instant getOpenedAt() {
		return openedAt;
	}

	public QcReview getReview() {
		return review;
	}

	public String getReviewedBy() {
		return reviewedBy;
	}

	public Instant getReviewedAt() {
		return reviewedAt;
	}

}
