/**
 * Failure cases: a customer's report about one device, from intake to closing.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "finance", "genealogy", "inventory", "notification", "quality", "shared" })
package com.tracecase.casework;
