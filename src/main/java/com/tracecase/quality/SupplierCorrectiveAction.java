package com.tracecase.quality;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A supplier corrective action request (SCAR) raised against the supplier of a suspect
 * lot.
 */
@Entity
@Table(name = "supplier_corrective_action")
public class SupplierCorrectiveAction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/**
	 * The containment that asked for it: its case number, or the reference of a lot's
	 * own.
	 */
	@Column(nullable = false, updatable = false)
	private String containmentReference;

	@Column(updatable = false)
	private String caseNumber;

	@Column(nullable = false, updatable = false)
	private String supplier;

	@Column(nullable = false, updatable = false)
	private String lotCode;

	@Column(nullable = false, updatable = false)
	private String partNumber;

	@Column(nullable = false, updatable = false)
	private String description;

	@Column(nullable = false)
	private String status;

	@Column(nullable = false, updatable = false)
	private Instant requestedAt;

	protected SupplierCorrectiveAction() {
	}

	SupplierCorrectiveAction(String containmentReference, String caseNumber, String supplier, String lotCode,
			String partNumber, String description, Instant requestedAt) {
		this.containmentReference = containmentReference;
		this.caseNumber = caseNumber;
		this.supplier = supplier;
		this.lotCode = lotCode;
		this.partNumber = partNumber;
		this.description = description;
		this.status = "OPEN";
		this.requestedAt = requestedAt;
	}

	public Long getId() {
		return id;
	}

	/**
	 * @return the case, {@literal null} for a lot contained on its own
	 */
	public String getCaseNumber() {
		return caseNumber;
	}

	public String getContainmentReference() {
		return containmentReference;
	}

	public String getSupplier() {
		return supplier;
	}

	public String getLotCode() {
		return lotCode;
	}

	public String getPartNumber() {
		return partNumber;
	}

	public String getDescription() {
		return description;
	}

	public String getStatus() {
		return status;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

}
