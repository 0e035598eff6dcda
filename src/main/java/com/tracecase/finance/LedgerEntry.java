package com.tracecase.finance;

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
 * One posting in the warranty ledger: a cost of one kind for one case. Warranty costs are
 * booked here, never as procurement.
 */
@Entity
@Table(name = "warranty_ledger_entry")
public class LedgerEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String caseNumber;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private CostKind kind;

	@Column(nullable = false, updatable = false)
	private BigDecimal amount;

	@Column(nullable = false, updatable = false)
	private String currency;

	@Column(nullable = false, updatable = false)
	private String description;

	@Column(nullable = false, updatable = false)
	private boolean chargedToCustomer;

	@Column(nullable = false, updatable = false)
	private Instant postedAt;

	/** The lot of the item a per-item entry is for, {@literal null} for a remedy's. */
	@Column(updatable = false)
	private String itemLotCode;

	protected LedgerEntry() {
	}

	LedgerEntry(String caseNumber, CostKind kind, BigDecimal amount, String currency, String description,
			boolean chargedToCustomer, Instant postedAt) {
		this.caseNumber = caseNumber;
		this.kind = kind;
		this.amount = amount;
		this.currency = currency;
		this.description = description;
		this.chargedToCustomer = chargedToCustomer;
		this.postedAt = postedAt;
	}

	LedgerEntry(String caseNumber, CostKind kind, BigDecimal amount, String currency, String description,
			Instant postedAt, String itemLotCode) {
		this(caseNumber, kind, amount, currency, description, false, postedAt);
		this.itemLotCode = itemLotCode;
	}

	public String getCaseNumber() {
		return caseNumber;
	}

	public CostKind getKind() {
		return kind;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public String getCurrency() {
		return currency;
	}

	public String getDescription() {
		return description;
	}

	public boolean isChargedToCustomer() {
		return chargedToCustomer;
	}

	public Instant getPostedAt() {
		return postedAt;
	}

	/**
	 * @return the lot of the item a per-item entry is for, {@literal null} for the
	 * remedy's entries
	 */
	public String getItemLotCode() {
		return itemLotCode;
	}

}
