package com.tracecase.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.TextInput;

import org.springframework.util.StringUtils;

/**
 * The supplier's 8D answer to a corrective action request, as QC records it: how the
 * supplier contained the problem, its root cause, and the corrective and preventive
 * actions.
 *
 * @param containmentAction what the supplier did at once to protect its customers
 * @param rootCause why the defect happened
 * @param correctiveAction what removes the root cause
 * @param preventiveAction what keeps it from happening again
 */
public record EightDAnswer(String containmentAction, String rootCause, String correctiveAction,
		String preventiveAction) {

	/** The longest text of one part of the answer. */
	public static final int MAX_LENGTH = 4000;

	/**
	 * @return the answer with each part trimmed
	 * @throws InvalidInputException naming every part that is missing, too long or has
	 * control characters
	 */
	public EightDAnswer checked() {
		List<InvalidInputException.Violation> violations = new ArrayList<>();
		check(violations, "containmentAction", "The containment action", containmentAction);
		check(violations, "rootCause", "The root cause", rootCause);
		check(violations, "correctiveAction", "The corrective action", correctiveAction);
		check(violations, "preventiveAction", "The preventive action", preventiveAction);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(
					violations.stream().map(InvalidInputException.Violation::message).collect(Collectors.joining(" ")),
					violations);
		}
		return new EightDAnswer(containmentAction.strip(), rootCause.strip(), correctiveAction.strip(),
				preventiveAction.strip());
	}

	private static void check(List<InvalidInputException.Violation> violations, String field, String label,
			String value) {
		if (!StringUtils.hasText(value)) {
			violations
				.add(new InvalidInputException.Violation(field, label + " of the supplier's 8D answer is missing."));
			return;
		}
		InvalidInputException.Violation violation = TextInput.violation(field, label, value, MAX_LENGTH, true);
		if (violation != null) {
			violations.add(violation);
		}
	}

}
