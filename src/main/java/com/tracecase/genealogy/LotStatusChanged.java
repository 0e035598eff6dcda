package com.tracecase.genealogy;

import java.time.Instant;

/**
 * A lot changed its status.
 *
 * @param lotCode the lot
 * @param serialNumber may be {@literal null}
 * @param from the old status
 * @param to the new status
 * @param actor who
 * @param reason why, may be {@literal null}
 * @param at when
 */
public record LotStatusChanged(String lotCode, String serialNumber, LotStatus from, LotStatus to, String actor,
		String reason, Instant at) {
}
