package com.tracecase.genealogy;

import java.time.LocalDate;

/**
 * A unit shipped to a customer: who has it. A unit shipped again after a return has
 * several; the latest is its holder.
 *
 * @param customerName the customer, required
 * @param customerEmail the customer's email address, may be {@literal null}
 * @param shippedOn when it left, required, not in the future
 * @param reference the order or delivery note, may be {@literal null}
 */
public record Shipment(String customerName, String customerEmail, LocalDate shippedOn, String reference) {
}
