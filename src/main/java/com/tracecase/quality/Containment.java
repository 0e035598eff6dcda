package com.tracecase.quality;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What was done to contain a suspect lot: the stock put on hold, the shipped units at
 * risk, and the managers' decision on a field action.
 */
@Entity
@Table(name = "containment")
public class Containment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, updatable = false)
	private String caseNumber;

	@Column(nullable = false)
	private String suspectLotCode;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false, columnDefinition = "jsonb")
	private List<String> quarantinedLots;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false, columnDefinition = "jsonb")
	private List<String> shippedSerialsAtRisk;

	@Column(nullable = false)
	private Instant containedAt;

	private Boolean fieldActionApproved;

	private String fieldActionNotes;

	private String decidedBy;

	private Instant decidedAt;

	@Version
	private long version;

	protected Containment() {
	}

	Containment(String caseNumber, String suspectLotCode, List<String> quarantinedLots,
			List<String> shippedSerialsAtRisk, Instant containedAt) {
		this.caseNumber = caseNumber;
		this.suspectLotCode = suspectLotCode;
		this.quarantinedLots = List.copyOf(quarantinedLots);
		this.shippedSerialsAtRisk = List.copyOf(shippedSerialsAtRisk);
		this.containedAt = containedAt;
	}

	void decideFieldAction(boolean approved, String notes, String decidedBy, Instant at) {
		this.fieldActionApproved = approved;
		this.fieldActionNotes = notes;
		this.decidedBy = decidedBy;
		this.decidedAt = at;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public String getSuspectLotCode() {
		return suspectLotCode;
	}

	public List<String> getQuarantinedLots() {
		return quarantinedLots;
	}

	public List<String> getShippedSerialsAtRisk() {
		return shippedSerialsAtRisk;
	}

	public Instant getContainedAt() {
		return containedAt;
	}

	public Boolean getFieldActionApproved() {
		return fieldActionApproved;
	}

	public String getFieldActionNotes() {
		return fieldActionNotes;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

}
