package com.tracecase.inventory;

import java.util.List;

/**
 * Stock for a failure case: parts to repair the unit and units to replace it.
 *
 * @param repairParts usable stock of each suspect part, excluding the suspect lots
 * themselves
 * @param replacementUnits usable units of the product
 */
public record StockCheck(List<PartStock> repairParts, PartStock replacementUnits) {

	public boolean repairPartsAvailable() {
		return !repairParts.isEmpty() && repairParts.stream().allMatch(PartStock::available);
	}

	public boolean replacementAvailable() {
		return replacementUnits.available();
	}

}
