package com.tracecase.genealogy;

/**
 * An ancestor lot of failed units, with how strongly failures concentrate in it.
 *
 * @param lotCode the lot
 * @param partNumber its part
 * @param supplier may be {@literal null}
 * @param failedUnits failed units containing it
 * @param totalUnits units (lots of product parts) containing it
 * @param failureRate failedUnits / totalUnits
 * @param pValue probability of at least this many failed units among totalUnits if
 * failures struck at the overall rate (hypergeometric upper tail)
 * @param score {@code -log10(pValue)}: higher is more suspect
 */
public record AtRiskLot(String lotCode, String partNumber, String supplier, long failedUnits, long totalUnits,
		double failureRate, double pValue, double score) {
}
