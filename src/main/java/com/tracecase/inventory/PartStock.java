package com.tracecase.inventory;

import java.math.BigDecimal;
import java.util.List;

import com.tracecase.genealogy.StockLot;

/**
 * Usable stock of one part: available, not quarantined, not reserved.
 *
 * @param partNumber the part
 * @param quantity the quantity over all lots
 * @param lots the lots, oldest first
 */
public record PartStock(String partNumber, BigDecimal quantity, List<StockLot> lots) {

	public boolean available() {
		return quantity.signum() > 0;
	}

}
