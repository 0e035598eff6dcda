package com.tracecase.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.TextInput;

import org.springframework.util.StringUtils;

/**
 * A supplier's master data as entered: its name (as its lots carry it) and its contact.
 *
 * @param name the supplier's name, required
 * @param contactName the contact person, optional
 * @param contactEmail where corrective action requests go, optional
 */
public record SupplierContact(String name, String contactName, String contactEmail) {

	/** One @, a dot in the domain, no spaces (as the genealogy checks addresses). */
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

	/**
	 * @return the values trimmed, blank ones as absent
	 * @throws InvalidInputException naming every broken rule: no name, a name, contact or
	 * address too long or with control characters, an address that is not one
	 */
	public SupplierContact checked() {
		List<InvalidInputException.Violation> violations = new ArrayList<>();
		String checkedName = trimmed(name);
		String checkedContact = trimmed(contactName);
		String checkedEmail = trimmed(contactEmail);
		if (checkedName == null) {
			violations.add(new InvalidInputException.Violation("name", "The supplier's name is missing."));
		}
		add(violations, TextInput.violation("name", "The supplier's name", checkedName, 200, false));
		add(violations, TextInput.violation("contactName", "The contact's name", checkedContact, 200, false));
		InvalidInputException.Violation email = TextInput.violation("contactEmail", "The contact email", checkedEmail,
				254, false);
		if (email == null && checkedEmail != null && !EMAIL.matcher(checkedEmail).matches()) {
			email = new InvalidInputException.Violation("contactEmail",
					"The contact email '" + checkedEmail + "' is not an email address.");
		}
		add(violations, email);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(
					violations.stream().map(InvalidInputException.Violation::message).collect(Collectors.joining(" ")),
					violations);
		}
		return new SupplierContact(checkedName, checkedContact, checkedEmail);
	}

	private static void add(List<InvalidInputException.Violation> violations,
			InvalidInputException.Violation violation) {
		if (violation != null) {
			violations.add(violation);
		}
	}

	private static String trimmed(String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

}
