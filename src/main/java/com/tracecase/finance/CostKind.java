package com.tracecase.finance;

/**
 * The kinds of warranty cost: one ledger entry each per case for the remedy's kinds, one
 * per case and item for {@link #MATERIAL_WRITE_OFF}.
 */
public enum CostKind {

	LABOR, PARTS, REPLACEMENT_UNIT, SHIPPING, REFUND,

	/**
	 * The value (its part's unit cost) of a component removed in a repair or a customer's
	 * unit that came back and was not repaired: it goes to recycling, scrap or failure
	 * analysis, never back into stock, so its value is written off to warranty here and
	 * never counted as stock or procurement.
	 */
	MATERIAL_WRITE_OFF;

	/**
	 * @return whether the kind is booked once per item rather than once per case
	 */
	public boolean perItem() {
		return this == MATERIAL_WRITE_OFF;
	}

}
