package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import com.tracecase.shared.InvalidInputException;

/**
 * The genealogy's rules for codes and amounts, the same for the API and the import (whose
 * SQL checks are built from the constants here).
 * <p>
 * Part numbers, lot codes, build codes and serial numbers appear as path segments of the
 * API ({@code /api/genealogy/lots/{lotCode}}) and in label URLs, so they are limited to
 * characters that need no escaping there: a code with {@code /}, {@code ;}, {@code %},
 * {@code #}, {@code ?} or a space could be stored but never addressed.
 */
public final class InputRules {

	/** Letters, digits and {@code . _ - : +}, starting with a letter or digit. */
	public static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:+-]*";

	/** The most characters of a code (the columns are {@code varchar(100)}). */
	public static final int CODE_MAX_LENGTH = 100;

	/**
	 * The code rule in words, completing "Lot code 'X' ...". No quotes or percent signs.
	 */
	public static final String CODE_RULE = "may contain only letters A-Z, digits and . _ - : + "
			+ "(starting with a letter or digit), so that it can be used in a URL";

	/** Quantities and costs: {@code numeric(18, 6)}. */
	public static final int MAX_INTEGER_DIGITS = 12;

	public static final int MAX_DECIMALS = 6;

	/** The number rule in words, completing "The quantity must be ...". */
	public static final String NUMBER_RULE = "a number of up to " + MAX_INTEGER_DIGITS + " digits and " + MAX_DECIMALS
			+ " decimals";

	/** Every build makes something: the same rule for the API and for builds.csv. */
	public static final String BUILD_QUANTITY_RULE = "The quantity of a build must be greater than zero.";

	private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

	private InputRules() {
	}

	/**
	 * @param what e.g. "Lot code"; {@literal null} codes pass (required checks are the
	 * caller's)
	 * @throws InvalidInputException naming {@code field} when it does not
	 */
	public static void checkCode(String field, String what, String code) {
		if (code == null) {
			return;
		}
		if (code.length() > CODE_MAX_LENGTH) {
			throw new InvalidInputException(field,
					what + " is longer than " + CODE_MAX_LENGTH + " characters (" + code.length() + ").");
		}
		if (!CODE.matcher(code).matches()) {
			throw new InvalidInputException(field, what + " '" + printable(code) + "' " + CODE_RULE + ".");
		}
	}

	/**
	 * @param what e.g. "The quantity"
	 * @throws InvalidInputException naming {@code field} when the number does not fit
	 * {@link #NUMBER_RULE} or is negative
	 */
	public static void checkAmount(String field, String what, BigDecimal value) {
		if (value == null) {
			return;
		}
		if (value.signum() < 0) {
			throw new InvalidInputException(field, what + " must not be negative.");
		}
		BigDecimal plain = value.stripTrailingZeros();
		int decimals = Math.max(0, plain.scale());
		int digits = plain.precision() - plain.scale();
		if (decimals > MAX_DECIMALS || digits > MAX_INTEGER_DIGITS) {
			String given = plain.toPlainString().length() <= 30 ? plain.toPlainString() : plain.toString();
			throw new InvalidInputException(field, what + " must be " + NUMBER_RULE + ", not " + given + ".");
		}
	}

	/**
	 * @throws InvalidInputException when the build quantity is missing, not positive or
	 * does not fit {@link #NUMBER_RULE}
	 */
	public static void checkBuildQuantity(String field, BigDecimal quantity) {
		if (quantity == null || quantity.signum() <= 0) {
			throw new InvalidInputException(field, BUILD_QUANTITY_RULE);
		}
		checkAmount(field, "The quantity", quantity);
	}

	private static String printable(String value) {
		return value.replaceAll("\\p{Cntrl}", "?");
	}

}
