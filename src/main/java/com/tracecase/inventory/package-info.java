/**
 * Stock on hand for repairs and replacements, and reservations of it for failure cases.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "genealogy", "shared" })
package com.tracecase.inventory;
