package com.tracecase.quality;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a supplier corrective action stands. The request is mailed to the supplier's
 * contact, the supplier answers with an 8D report, QC verifies the answer (closing the
 * action) or rejects it (the supplier answers again).
 */
public enum SupplierActionStatus {

	/** Recorded; the request is about to be mailed. */
	REQUESTED,

	/** The request cannot be mailed: the supplier has no contact email yet. */
	CONTACT_NEEDED,

	/** The request is mailed; the supplier's 8D answer is due. */
	AWAITING_ANSWER,

	/** The supplier's 8D answer is recorded; QC verifies it. */
	ANSWERED,

	/** QC rejected the answer; a new answer is due. */
	REJECTED,

	/** QC verified the answer; the action is closed. */
	CLOSED;

	/** The statuses in which the supplier owes an answer, and so can be overdue. */
	public static final Set<SupplierActionStatus> WAITING_FOR_SUPPLIER = EnumSet.of(AWAITING_ANSWER, REJECTED);

	/**
	 * @return whether the supplier owes an answer
	 */
	public boolean waitingForSupplier() {
		return WAITING_FOR_SUPPLIER.contains(this);
	}

	/**
	 * @return whether the action is still open
	 */
	public boolean isOpen() {
		return this != CLOSED;
	}

}
