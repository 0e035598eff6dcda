package com.tracecase.genealogy;

public record WhereUsedLot(String lotCode, String serialNumber, String partNumber, PartKind partKind, LotStatus status,
		int depth) {
}
