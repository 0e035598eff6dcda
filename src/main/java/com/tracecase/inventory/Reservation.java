package com.tracecase.inventory;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Stock set aside for one case: one reservation per case and purpose. While it is
 * {@linkplain ReservationStatus#HELD held} its quantity is not offered to other cases; it
 * ends used or released.
 */
@Entity
@Table(name = "stock_reservation")
public class Reservation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String caseNumber;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private ReservationPurpose purpose;

	@Column(nullable = false, updatable = false)
	private String partNumber;

	@Column(nullable = false, updatable = false)
	private String lotCode;

	private String serialNumber;

	@Column(nullable = false, updatable = false)
	private BigDecimal quantity;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ReservationStatus status;

	@Column(nullable = false, updatable = false)
	private Instant reservedAt;

	@Column(nullable = false, updatable = false)
	private String reservedBy;

	private Instant settledAt;

	private String settledBy;

	private String settledNote;

	protected Reservation() {
	}

	Reservation(String caseNumber, ReservationPurpose purpose, String partNumber, String lotCode, String serialNumber,
			Instant reservedAt, String reservedBy) {
		this.caseNumber = caseNumber;
		this.purpose = purpose;
		this.partNumber = partNumber;
		this.lotCode = lotCode;
		this.serialNumber = serialNumber;
		this.quantity = BigDecimal.ONE;
		this.status = ReservationStatus.HELD;
		this.reservedAt = reservedAt;
		this.reservedBy = reservedBy;
	}

	boolean isHeld() {
		return status == ReservationStatus.HELD;
	}

	void settle(ReservationStatus outcome, Instant at, String by, String note) {
		if (!isHeld()) {
			throw new IllegalStateException("Reservation of case " + caseNumber + " is already " + status);
		}
		this.status = outcome;
		this.settledAt = at;
		this.settledBy = by;
		this.settledNote = note;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public ReservationPurpose getPurpose() {
		return purpose;
	}

	public String getPartNumber() {
		return partNumber;
	}

	public String getLotCode() {
		return lotCode;
	}

	public String getSerialNumber() {
		return serialNumber;
	}

	public Instant getReservedAt() {
		return reservedAt;
	}

	public String getReservedBy() {
		return reservedBy;
	}

	public BigDecimal getQuantity() {
		return quantity;
	}

	public ReservationStatus getStatus() {
		return status;
	}

	public Instant getSettledAt() {
		return settledAt;
	}

	public String getSettledBy() {
		return settledBy;
	}

	public String getSettledNote() {
		return settledNote;
	}

}
