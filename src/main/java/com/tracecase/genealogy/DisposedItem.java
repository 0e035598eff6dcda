package com.tracecase.genealogy;

/**
 * What came back through a case and was disposed of.
 */
public enum DisposedItem {

	/** A component taken out of a unit in a repair, in a lot of its own. */
	REMOVED_PART,

	/** A customer's unit that came back and was not repaired. */
	RETURNED_UNIT

}
