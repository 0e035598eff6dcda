package com.tracecase.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.TextInput;
import org.camunda.bpm.engine.delegate.VariableScope;

import org.springframework.util.StringUtils;

/**
 * Typed reads of process variables, which arrive from forms as strings, booleans or
 * numbers.
 */
public final class ProcessVariables {

	private ProcessVariables() {
	}

	public static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null) {
			return null;
		}
		String raw = value.toString();
		// checked before trimming: trim() would hide a trailing NUL that the engine then
		// fails to store
		TextInput.check(name, "The " + words(name), raw, Integer.MAX_VALUE, true);
		String text = raw.strip();
		return text.isEmpty() ? null : text;
	}

	/** {@code rootCause} as "root cause", for a sentence. */
	private static String words(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}

	public static String requiredText(VariableScope scope, String name) {
		String value = text(scope, name);
		if (value == null) {
			throw new InvalidInputException(name, "'" + name + "' is required.");
		}
		return value;
	}

	public static boolean flag(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Boolean bool) {
			return bool;
		}
		return value != null && Boolean.parseBoolean(value.toString().trim());
	}

	public static BigDecimal money(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
	}

	public static LocalDate date(VariableScope scope, String name) {
		String value = text(scope, name);
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			// form-js date fields send ISO dates, possibly with a time part
			return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(name, "'" + value + "' is not a date (yyyy-MM-dd).");
		}
	}

}
