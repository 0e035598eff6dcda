package com.tracecase.inventory;

import java.math.BigDecimal;
import java.util.List;

import com.tracecase.genealogy.StockLot;

/**
 * Usable stock of one part: available, not quarantined, not reserved.
 *
 * @param partNumber the part
 * @param quantity the quantity over all lots
 * @param lotCount the number of lots
 * @param lots the oldest lots, at most {@link #LOTS_NAMED}
 */
public record PartStock(String partNumber, BigDecimal quantity, int lotCount, List<StockLot> lots) {

	/** How many of the oldest lots a stock check names. */
	public static final int LOTS_NAMED = 5;

	public boolean available() {
		return quantity.signum() > 0;
	}

}
