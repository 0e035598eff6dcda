/**
 * The process engine's side of Tracecase: BPMN delegates, message correlation, identity
 * and engine configuration. The only module that knows Camunda; the capability modules
 * know nothing of BPMN.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "casework", "finance", "genealogy",
		"inventory", "notification", "quality", "shared" })
package com.tracecase.workflow;
