package com.tracecase.casework;

import java.time.Instant;
import java.util.Set;

/**
 * Which cases to list; every field is optional.
 *
 * @param status cases in this status
 * @param serialNumber cases about this unit
 * @param lotCode cases about units that contain this lot
 * @param reportedFrom reported at or after
 * @param reportedTo reported before
 * @param amongCases only these cases (e.g. those waiting at a step of their process),
 * {@literal null} for any
 */
public record CaseFilter(CaseStatus status, String serialNumber, String lotCode, Instant reportedFrom,
		Instant reportedTo, Set<String> amongCases) {

	/**
	 * Cases by status, unit, lot and report date, whatever their process does.
	 */
	public CaseFilter(CaseStatus status, String serialNumber, String lotCode, Instant reportedFrom,
			Instant reportedTo) {
		this(status, serialNumber, lotCode, reportedFrom, reportedTo, null);
	}

	public CaseFilter {
		amongCases = amongCases == null ? null : Set.copyOf(amongCases);
	}

	/**
	 * @return every case
	 */
	public static CaseFilter any() {
		return new CaseFilter(null, null, null, null, null);
	}

	/**
	 * @return the cases in the status
	 */
	public static CaseFilter inStatus(CaseStatus status) {
		return new CaseFilter(status, null, null, null, null);
	}

}
