package com.tracecase.genealogy;

import java.util.List;

/**
 * The at-risk answer with what it was computed from.
 *
 * @param failedUnits the known failed units
 * @param unknownSerials serial numbers asked about that the genealogy does not know
 * @param population units of the failed units' parts
 * @param overallFailureRate failedUnits / population
 * @param lots the ancestor lots, most suspect first
 */
public record AtRiskReport(long failedUnits, List<String> unknownSerials, long population, double overallFailureRate,
		List<AtRiskLot> lots) {
}
