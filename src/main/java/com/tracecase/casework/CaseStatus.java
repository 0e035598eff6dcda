package com.tracecase.casework;

/**
 * Where a failure case stands.
 */
public enum CaseStatus {

	/** Filed, not yet worked on. */
	REPORTED,

	/** Being traced, investigated, decided or resolved. */
	IN_PROGRESS,

	/**
	 * A step of the case failed for good and waits for someone to fix it; the case
	 * returns to the status it had once every such problem is solved.
	 */
	NEEDS_ATTENTION,

	/**
	 * Resolved and confirmed with the customer, or closed as invalid or without fault.
	 */
	CLOSED,

	/** Stopped before its end: its process was cancelled or deleted. */
	CANCELLED

}
