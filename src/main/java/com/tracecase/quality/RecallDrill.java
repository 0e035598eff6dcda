package com.tracecase.quality;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A recall drill of one lot: the complete recall record it produced (every affected unit
 * in the field, in stock and in production, with its customer, and the suppliers), kept
 * as it was, with who ran it, when, and the time it took.
 */
@Entity
@Table(name = "recall_drill")
public class RecallDrill {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String lotCode;

	@Column(nullable = false, updatable = false)
	private Instant runAt;

	@Column(nullable = false, updatable = false)
	private String runBy;

	@Column(nullable = false, updatable = false)
	private long tookMillis;

	@Column(nullable = false, updatable = false)
	private int unitsField;

	@Column(nullable = false, updatable = false)
	private int unitsStock;

	@Column(nullable = false, updatable = false)
	private int unitsWip;

	@Column(nullable = false, updatable = false)
	private int customers;

	/** The suppliers of the lot and of what it is made of, one per line. */
	@Column(nullable = false, updatable = false)
	private String suppliers;

	@Basic(fetch = FetchType.LAZY)
	@Column(nullable = false, updatable = false)
	private byte[] recordCsv;

	protected RecallDrill() {
	}

	RecallDrill(String lotCode, Instant runAt, String runBy, long tookMillis, int unitsField, int unitsStock,
			int unitsWip, int customers, List<String> suppliers, byte[] recordCsv) {
		this.lotCode = lotCode;
		this.runAt = runAt;
		this.runBy = runBy;
		this.tookMillis = tookMillis;
		this.unitsField = unitsField;
		this.unitsStock = unitsStock;
		this.unitsWip = unitsWip;
		this.customers = customers;
		this.suppliers = String.join("\n", suppliers);
		this.recordCsv = recordCsv;
	}

	public Long getId() {
		return id;
	}

	public String getLotCode() {
		return lotCode;
	}

	public Instant getRunAt() {
		return runAt;
	}

	public String getRunBy() {
		return runBy;
	}

	public long getTookMillis() {
		return tookMillis;
	}

	public int getUnitsField() {
		return unitsField;
	}

	public int getUnitsStock() {
		return unitsStock;
	}

	public int getUnitsWip() {
		return unitsWip;
	}

	public int getUnits() {
		return unitsField + unitsStock + unitsWip;
	}

	public int getCustomers() {
		return customers;
	}

	public List<String> getSuppliers() {
		return suppliers.isEmpty() ? List.of() : Arrays.asList(suppliers.split("\n"));
	}

	public byte[] getRecordCsv() {
		return recordCsv;
	}

}
