package com.tracecase.notification;

import org.springframework.util.Assert;

/**
 * Who a mail goes to: the members of a group (plus the group's distribution list, if one
 * is configured) or one address. Recipients are resolved to addresses when the mail is
 * enqueued.
 */
public sealed interface Recipient {

	/**
	 * @param groupId a group id such as {@code qc}, must not be blank
	 * @return the group as recipient, never {@literal null}
	 */
	static Recipient group(String groupId) {
		return new Group(groupId);
	}

	/**
	 * @param email an email address, must not be blank
	 * @return the address as recipient, never {@literal null}
	 */
	static Recipient address(String email) {
		return new Address(email);
	}

	/**
	 * Every member of a group with an email address, and the group's distribution list.
	 *
	 * @param groupId the group id, must not be blank
	 */
	record Group(String groupId) implements Recipient {

		public Group {
			Assert.hasText(groupId, "The group id must not be blank");
		}

	}

	/**
	 * One address, such as a customer's.
	 *
	 * @param email the address, must not be blank
	 */
	record Address(String email) implements Recipient {

		public Address {
			Assert.hasText(email, "The email address must not be blank");
			email = email.trim();
		}

	}

}
