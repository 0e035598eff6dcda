package com.tracecase.genealogy;

import java.time.Instant;

/**
 * A lot was swapped in a unit: the removed lot left its genealogy, the installed one
 * joined it.
 *
 * @param serialNumber the repaired unit
 * @param removedLotCode the lot taken out
 * @param installedLotCode the lot put in
 * @param actor who
 * @param at when
 */
public record UnitRepaired(String serialNumber, String removedLotCode, String installedLotCode, String actor,
		Instant at) {
}
