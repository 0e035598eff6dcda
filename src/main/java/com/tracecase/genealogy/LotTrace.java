package com.tracecase.genealogy;

import java.util.List;

/**
 * Any lot and every lot it is made of, nearest first.
 *
 * @param lot the traced lot
 * @param lots its ancestor lots, never {@literal null}
 */
public record LotTrace(Lot lot, List<TracedLot> lots) {
}
