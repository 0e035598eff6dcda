package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A removed part or returned unit was disposed of through a case, once per case and item:
 * its value leaves us apart from stock and procurement.
 *
 * @param caseNumber the case
 * @param lotCode the lot holding the item
 * @param item what it is
 * @param disposition where it went
 * @param partNumber its part
 * @param unitCost the part's unit cost, may be {@literal null} when unknown
 * @param description in words, for the ledger
 * @param actor who
 * @param at when
 */
public record MaterialDisposed(String caseNumber, String lotCode, DisposedItem item, Disposition disposition,
		String partNumber, BigDecimal unitCost, String description, String actor, Instant at) {
}
