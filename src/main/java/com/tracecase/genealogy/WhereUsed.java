package com.tracecase.genealogy;

import java.util.List;
import java.util.Map;

/**
 * One page of the lots downstream of a lot, with the counts a recall decision needs
 * first.
 *
 * @param lotCode the lot asked about
 * @param page zero-based page
 * @param size page size
 * @param total downstream lots (after the kind filter)
 * @param countsByStatus downstream lots per status
 * @param inStock available, reserved, quarantined or returned
 * @param inProduction in production
 * @param shipped shipped
 * @param lots the page, by depth then lot code
 */
public record WhereUsed(String lotCode, int page, int size, long total, Map<LotStatus, Long> countsByStatus,
		long inStock, long inProduction, long shipped, List<WhereUsedLot> lots) {
}
