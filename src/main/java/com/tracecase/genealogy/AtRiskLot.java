package com.tracecase.genealogy;

public record AtRiskLot(String lotCode, String partNumber, String supplier, long failedUnits, long totalUnits,
		double failureRate, double pValue, double score) {
}
