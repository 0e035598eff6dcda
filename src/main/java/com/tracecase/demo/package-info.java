/**
 * The demo: users for every group and a plant of HX2 handheld scanners to walk cases
 * through, created through the other modules' public APIs and never in the {@code prod}
 * profile.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "genealogy", "quality", "workflow", "shared" })
package com.tracecase.demo;
