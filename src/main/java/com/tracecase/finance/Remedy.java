package com.tracecase.finance;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.tracecase.shared.InvalidInputException;

/**
 * What a case does for the customer: the one vocabulary of the decision table's outputs,
 * the process's conditions, the forms and the ledger.
 */
public enum Remedy {

	/** Swap the failed component in the customer's unit. */
	REPAIR,

	/** Ship the customer a new unit. */
	REPLACE,

	/** Pay the purchase back. */
	REFUND,

	/** Refuse the claim. */
	DENY,

	/** No rule decides: a manager chooses one of the others. */
	ESCALATE;

	/**
	 * Whether this remedy ends the decision (a manager's choice must be one of these).
	 */
	public boolean isFinal() {
		return this != ESCALATE;
	}

	/**
	 * Reads a remedy a person chose.
	 * @param field the input field, for the message
	 * @param code the chosen value, may be {@literal null}
	 * @return the remedy, never {@literal null}
	 * @throws InvalidInputException when nothing or an unknown value was chosen
	 */
	public static Remedy of(String field, String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException(field, "Choose a remedy.");
		}
		try {
			return valueOf(code.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "'" + code + "' is not a remedy; choose one of "
					+ Arrays.stream(values()).map(Remedy::name).collect(Collectors.joining(", ")) + ".");
		}
	}

	/**
	 * Reads the remedy a manager chose: one that ends the decision.
	 * @throws InvalidInputException when nothing, an unknown value or {@link #ESCALATE}
	 * was chosen
	 */
	public static Remedy chosenByManager(String field, String code) {
		Remedy remedy = of(field, code);
		if (!remedy.isFinal()) {
			throw new InvalidInputException(field, "A manager's decision must be repair, replace, refund or deny.");
		}
		return remedy;
	}

}
