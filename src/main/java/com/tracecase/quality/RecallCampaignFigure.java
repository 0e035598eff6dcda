package com.tracecase.quality;

import java.time.Instant;

/**
 * One recall campaign in the managers' figures.
 *
 * @param reference the campaign
 * @param lotCode the recalled lot
 * @param status open or closed, in words
 * @param startedAt when it started
 * @param closedAt when it was closed, {@literal null} while open
 * @param ageDays how long it has run (until its closing), in days to one decimal
 * @param units the units it follows
 * @param remedied units repaired or replaced
 * @param followedToEnd units repaired, replaced or closed
 * @param completionRate followed to their end per unit, 0 to 1
 */
public record RecallCampaignFigure(String reference, String lotCode, String status, Instant startedAt, Instant closedAt,
		double ageDays, long units, long remedied, long followedToEnd, double completionRate) {
}
