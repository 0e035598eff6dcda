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
 * risk, and the managers' decision on a field action. A case's process contains the lot
 * QC suspects; a person may contain a lot at risk on its own, with a reason. Either way
 * the containment's reference is the business key of its process.
 */
@Entity
@Table(name = "containment")
public class Containment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** Prefix of the reference of a lot contained on its own, before the lot code. */
	public static final String LOT_REFERENCE_PREFIX = "CT-";

	@Column(nullable = false, unique = true, updatable = false)
	private String reference;

	@Column(unique = true, updatable = false)
	private String caseNumber;

	@Column(nullable = false)
	private String suspectLotCode;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false, columnDefinition = "jsonb")
	private List<String> quarantinedLots;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false, columnDefinition = "jsonb")
	private List<String> shippedSerialsAtRisk;

	/** When its stock was quarantined; {@literal null} until then. */
	private Instant containedAt;

	private String requestedBy;

	private String reason;

	private Instant requestedAt;

	private Boolean fieldActionApproved;

	private String fieldActionNotes;

	private String decidedBy;

	private Instant decidedAt;

	@Version
	private long version;

	protected Containment() {
	}

	private Containment(String reference, String caseNumber, String suspectLotCode) {
		this.reference = reference;
		this.caseNumber = caseNumber;
		this.suspectLotCode = suspectLotCode;
		this.quarantinedLots = List.of();
		this.shippedSerialsAtRisk = List.of();
	}

	/** The containment of a case, by its process. */
	static Containment ofCase(String caseNumber, String suspectLotCode) {
		return new Containment(caseNumber, caseNumber, suspectLotCode);
	}

	/** A lot contained on its own, asked for by a person. */
	static Containment ofLot(String lotCode, String reason, String requestedBy, Instant at) {
		Containment containment = new Containment(LOT_REFERENCE_PREFIX + lotCode, null, lotCode);
		containment.reason = reason;
		containment.requestedBy = requestedBy;
		containment.requestedAt = at;
		return containment;
	}

	void quarantined(List<String> quarantinedLots, List<String> shippedSerialsAtRisk, Instant at) {
		this.quarantinedLots = List.copyOf(quarantinedLots);
		this.shippedSerialsAtRisk = List.copyOf(shippedSerialsAtRisk);
		this.containedAt = at;
	}

	/**
	 * @return whether its stock is quarantined
	 */
	public boolean isContained() {
		return containedAt != null;
	}

	void decideFieldAction(boolean approved, String notes, String decidedBy, Instant at) {
		this.fieldActionApproved = approved;
		this.fieldActionNotes = notes;
		this.decidedBy = decidedBy;
		this.decidedAt = at;
	}

	/**
	 * @return the business key of its process: the case number, or {@code CT-<lot code>}
	 */
	public String getReference() {
		return reference;
	}

	/**
	 * @return the case, {@literal null} for a lot contained on its own
	 */
	public String getCaseNumber() {
		return caseNumber;
	}

	/**
	 * @return who asked to contain the lot on its own, {@literal null} for a case's
	 */
	public String getRequestedBy() {
		return requestedBy;
	}

	public String getReason() {
		return reason;
	}

	public Instant getRequestedAt() {
		return requestedAt;
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
