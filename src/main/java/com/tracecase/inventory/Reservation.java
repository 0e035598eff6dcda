package com.tracecase.inventory;

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
 * Stock set aside for one case: one reservation per case and purpose.
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
	private Instant reservedAt;

	@Column(nullable = false, updatable = false)
	private String reservedBy;

	protected Reservation() {
	}

	Reservation(String caseNumber, ReservationPurpose purpose, String partNumber, String lotCode, String serialNumber,
			Instant reservedAt, String reservedBy) {
		this.caseNumber = caseNumber;
		this.purpose = purpose;
		this.partNumber = partNumber;
		this.lotCode = lotCode;
		this.serialNumber = serialNumber;
		this.reservedAt = reservedAt;
		this.reservedBy = reservedBy;
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

}
