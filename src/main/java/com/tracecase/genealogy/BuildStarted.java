package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A build was started with its outputs in production, published in the transaction that
 * records it.
 *
 * @param buildCode the build
 * @param partNumber what it builds
 * @param quantity how many
 * @param outputs how many output lots were created
 * @param at when
 */
public record BuildStarted(String buildCode, String partNumber, BigDecimal quantity, int outputs, Instant at) {
}
