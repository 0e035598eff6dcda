package com.tracecase.inventory;

/**
 * Where a reservation stands. Only a held reservation keeps its quantity from other
 * cases.
 */
public enum ReservationStatus {

	/** Set aside for the case; no other case can reserve it. */
	HELD,

	/** Installed in the repaired unit or shipped as the replacement. */
	USED,

	/** Given back to stock: the case ended another way or used another lot. */
	RELEASED

}
