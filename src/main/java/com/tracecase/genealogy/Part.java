package com.tracecase.genealogy;

import java.math.BigDecimal;

/**
 * A part number of the bill of materials.
 *
 * @param partNumber unique part number
 * @param description what it is
 * @param kind component, subassembly or product
 * @param unitCost cost of one unit, may be {@literal null}
 * @param manufacturer may be {@literal null}
 * @param serialized whether each output of its builds is tracked as a single-unit lot
 * with a serial number
 */
public record Part(String partNumber, String description, PartKind kind, BigDecimal unitCost, String manufacturer,
		boolean serialized) {
}
