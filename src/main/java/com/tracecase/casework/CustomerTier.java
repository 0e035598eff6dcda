package com.tracecase.casework;

/**
 * The customer's service level, which the repair-or-replace decision weighs.
 */
public enum CustomerTier {

	STANDARD, PREMIUM

}
