package com.tracecase.genealogy;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a lot stands, and the changes allowed from each status.
 */
public enum LotStatus {

	IN_PRODUCTION, AVAILABLE, QUARANTINED, RESERVED, CONSUMED, SHIPPED, RETURNED, SCRAPPED,

	/**
	 * A removed part or returned unit kept for failure analysis, with its case (see
	 * {@link Disposition}); reached only through a disposition, never by hand.
	 */
	FAILURE_ANALYSIS,

	/** A removed part or returned unit sent to recycling: gone from our hands. */
	RECYCLING;

	/**
	 * Whether a lot in this status may move to the other one. Consumed, scrapped and
	 * recycled lots are gone; a shipped lot only comes back as returned; what is in
	 * failure analysis ends in scrap or recycling.
	 * @param next the requested status, must not be {@literal null}
	 * @return {@code true} when the change is allowed
	 */
	public boolean canChangeTo(LotStatus next) {
		return next != this && successors().contains(next);
	}

	/**
	 * @return the statuses this one may change to, never {@literal null}
	 */
	public Set<LotStatus> successors() {
		return switch (this) {
			case IN_PRODUCTION -> EnumSet.of(AVAILABLE, QUARANTINED, SCRAPPED);
			case AVAILABLE -> EnumSet.of(RESERVED, QUARANTINED, CONSUMED, SHIPPED, SCRAPPED);
			case RESERVED -> EnumSet.of(AVAILABLE, QUARANTINED, CONSUMED, SHIPPED);
			case QUARANTINED -> EnumSet.of(AVAILABLE, RETURNED, SCRAPPED);
			case SHIPPED -> EnumSet.of(RETURNED);
			case RETURNED -> EnumSet.of(QUARANTINED, AVAILABLE, SHIPPED, SCRAPPED, RECYCLING);
			case FAILURE_ANALYSIS -> EnumSet.of(SCRAPPED, RECYCLING);
			case CONSUMED, SCRAPPED, RECYCLING -> EnumSet.noneOf(LotStatus.class);
		};
	}

	/**
	 * @return whether a lot in this status is physically in our stock (a lot in failure
	 * analysis is held, but it is not stock)
	 */
	public boolean inStock() {
		return this == AVAILABLE || this == QUARANTINED || this == RESERVED || this == RETURNED;
	}

}
