/**
 * Lot genealogy: parts, lots, builds and serials, and the trace, where-used and at-risk
 * answers over them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package com.tracecase.genealogy;
