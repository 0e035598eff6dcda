package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A lot to register, e.g. a reel received from a supplier.
 *
 * @param lotCode unique lot code, required
 * @param partNumber an existing part, required
 * @param supplier may be {@literal null}
 * @param dateCode supplier lot or date code, may be {@literal null}
 * @param quantity quantity on hand, not negative, required
 * @param createdOn may be {@literal null} for today
 * @param location may be {@literal null}
 * @param status may be {@literal null} for available
 * @param serialNumber unique, may be {@literal null}
 */
public record NewLot(String lotCode, String partNumber, String supplier, String dateCode, BigDecimal quantity,
		LocalDate createdOn, String location, LotStatus status, String serialNumber) {
}
