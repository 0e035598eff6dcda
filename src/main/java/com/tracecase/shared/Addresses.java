package com.tracecase.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email addresses as a log may show them: never whole. Customers' addresses are personal
 * data, and the log is read by more people and kept longer than the case; a masked
 * address ({@code j***@example.com}) still tells a domain that refuses mail from one that
 * does not, and the message id in the same line leads to the full address for those
 * allowed to see it.
 */
public final class Addresses {

	private static final Pattern ADDRESS = Pattern
		.compile("[\\p{L}\\p{N}._%+!#$&*/=?^`{|}~-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*");

	private Addresses() {
	}

	/**
	 * @param address an address, may be {@literal null}
	 * @return the address with all of its local part but the first character hidden;
	 * anything that is not an address is hidden whole
	 */
	public static String masked(String address) {
		if (address == null) {
			return null;
		}
		String text = address.strip();
		int at = text.lastIndexOf('@');
		if (at < 1) {
			return "***";
		}
		return text.charAt(0) + "***@" + text.substring(at + 1);
	}

	/**
	 * @param text any text, may be {@literal null}
	 * @return the text with every email address in it masked
	 */
	public static String maskedIn(String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = ADDRESS.matcher(text);
		StringBuilder masked = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(masked, Matcher.quoteReplacement(masked(matcher.group())));
		}
		matcher.appendTail(masked);
		return masked.toString();
	}

}
