package com.tracecase.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTests {

	@Test
	void anAddressKeepsItsFirstCharacterAndItsDomain() {
		assertThat(Addresses.masked("jane.roe@example.com")).isEqualTo("j***@example.com");
		assertThat(Addresses.masked(" Jürgen@bäckerei.example ")).isEqualTo("J***@bäckerei.example");
		assertThat(Addresses.masked("no-at-sign")).isEqualTo("***");
		assertThat(Addresses.masked("@example.com")).isEqualTo("***");
		assertThat(Addresses.masked(null)).isNull();
	}

	@Test
	void everyAddressInATextIsMaskedAndTheRestKept() {
		assertThat(Addresses.maskedIn("550 5.1.2 gone-1@customer.invalid: the domain does not exist"))
			.isEqualTo("550 5.1.2 g***@customer.invalid: the domain does not exist");
		assertThat(Addresses.maskedIn("'a.b+tag@x.example' and <c@y.example>, twice: a.b+tag@x.example"))
			.isEqualTo("'a***@x.example' and <c***@y.example>, twice: a***@x.example");
		assertThat(Addresses.maskedIn("Missing final '@domain'")).isEqualTo("Missing final '@domain'");
		assertThat(Addresses.maskedIn("Key (lot_code)=(L-1) already exists."))
			.isEqualTo("Key (lot_code)=(L-1) already exists.");
		assertThat(Addresses.maskedIn(null)).isNull();
	}

}
