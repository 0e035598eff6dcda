package com.tracecase.genealogy;

/**
 * An ancestor lot in a trace.
 *
 * @param lotCode the ancestor
 * @param partNumber its part
 * @param partKind its part's kind
 * @param partDescription its part's description
 * @param supplier may be {@literal null}
 * @param dateCode supplier lot or date code, may be {@literal null}
 * @param depth 1 for a direct input of the traced lot, 2 for an input of an input, ...
 * @param buildCode the build it went into, {@literal null} when it was installed by a
 * repair
 * @param precision how precisely the link into that build is known
 */
public record TracedLot(String lotCode, String partNumber, PartKind partKind, String partDescription, String supplier,
		String dateCode, int depth, String buildCode, LinkPrecision precision) {
}
