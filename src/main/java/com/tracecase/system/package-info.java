/**
 * Cross-cutting configuration: database, web security and error responses.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		allowedDependencies = { "shared" })
package com.tracecase.system;
