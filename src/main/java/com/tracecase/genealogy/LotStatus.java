package com.tracecase.genealogy;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a lot stands, and the changes allowed from each status.
 */
public enum LotStatus {

	IN_PRODUCTION, AVAILABLE, QUARANTINED, RESERVED, CONSUMED, SHIPPED, RETURNED, SCRAPPED;

	/**
	 * Whether a lot in this status may move to the other one. Consumed and scrapped lots
	 * are gone; a shipped lot only comes back as returned.
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
			case RETURNED -> EnumSet.of(QUARANTINED, AVAILABLE, SHIPPED, SCRAPPED);
			case CONSUMED, SCRAPPED -> EnumSet.noneOf(LotStatus.class);
		};
	}

	/**
	 * @return whether a lot in this status is physically in our stock
	 */
	public boolean inStock() {
		return this == AVAILABLE || this == QUARANTINED || this == RESERVED || this == RETURNED;
	}

}
