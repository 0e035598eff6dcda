package com.tracecase.genealogy;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * A unit's shipment to its customer was recorded, published in the transaction that
 * records it.
 *
 * @param serialNumber the unit
 * @param lotCode its lot
 * @param reference the shipment's reference, may be {@literal null}
 * @param at when
 */
public record UnitShipped(String serialNumber, String lotCode, @Nullable String reference, Instant at) {
}
