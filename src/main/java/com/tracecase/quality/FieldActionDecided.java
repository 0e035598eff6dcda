package com.tracecase.quality;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * The managers decided on a containment's field action, in the transaction that records
 * it.
 *
 * @param reference the containment
 * @param approved whether a field action is taken
 * @param notes the managers' notes, required for a rejection
 * @param decidedBy who
 * @param at when
 */
public record FieldActionDecided(String reference, boolean approved, @Nullable String notes, String decidedBy,
		Instant at) {
}
