package com.tracecase.casework;

import java.time.Instant;

/**
 * Which cases to list; every field is optional.
 *
 * @param status cases in this status
 * @param serialNumber cases about this unit
 * @param lotCode cases about units that contain this lot
 * @param reportedFrom reported at or after
 * @param reportedTo reported before
 */
public record CaseFilter(CaseStatus status, String serialNumber, String lotCode, Instant reportedFrom,
		Instant reportedTo) {
}
