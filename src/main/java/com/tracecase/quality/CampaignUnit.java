package com.tracecase.quality;

import java.time.Instant;
import java.time.LocalDate;

import com.tracecase.genealogy.Whereabouts;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
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
 * One unit a recall campaign follows: where it was when the campaign listed it, who has
 * it, and where it stands now.
 */
@Entity
@Table(name = "recall_unit")
public class CampaignUnit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private Long campaignId;

	@Column(nullable = false, updatable = false)
	private String lotCode;

	@Column(updatable = false)
	private String serialNumber;

	@Column(nullable = false, updatable = false)
	private String partNumber;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private Whereabouts whereabouts;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RecallUnitStatus status;

	@Column(updatable = false)
	private String customerName;

	@Column(updatable = false)
	private String customerEmail;

	@Column(updatable = false)
	private LocalDate shippedOn;

	@Column(updatable = false)
	private String shipmentReference;

	/** A failure report on the unit filed during the campaign. */
	private String caseNumber;

	private Instant notifiedAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Column(nullable = false)
	private String updatedBy;

	private String note;

	@Version
	private long version;

	protected CampaignUnit() {
	}

	CampaignUnit(Long campaignId, String lotCode, String serialNumber, String partNumber, Whereabouts whereabouts,
			String customerName, String customerEmail, LocalDate shippedOn, String shipmentReference, String by,
			Instant at) {
		this.campaignId = campaignId;
		this.lotCode = lotCode;
		this.serialNumber = serialNumber;
		this.partNumber = partNumber;
		this.whereabouts = whereabouts;
		this.customerName = customerName;
		this.customerEmail = customerEmail;
		this.shippedOn = shippedOn;
		this.shipmentReference = shipmentReference;
		this.status = whereabouts == Whereabouts.FIELD ? RecallUnitStatus.TO_NOTIFY : RecallUnitStatus.HELD;
		this.updatedBy = by;
		this.updatedAt = at;
	}

	/**
	 * Moves the unit on, as a person says.
	 * @throws InvalidInputException when the unit cannot go there from where it stands
	 */
	void moveTo(RecallUnitStatus next, String by, Instant at, String note) {
		if (next == null || !status.successors().contains(next)) {
			throw new InvalidInputException("status", "Unit " + displayName() + " is " + statusWords(status)
					+ (next == null ? "; choose what happened to it." : " and cannot be marked " + statusWords(next)
							+ (status.isEnd() ? "." : "; it can be marked " + successorWords() + ".")));
		}
		change(next, by, at, note);
	}

	/** The recall notice went out. */
	void notified(String by, Instant at, String note) {
		if (status == RecallUnitStatus.TO_NOTIFY) {
			this.notifiedAt = at;
			change(RecallUnitStatus.NOTIFIED, by, at, note);
		}
	}

	/** The response period is over and the customer has not answered. */
	void noResponse(String by, Instant at) {
		if (status == RecallUnitStatus.NOTIFIED) {
			change(RecallUnitStatus.NO_RESPONSE, by, at, "No answer within the response period");
		}
	}

	/** The campaign is closed; a unit not followed to its end is closed with it. */
	void closedWithCampaign(String by, Instant at) {
		if (!status.isEnd()) {
			change(RecallUnitStatus.CLOSED, by, at, "Closed with the campaign while " + statusWords(status));
		}
	}

	void joinCase(String caseNumber) {
		if (this.caseNumber == null) {
			this.caseNumber = caseNumber;
		}
	}

	private void change(RecallUnitStatus next, String by, Instant at, String note) {
		this.status = next;
		this.updatedBy = by;
		this.updatedAt = at;
		this.note = note;
	}

	private String successorWords() {
		return String.join(" or ", status.successors().stream().map(CampaignUnit::statusWords).toList());
	}

	private static String statusWords(RecallUnitStatus status) {
		return Labels.label(status).toLowerCase(Labels.LOCALE);
	}

	/**
	 * @return its serial number, or its lot code for a lot without one
	 */
	public String displayName() {
		return serialNumber != null ? serialNumber : lotCode;
	}

	public Long getId() {
		return id;
	}

	public Long getCampaignId() {
		return campaignId;
	}

	public String getLotCode() {
		return lotCode;
	}

	public String getSerialNumber() {
		return serialNumber;
	}

	public String getPartNumber() {
		return partNumber;
	}

	public Whereabouts getWhereabouts() {
		return whereabouts;
	}

	public RecallUnitStatus getStatus() {
		return status;
	}

	public String getCustomerName() {
		return customerName;
	}

	public String getCustomerEmail() {
		return customerEmail;
	}

	public LocalDate getShippedOn() {
		return shippedOn;
	}

	public String getShipmentReference() {
		return shipmentReference;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public Instant getNotifiedAt() {
		return notifiedAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public String getUpdatedBy() {
		return updatedBy;
	}

	public String getNote() {
		return note;
	}

}
