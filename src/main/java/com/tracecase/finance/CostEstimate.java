package com.tracecase.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What repairing and replacing a unit would cost.
 *
 * @param laborCost repair labor
 * @param partsCost the suspect parts at unit cost
 * @param replacementUnitCost one unit of the product at unit cost
 * @param shippingCost one shipment
 * @param refundAmount what a refund pays back (the product's unit cost)
 */
public record CostEstimate(BigDecimal laborCost, BigDecimal partsCost, BigDecimal replacementUnitCost,
		BigDecimal shippingCost, BigDecimal refundAmount) {

	/** Labor, parts and the return shipment. */
	public BigDecimal repairCost() {
		return laborCost.add(partsCost).add(shippingCost);
	}

	/** The unit and its shipment. */
	public BigDecimal replacementCost() {
		return replacementUnitCost.add(shippingCost);
	}

	/**
	 * Repair cost as a share of replacement cost; 1 when replacing costs nothing known.
	 */
	public double repairToReplacementRatio() {
		if (replacementCost().signum() == 0) {
			return 1.0;
		}
		return repairCost().divide(replacementCost(), 4, RoundingMode.HALF_UP).doubleValue();
	}

}
