package com.tracecase.genealogy;

import java.time.Instant;

/**
 * A file was attached to a lot, published in the transaction that records it.
 *
 * @param lotCode the lot
 * @param fileName the file's name as stored
 * @param actor who
 * @param at when
 */
public record LotFileAttached(String lotCode, String fileName, String actor, Instant at) {
}
