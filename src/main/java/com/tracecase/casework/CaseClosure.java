package com.tracecase.casework;

/**
 * How a case ended.
 */
public enum CaseClosure {

	/** Repaired, replaced or refunded, and confirmed with the customer. */
	RESOLVED,

	/** QC could not confirm the failure. */
	NO_FAULT_FOUND,

	/** The report named no device of ours. */
	INVALID,

	/** The claim was rejected. */
	DENIED

}
