/**
 * Warranty finance: cost estimates for repair and replacement, approval thresholds, and
 * the warranty ledger, kept apart from regular procurement.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "genealogy", "shared" })
package com.tracecase.finance;
