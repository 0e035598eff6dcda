package com.tracecase.notification;

/**
 * Who a message went to, as people on the case see it.
 */
public enum RecipientKind {

	/** The customer of the case, at the address given with the report. */
	CUSTOMER,

	/** A member of a work group, or the group's distribution list. */
	GROUP,

	/** An address named directly that is not the customer's. */
	ADDRESS

}
