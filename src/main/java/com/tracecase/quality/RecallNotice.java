package com.tracecase.quality;

/**
 * A recall notice to send: one shipped unit of a campaign and the customer who has it.
 *
 * @param reference the campaign
 * @param lotCode the unit's lot
 * @param serialNumber the unit's serial number
 * @param product the product, in words
 * @param customerName who has it
 * @param customerEmail where the notice goes
 */
public record RecallNotice(String reference, String lotCode, String serialNumber, String product, String customerName,
		String customerEmail) {
}
