package com.tracecase.genealogy;

public record Part(String partNumber, String description, PartKind kind, java.math.BigDecimal unitCost,
		String manufacturer, boolean serialized) {
}
