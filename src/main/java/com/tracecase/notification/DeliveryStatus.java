package com.tracecase.notification;

/**
 * Where an outbox message stands.
 */
public enum DeliveryStatus {

	/** Waiting to be sent, at its next attempt time. */
	PENDING,

	/**
	 * Claimed by a sender. A sender that dies leaves it here until its lease runs out;
	 * then another sender claims it again.
	 */
	SENDING,

	/** Accepted by the SMTP server. */
	SENT,

	/**
	 * Given up: the address was refused for good, or every attempt failed. An
	 * administrator can retry it.
	 */
	FAILED

}
