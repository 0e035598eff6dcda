package com.tracecase.genealogy.web;

import java.util.Arrays;
import java.util.Locale;

import com.tracecase.shared.InvalidInputException;

/**
 * Enum values as clients send them: case-insensitive, empty meaning absent.
 */
final class Params {

	private Params() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "'%s' is not one of %s.".formatted(value,
					Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)));
		}
	}

}
