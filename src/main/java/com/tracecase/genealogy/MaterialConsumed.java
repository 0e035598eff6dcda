package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * A build consumed a lot, for one of its outputs or for all, published in the transaction
 * that records it.
 *
 * @param buildCode the build
 * @param consumedLotCode the lot consumed
 * @param producedLotCode the output it went into, {@literal null} for all outputs
 * @param quantity how much
 * @param at when
 */
public record MaterialConsumed(String buildCode, String consumedLotCode, @Nullable String producedLotCode,
		BigDecimal quantity, Instant at) {
}
