package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A removed part or returned unit and where it went: its lot, where it came from and the
 * case it came back through.
 *
 * @param lotCode the lot that holds the item (a removed part's own lot, or the unit's
 * lot)
 * @param item what it is
 * @param sentTo the disposition it was first sent to
 * @param status the lot's status now
 * @param location where it is now, may be {@literal null}
 * @param partNumber its part
 * @param partDescription the part's description
 * @param supplier may be {@literal null} (built in-house)
 * @param unitCost the part's unit cost, may be {@literal null} when unknown
 * @param originLotCode the lot a removed part was taken from, {@literal null} for a unit
 * @param serialNumber the unit the part was taken out of, or the returned unit itself
 * @param caseNumber the case it came back through
 * @param at when it was disposed of
 * @param by who disposed of it
 * @param note what was said then, may be {@literal null}
 */
public record Disposal(String lotCode, DisposedItem item, Disposition sentTo, LotStatus status, String location,
		String partNumber, String partDescription, String supplier, BigDecimal unitCost, String originLotCode,
		String serialNumber, String caseNumber, Instant at, String by, String note) {

	/**
	 * @return where it is now, empty when its lot has left the dispositions
	 */
	public java.util.Optional<Disposition> current() {
		return Disposition.of(status);
	}

	/**
	 * @return whether it may still move on to scrap or recycling
	 */
	public boolean movable() {
		return status == LotStatus.FAILURE_ANALYSIS;
	}

}
