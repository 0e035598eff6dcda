package com.tracecase.workflow.integrity;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps a case in step with what happens to its process outside the happy path: a step
 * that runs out of retries (an incident) makes the case need attention until the incident
 * is resolved, and a cancelled or deleted process cancels its case.
 * <p>
 * The engine's own incident handlers stay in charge of the incidents; they are wrapped,
 * so the case update runs in the transaction that records the failure.
 */
@Component
class CaseIntegrityPlugin extends AbstractProcessEnginePlugin {

	/** Jobs and external tasks: the incidents a failing step of a case can raise. */
	static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE,
			Incident.EXTERNAL_TASK_HANDLER_TYPE);

	// looked up when first needed: the beans behind them need the engine this plugin
	// configures
	private final ObjectProvider<CaseIncidents> incidents;

	private final ObjectProvider<CaseCancellations> cancellations;

	CaseIntegrityPlugin(ObjectProvider<CaseIncidents> incidents, ObjectProvider<CaseCancellations> cancellations) {
		this.incidents = incidents;
		this.cancellations = cancellations;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		parseListeners.add(new CaseCancellationParseListener(cancellations));
		configuration.setCustomPostBPMNParseListeners(parseListeners);
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		// the handlers exist only now; wrapping whatever is configured keeps it working
		for (String type : INCIDENT_TYPES) {
			IncidentHandler handler = configuration.getIncidentHandler(type);
			configuration.getIncidentHandlers().put(type, new CaseIncidentHandler(type, handler, incidents));
		}
		configuration
			.setFailedJobCommandFactory(new JobFailures.Remembering(configuration.getFailedJobCommandFactory()));
	}

}
