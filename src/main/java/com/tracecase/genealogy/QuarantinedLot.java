package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lot held in quarantine, with who put it there, when and why.
 *
 * @param lotCode the lot
 * @param partNumber its part
 * @param partDescription the part's description
 * @param supplier may be {@literal null} (built in-house)
 * @param quantity quantity on hand
 * @param location may be {@literal null}
 * @param serialNumber the unit's serial number, {@literal null} for a lot of parts
 * @param since when it was quarantined, {@literal null} when it was created so
 * @param by who quarantined it, {@literal null} when it was created so
 * @param reason why, {@literal null} when none was given
 */
public record QuarantinedLot(String lotCode, String partNumber, String partDescription, String supplier,
		BigDecimal quantity, String location, String serialNumber, Instant since, String by, String reason) {
}
