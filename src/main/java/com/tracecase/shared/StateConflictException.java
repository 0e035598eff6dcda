package com.tracecase.shared;

/**
 * A request that the current state of its target does not allow, e.g. booking in a unit
 * for a case that does not wait for one. Answered as 409 problem details.
 */
public class StateConflictException extends RuntimeException {

	public StateConflictException(String message) {
		super(message);
	}

}
