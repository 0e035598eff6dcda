/**
 * Lot genealogy: parts, lots, builds and serials, and the trace, where-used and at-risk
 * answers over them.
 */
package com.tracecase.genealogy;
