package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A lot as stored.
 *
 * @param lotCode unique lot code
 * @param partNumber its part
 * @param partKind the part's kind
 * @param partDescription the part's description
 * @param supplier may be {@literal null}
 * @param dateCode supplier lot or date code, may be {@literal null}
 * @param quantity quantity on hand
 * @param createdOn may be {@literal null}
 * @param location may be {@literal null}
 * @param status its status
 * @param serialNumber may be {@literal null}
 * @param buildCode the producing build, may be {@literal null}
 * @param sequenceInBuild position among the build's outputs, 0 without a build
 */
public record Lot(String lotCode, String partNumber, PartKind partKind, String partDescription, String supplier,
		String dateCode, BigDecimal quantity, LocalDate createdOn, String location, LotStatus status,
		String serialNumber, String buildCode, int sequenceInBuild) {
}
