package com.tracecase.shared;

import java.util.List;

/**
 * Input that breaks a business rule. Answered as 422 problem details listing every
 * violation; nothing is written.
 */
public class InvalidInputException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidInputException(String message, List<Violation> violations) {
		super(message);
		this.violations = List.copyOf(violations);
	}

	public InvalidInputException(String field, String message) {
		this(message, List.of(new Violation(field, message)));
	}

	public List<Violation> violations() {
		return violations;
	}

	/**
	 * One broken rule.
	 *
	 * @param field the input field (or file/line/column location) at fault, may be
	 * {@literal null}
	 * @param message what is wrong, for a person to read
	 */
	public record Violation(String field, String message) {
	}

}
