package com.tracecase.genealogy;

import java.math.BigDecimal;

/**
 * A lot with quantity on hand.
 *
 * @param lotCode the lot
 * @param partNumber its part
 * @param supplier may be {@literal null}
 * @param quantity quantity on hand
 * @param location may be {@literal null}
 * @param status its status
 * @param serialNumber may be {@literal null}
 */
public record StockLot(String lotCode, String partNumber, String supplier, BigDecimal quantity, String location,
		LotStatus status, String serialNumber) {

	/**
	 * @return the same lot with another quantity, e.g. what reservations leave of it
	 */
	public StockLot withQuantity(BigDecimal quantity) {
		return new StockLot(lotCode, partNumber, supplier, quantity, location, status, serialNumber);
	}

}
