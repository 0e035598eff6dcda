package com.tracecase.quality;

import java.time.Duration;
import java.time.Instant;

import com.tracecase.shared.StateConflictException;
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
 * A recall campaign of one lot: started by an approved field action of a containment or
 * by a person from the lot, it follows every unit built from the lot until each is
 * repaired, replaced or closed, and is closed with a summary. Its reference is the
 * business key of its process.
 */
@Entity
@Table(name = "recall_campaign")
public class RecallCampaign {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, updatable = false)
	private String reference;

	@Column(nullable = false, updatable = false)
	private String lotCode;

	@Column(nullable = false, updatable = false)
	private String partNumber;

	/**
	 * The containment whose approved field action started it; {@literal null} otherwise.
	 */
	@Column(unique = true, updatable = false)
	private String containmentReference;

	@Column(nullable = false, updatable = false)
	private String reason;

	@Column(nullable = false, updatable = false)
	private String startedBy;

	@Column(nullable = false, updatable = false)
	private Instant startedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RecallCampaignStatus status;

	private Instant unitsListedAt;

	private String closedBy;

	private Instant closedAt;

	private String summary;

	private String attentionIncident;

	private String attentionStep;

	private String attentionProblem;

	private Instant attentionSince;

	@Version
	private long version;

	protected RecallCampaign() {
	}

	RecallCampaign(String reference, String lotCode, String partNumber, String containmentReference, String reason,
			String startedBy, Instant startedAt) {
		this.reference = reference;
		this.lotCode = lotCode;
		this.partNumber = partNumber;
		this.containmentReference = containmentReference;
		this.reason = reason;
		this.startedBy = startedBy;
		this.startedAt = startedAt;
		this.status = RecallCampaignStatus.OPEN;
	}

	void unitsListed(Instant at) {
		this.unitsListedAt = at;
	}

	/**
	 * @throws StateConflictException when the campaign is closed already
	 */
	void close(String summary, String by, Instant at) {
		if (!isOpen()) {
			throw new StateConflictException("Recall campaign " + reference + " is closed already.");
		}
		this.status = RecallCampaignStatus.CLOSED;
		this.summary = summary;
		this.closedBy = by;
		this.closedAt = at;
	}

	/**
	 * A step of its process failed for good.
	 * @return whether this incident is new to the campaign
	 */
	boolean needsAttention(String incidentId, String step, String problem, Instant at) {
		if (incidentId.equals(attentionIncident)) {
			return false;
		}
		this.attentionIncident = incidentId;
		this.attentionStep = step;
		this.attentionProblem = problem == null || problem.length() <= 4000 ? problem : problem.substring(0, 4000);
		this.attentionSince = at;
		return true;
	}

	/** The incident is resolved: the campaign no longer needs attention for it. */
	void attentionResolved(String incidentId) {
		if (incidentId.equals(attentionIncident)) {
			this.attentionIncident = null;
			this.attentionStep = null;
			this.attentionProblem = null;
			this.attentionSince = null;
		}
	}

	/**
	 * @return whether a failed step of its process waits for someone to fix it
	 */
	public boolean needsAttention() {
		return attentionIncident != null;
	}

	/**
	 * @return the failed step, {@literal null} when nothing needs attention
	 */
	public String getAttentionStep() {
		return attentionStep;
	}

	/**
	 * @return what went wrong, in words
	 */
	public String getAttentionProblem() {
		return attentionProblem;
	}

	public Instant getAttentionSince() {
		return attentionSince;
	}

	public boolean isOpen() {
		return status == RecallCampaignStatus.OPEN;
	}

	/**
	 * @return how long it has run: until now while open, until its closing after
	 */
	public Duration age(Instant now) {
		return Duration.between(startedAt, isOpen() ? now : closedAt);
	}

	public Long getId() {
		return id;
	}

	public String getReference() {
		return reference;
	}

	public String getLotCode() {
		return lotCode;
	}

	public String getPartNumber() {
		return partNumber;
	}

	/**
	 * @return the containment that started it, {@literal null} when a person did
	 */
	public String getContainmentReference() {
		return containmentReference;
	}

	public String getReason() {
		return reason;
	}

	public String getStartedBy() {
		return startedBy;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public RecallCampaignStatus getStatus() {
		return status;
	}

	/**
	 * @return when its units were listed; {@literal null} until its process did
	 */
	public Instant getUnitsListedAt() {
		return unitsListedAt;
	}

	public String getClosedBy() {
		return closedBy;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getSummary() {
		return summary;
	}

}
