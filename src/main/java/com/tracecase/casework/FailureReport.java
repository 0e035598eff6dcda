package com.tracecase.casework;

import java.time.LocalDate;

/**
 * What a customer reports about a failing device, as filed by customer service or another
 * system.
 *
 * @param serialNumber the device's serial number as the customer gave it
 * @param customerName the customer's name
 * @param customerEmail where the customer is told about the case
 * @param customerPhone optional phone number
 * @param symptomCategory the kind of failure
 * @param description the customer's own words
 * @param purchaseDate optional; the warranty runs from it
 * @param channel how the report arrived
 * @param externalReference optional id in the sending system, unique per case
 * @param customerTier optional, {@code STANDARD} when absent
 */
public record FailureReport(String serialNumber, String customerName, String customerEmail, String customerPhone,
		SymptomCategory symptomCategory, String description, LocalDate purchaseDate, ReportChannel channel,
		String externalReference, CustomerTier customerTier) {
}
