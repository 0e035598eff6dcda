package com.tracecase.workflow.integrity;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tracecase.shared.InvalidInputException;

import org.springframework.util.StringUtils;

/**
 * What went wrong in a failed step, in words for the people who must fix it: the message
 * of the Tracecase exception that refused the step, else the root cause's message; never
 * a stack trace or an engine code.
 */
final class ProblemMessages {

	private static final Pattern ENGINE_CODE = Pattern.compile("\\b[A-Z]+-\\d{5}\\s*");

	private static final int MAX_LENGTH = 500;

	private ProblemMessages() {
	}

	/**
	 * @param failure the exception of the failed step, may be {@literal null}
	 * @param message the engine's message of the failure, may be {@literal null}
	 * @return a readable message, never {@literal null}
	 */
	static String readable(Throwable failure, String message) {
		Throwable root = null;
		Set<Throwable> seen = new HashSet<>();
		for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (cause.getClass().getName().startsWith("com.tracecase.")) {
				String own = ownMessage(cause);
				if (own != null) {
					return own;
				}
			}
			root = cause;
		}
		String readable = clean(root == null ? null : root.getMessage());
		if (readable == null) {
			readable = clean(message);
		}
		if (readable == null) {
			return root == null ? "The step failed and has no retries left."
					: "The step failed with an unexpected error (" + root.getClass().getSimpleName() + ").";
		}
		return readable;
	}

	private static String ownMessage(Throwable exception) {
		String message = clean(exception.getMessage());
		if (exception instanceof InvalidInputException invalid && invalid.violations().size() > 1) {
			String details = invalid.violations()
				.stream()
				.map(InvalidInputException.Violation::message)
				.filter(StringUtils::hasText)
				.filter(violation -> !violation.equals(exception.getMessage()))
				.collect(Collectors.joining(" "));
			return clean((message == null ? "" : message + " ") + details);
		}
		return message;
	}

	/** The first line, without engine codes, shortened. */
	private static String clean(String text) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		String line = text.strip().lines().findFirst().orElse("");
		line = ENGINE_CODE.matcher(line).replaceAll("").strip();
		if (line.isEmpty()) {
			return null;
		}
		return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
	}

}
