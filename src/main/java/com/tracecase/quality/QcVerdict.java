package com.tracecase.quality;

import java.util.Arrays;
import java.util.Optional;

/**
 * QC's verdict on a reported failure; QC chooses one explicitly.
 */
public enum QcVerdict {

	FAILURE_CONFIRMED("Failure confirmed"), NO_FAULT_FOUND("No fault found");

	private final String label;

	QcVerdict(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * @param value a verdict's name, may be {@literal null}
	 * @return the verdict, empty for {@literal null} or an unknown value
	 */
	public static Optional<QcVerdict> parse(String value) {
		return Arrays.stream(values()).filter(verdict -> verdict.name().equals(value)).findFirst();
	}

}
