package com.tracecase.quality;

import java.time.Instant;

/**
 * A containment quarantined the stock built from its suspect lot, in the transaction that
 * changed the lots.
 *
 * @param reference the containment
 * @param suspectLotCode the suspect lot
 * @param quarantined how many lots were quarantined
 * @param shippedAtRisk how many shipped units contain the suspect lot
 * @param actor who
 * @param at when
 */
public record LotsContained(String reference, String suspectLotCode, int quarantined, int shippedAtRisk, String actor,
		Instant at) {
}
