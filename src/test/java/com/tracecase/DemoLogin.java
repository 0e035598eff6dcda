package com.tracecase;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The HTTP Basic header of a demo user, whose password is its user id.
 */
public final class DemoLogin {

	private DemoLogin() {
	}

	/**
	 * @return the value of the {@code Authorization} header that signs in as the user
	 */
	public static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

}
