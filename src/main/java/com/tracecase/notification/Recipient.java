package com.tracecase.notification;

public sealed interface Recipient {

	static Recipient group(String groupId) {
		return new Group(groupId);
	}

	static Recipient address(String email) {
		return new Address(email);
	}

	record Group(String groupId) implements Recipient {
	}

	record Address(String email) implements Recipient {
	}

}
