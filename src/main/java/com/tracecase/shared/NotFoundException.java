package com.tracecase.shared;

/**
 * Something asked for by its identifier does not exist. Answered as 404 problem details.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, String identifier) {
		super(what + " '" + identifier + "' does not exist.");
	}

}
