package com.tracecase.quality;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.tracecase.shared.Groups;

/**
 * Where one unit of a recall campaign stands. A shipped unit starts at
 * {@link #TO_NOTIFY}, one still in stock or production at {@link #HELD}; the campaign has
 * followed a unit to its end when it is repaired, replaced or closed.
 */
public enum RecallUnitStatus {

	/** Shipped; its customer has not been told yet. */
	TO_NOTIFY,

	/** Its customer has the recall notice. */
	NOTIFIED,

	/** Its customer did not answer within the response period. */
	NO_RESPONSE,

	/** Back with us, waiting for its repair or replacement. */
	RETURNED,

	/** Still in our stock or production, held as contained. */
	HELD,

	/** Repaired. */
	REPAIRED,

	/** The customer got another unit. */
	REPLACED,

	/**
	 * Closed without a remedy, with the reason on the unit (or by closing the campaign).
	 */
	CLOSED;

	private static final Set<RecallUnitStatus> ENDS = EnumSet.of(REPAIRED, REPLACED, CLOSED);

	/**
	 * @return whether the campaign has followed the unit to its end
	 */
	public boolean isEnd() {
		return ENDS.contains(this);
	}

	/**
	 * @return whether the unit was remedied: repaired or replaced
	 */
	public boolean isRemedy() {
		return this == REPAIRED || this == REPLACED;
	}

	/**
	 * Who books that a unit reached this status: customer service tells customers and
	 * takes units back, production takes them back and repairs or replaces them, QC
	 * closes a unit without a remedy; managers and administrators may do all of it. The
	 * process alone lists, notifies by mail and marks no response.
	 * @return the groups, empty for a status only the process sets
	 */
	public List<String> bookedBy() {
		return switch (this) {
			case NOTIFIED -> List.of(Groups.CUSTOMER_SERVICE, Groups.MANAGERS, Groups.ADMINS);
			case RETURNED -> List.of(Groups.CUSTOMER_SERVICE, Groups.PRODUCTION, Groups.MANAGERS, Groups.ADMINS);
			case REPAIRED, REPLACED -> List.of(Groups.PRODUCTION, Groups.MANAGERS, Groups.ADMINS);
			case CLOSED -> List.of(Groups.QC, Groups.MANAGERS, Groups.ADMINS);
			case TO_NOTIFY, NO_RESPONSE, HELD -> List.of();
		};
	}

	/**
	 * @return whether a member of the groups may book this status
	 */
	public boolean mayBeBookedBy(Collection<String> groups) {
		return bookedBy().stream().anyMatch(groups::contains);
	}

	/**
	 * @return the statuses a person may move a unit in this status to
	 */
	public Set<RecallUnitStatus> successors() {
		return switch (this) {
			case TO_NOTIFY -> EnumSet.of(NOTIFIED, RETURNED, CLOSED);
			case NOTIFIED, NO_RESPONSE -> EnumSet.of(RETURNED, CLOSED);
			case RETURNED -> EnumSet.of(REPAIRED, REPLACED, CLOSED);
			case HELD -> EnumSet.of(REPAIRED, CLOSED);
			case REPAIRED, REPLACED, CLOSED -> EnumSet.noneOf(RecallUnitStatus.class);
		};
	}

}
