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
	 * Resolved and confirmed with the customer, or closed as invalid or without fault.
	 */
	CLOSED

}
