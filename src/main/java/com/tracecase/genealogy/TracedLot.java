package com.tracecase.genealogy;

public record TracedLot(String lotCode, String partNumber, PartKind partKind, String partDescription, String supplier,
		String dateCode, int depth, String buildCode, LinkPrecision precision) {
}
