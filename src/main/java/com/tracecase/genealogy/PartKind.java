package com.tracecase.genealogy;

/**
 * What a part is in the bill of materials.
 */
public enum PartKind {

	/** Bought from a supplier: reels, trays, PCBs, cells. */
	COMPONENT,

	/** Built in house and consumed by another build, e.g. a PCB assembly. */
	SUBASSEMBLY,

	/** Built in house and shipped, e.g. a serialized device. */
	PRODUCT

}
