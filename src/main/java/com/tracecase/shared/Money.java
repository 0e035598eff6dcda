package com.tracecase.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;

/**
 * An amount with its currency and how people read it. Tracecase writes money one way
 * everywhere: the amount with the currency's decimals and thousands separators, then the
 * ISO code, {@code 1,201.50 EUR}. The code is unambiguous for every currency (a {@code $}
 * is not) and reads the same in mails, forms and the API.
 *
 * @param amount the amount, never {@literal null}
 * @param currency ISO 4217 code, never {@literal null}
 * @param display e.g. {@code 201.50 EUR}
 */
public record Money(BigDecimal amount, String currency, String display) {

	/**
	 * @return the amount as money, {@literal null} when the amount is {@literal null}
	 */
	public static Money of(BigDecimal amount, String currency) {
		return amount == null ? null : new Money(amount, currency, format(amount, currency));
	}

	/**
	 * @param amount e.g. a process variable (a double), may be {@literal null}
	 * @return the amount as money, {@literal null} when the amount is {@literal null}
	 */
	public static Money of(Number amount, String currency) {
		return amount == null ? null : of(new BigDecimal(amount.toString()), currency);
	}

	/**
	 * @param amount the amount, may be {@literal null}
	 * @param currency ISO 4217 code, must not be {@literal null}
	 * @return e.g. {@code 201.50 EUR}, {@literal null} when the amount is {@literal null}
	 * @throws IllegalArgumentException for an unknown currency code
	 */
	public static String format(BigDecimal amount, String currency) {
		if (amount == null) {
			return null;
		}
		Currency unit = Currency.getInstance(currency.trim().toUpperCase(Labels.LOCALE));
		int digits = Math.max(0, unit.getDefaultFractionDigits());
		DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
				DecimalFormatSymbols.getInstance(Labels.LOCALE));
		return format.format(amount.setScale(digits, RoundingMode.HALF_UP)) + " " + unit.getCurrencyCode();
	}

}
