package com.tracecase.inventory;

/**
 * What a case reserves stock for.
 */
public enum ReservationPurpose {

	/** A component to swap into the returned unit. */
	REPAIR_PART,

	/** A new unit of the same product for the customer. */
	REPLACEMENT_UNIT

}
