package com.tracecase.finance;

/**
 * The kinds of warranty cost, one ledger entry each per case.
 */
public enum CostKind {

	LABOR, PARTS, REPLACEMENT_UNIT, SHIPPING, REFUND

}
