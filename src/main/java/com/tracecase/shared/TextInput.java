package com.tracecase.shared;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules every free text a person or system enters must follow before it is stored: a
 * maximum length and no control characters (a NUL byte cannot be stored at all; a
 * single-line value such as a name has no line breaks or tabs either).
 */
public final class TextInput {

	/** A single-line value: no control characters at all (for bean validation). */
	public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";

	/** A multi-line value: line breaks and tabs, no other control characters. */
	public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	/** The message of both patterns, as bean validation reports it. */
	public static final String CONTROL_CHARACTER_MESSAGE = "must not contain control characters such as a NUL byte";

	private static final Pattern SINGLE_LINE_PATTERN = Pattern.compile(SINGLE_LINE);

	private static final Pattern MULTI_LINE_PATTERN = Pattern.compile(MULTI_LINE);

	private TextInput() {
	}

	/**
	 * @param field the input field, for the violation
	 * @param label what the value is, for the sentence, e.g. "The supplier"
	 * @param value the value, may be {@literal null} (then fine)
	 * @param maxLength the most characters allowed
	 * @param multiLine whether line breaks and tabs are allowed
	 * @return the broken rule, or {@literal null} when the value is fine
	 */
	public static InvalidInputException.Violation violation(String field, String label, String value, int maxLength,
			boolean multiLine) {
		if (value == null) {
			return null;
		}
		if (value.length() > maxLength) {
			return new InvalidInputException.Violation(field,
					label + " is longer than " + maxLength + " characters (" + value.length() + ").");
		}
		if (!(multiLine ? MULTI_LINE_PATTERN : SINGLE_LINE_PATTERN).matcher(value).matches()) {
			return new InvalidInputException.Violation(field, label + " contains a control character"
					+ (multiLine ? "" : " or a line break") + " (such as a NUL byte), which cannot be stored.");
		}
		return null;
	}

	/**
	 * @throws InvalidInputException when the value breaks a rule of
	 * {@link #violation(String, String, String, int, boolean)}
	 */
	public static void check(String field, String label, String value, int maxLength, boolean multiLine) {
		InvalidInputException.Violation violation = violation(field, label, value, maxLength, multiLine);
		if (violation != null) {
			throw new InvalidInputException(violation.message(), List.of(violation));
		}
	}

}
