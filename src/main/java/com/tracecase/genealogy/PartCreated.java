package com.tracecase.genealogy;

import java.time.Instant;

/**
 * A part was registered, published in the transaction that records it.
 *
 * @param partNumber the part
 * @param description what it is
 * @param at when
 */
public record PartCreated(String partNumber, String description, Instant at) {
}
