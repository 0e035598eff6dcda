/**
 * Managers' figures: Prometheus meters and a JSON/CSV API over the case, ledger, quality,
 * mail and process figures the other modules compute from their durable data.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "casework", "finance", "notification", "quality", "workflow", "shared" })
package com.tracecase.metrics;
