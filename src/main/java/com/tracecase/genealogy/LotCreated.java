package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lot that no build of ours produced was registered, published in the transaction that
 * records it.
 *
 * @param lotCode the lot
 * @param partNumber its part
 * @param quantity how much
 * @param status its first status
 * @param at when
 */
public record LotCreated(String lotCode, String partNumber, BigDecimal quantity, LotStatus status, Instant at) {
}
