package com.tracecase.genealogy;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;

/**
 * What happens to a component removed in a repair or to a customer's unit that came back
 * and is not repaired: each goes to a lot of its own in the disposition's status, at the
 * disposition's location unless another is given.
 */
public enum Disposition {

	/** Sent to a recycler: gone from our hands. */
	RECYCLING(LotStatus.RECYCLING),

	/** Scrapped: gone. */
	SCRAP(LotStatus.SCRAPPED),

	/** Kept for failure analysis; later moved to scrap or recycling with a reason. */
	FAILURE_ANALYSIS(LotStatus.FAILURE_ANALYSIS);

	private final LotStatus lotStatus;

	Disposition(LotStatus lotStatus) {
		this.lotStatus = lotStatus;
	}

	/**
	 * @return the status of a lot with this disposition, never {@literal null}
	 */
	public LotStatus lotStatus() {
		return lotStatus;
	}

	/**
	 * @return whether an item may still be moved on from this disposition (only failure
	 * analysis ends in scrap or recycling)
	 */
	public boolean isFinal() {
		return this != FAILURE_ANALYSIS;
	}

	/**
	 * @return the disposition a lot in the status stands for, empty for any other status
	 */
	public static Optional<Disposition> of(LotStatus status) {
		return Arrays.stream(values()).filter(d -> d.lotStatus == status).findFirst();
	}

	/**
	 * Reads a disposition a person chose.
	 * @param field the input field, for the message
	 * @param what what the choice is about, e.g. "the removed part"
	 * @param code the chosen value, may be {@literal null}
	 * @return the disposition, never {@literal null}
	 * @throws InvalidInputException when nothing or an unknown value was chosen
	 */
	public static Disposition of(String field, String what, String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException(field, "Choose what happens to " + what + ": " + choices() + ".");
		}
		try {
			return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field,
					"'" + code.trim() + "' is not a way to dispose of " + what + "; choose " + choices() + ".");
		}
	}

	private static String choices() {
		return Arrays.stream(values())
			.map(d -> Labels.label(d).toLowerCase(java.util.Locale.ROOT))
			.collect(Collectors.joining(", ", "", ""))
			.replaceFirst(", ([^,]*)$", " or $1");
	}

}
