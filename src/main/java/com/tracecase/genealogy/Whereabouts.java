package com.tracecase.genealogy;

/**
 * Where a unit built from a lot is, for a recall: what must be fetched from customers,
 * what must be held in stock, what must be stopped on the line.
 */
public enum Whereabouts {

	/** Shipped to a customer. */
	FIELD,

	/**
	 * In our hands: available, reserved, quarantined, returned or held for failure
	 * analysis.
	 */
	STOCK,

	/** Still in production. */
	WIP;

	/**
	 * @return where a lot in the status is, empty for a lot that is gone (consumed into
	 * another one, which is listed itself, scrapped or recycled)
	 */
	public static java.util.Optional<Whereabouts> of(LotStatus status) {
		return switch (status) {
			case SHIPPED -> java.util.Optional.of(FIELD);
			case AVAILABLE, RESERVED, QUARANTINED, RETURNED, FAILURE_ANALYSIS -> java.util.Optional.of(STOCK);
			case IN_PRODUCTION -> java.util.Optional.of(WIP);
			case CONSUMED, SCRAPPED, RECYCLING -> java.util.Optional.empty();
		};
	}

}
