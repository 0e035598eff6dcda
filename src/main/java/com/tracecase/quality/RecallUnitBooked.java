package com.tracecase.quality;

import java.time.Instant;

/**
 * Someone booked what happened to a unit of a recall campaign. Published inside the
 * booking's transaction.
 *
 * @param reference the campaign
 * @param unit the unit's serial number, or its lot code for a lot without one
 * @param from where it stood
 * @param to where it stands now
 * @param note how, or why it was closed; may be {@literal null}
 * @param by who booked it
 * @param at when
 */
public record RecallUnitBooked(String reference, String unit, RecallUnitStatus from, RecallUnitStatus to, String note,
		String by, Instant at) {
}
