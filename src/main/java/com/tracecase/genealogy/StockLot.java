package com.tracecase.genealogy;

public record StockLot(String lotCode, String partNumber, String supplier, java.math.BigDecimal quantity,
		String location, LotStatus status, String serialNumber) {
}
