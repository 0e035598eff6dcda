package com.tracecase.genealogy;

import java.time.Instant;

/**
 * A build was completed: its outputs in production became available, published in the
 * transaction that records it.
 *
 * @param buildCode the build
 * @param actor who
 * @param at when
 */
public record BuildCompleted(String buildCode, String actor, Instant at) {
}
