package com.tracecase.genealogy;

/**
 * How precisely a genealogy link is known.
 */
public enum LinkPrecision {

	/** The consumption names the produced lot: this reel went into this board. */
	UNIT,

	/** The consumption names only the build: every output of the build may contain it. */
	BUILD

}
