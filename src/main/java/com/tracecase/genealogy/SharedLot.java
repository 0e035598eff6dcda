package com.tracecase.genealogy;

import java.util.List;

/**
 * An at-risk lot with the failed units that contain it.
 *
 * @param lot the lot with its counts and score
 * @param failedSerialNumbers the failed units containing it, sorted, never
 * {@literal null}
 */
public record SharedLot(AtRiskLot lot, List<String> failedSerialNumbers) {

	public SharedLot {
		failedSerialNumbers = List.copyOf(failedSerialNumbers);
	}

}
