package com.tracecase.genealogy;

/**
 * A lot downstream of another one.
 *
 * @param lotCode the downstream lot
 * @param serialNumber may be {@literal null}
 * @param partNumber its part
 * @param partKind its part's kind
 * @param status its status
 * @param depth 1 for a direct output, 2 for an output of an output, ...
 */
public record WhereUsedLot(String lotCode, String serialNumber, String partNumber, PartKind partKind, LotStatus status,
		int depth) {
}
