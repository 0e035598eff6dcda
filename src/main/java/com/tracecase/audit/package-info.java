/**
 * The audit trail: who changed what and when on lots, builds, cases, decisions and the
 * quality records, one entry per change, written in the transaction of the change.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "casework", "finance", "genealogy", "quality", "shared" })
package com.tracecase.audit;
