/**
 * Quality control: investigations of reported failures, containment of suspect lots and
 * supplier corrective actions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "genealogy", "shared" })
package com.tracecase.quality;
