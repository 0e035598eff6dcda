package com.tracecase.workflow.integrity;

import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Wraps the engine's incident handler of one type: the engine records the incident as
 * always, then the case hears of it, in the same transaction.
 */
class CaseIncidentHandler implements IncidentHandler {

	private final String type;

	private final IncidentHandler delegate;

	private final ObjectProvider<CaseIncidents> incidents;

	CaseIncidentHandler(String type, IncidentHandler delegate, ObjectProvider<CaseIncidents> incidents) {
		this.type = type;
		this.delegate = delegate;
		this.incidents = incidents;
	}

	@Override
	public String getIncidentHandlerType() {
		return type;
	}

	@Override
	public Incident handleIncident(IncidentContext context, String message) {
		Incident incident = delegate.handleIncident(context, message);
		if (incident != null) {
			incidents.getObject().opened(incident, JobFailures.current());
		}
		return incident;
	}

	@Override
	public void resolveIncident(IncidentContext context) {
		// called for every job that completes: only incidents that exist are news
		List<Incident> open = openIncidents(context);
		delegate.resolveIncident(context);
		open.forEach(incident -> incidents.getObject().closed(incident));
	}

	@Override
	public void deleteIncident(IncidentContext context) {
		List<Incident> open = openIncidents(context);
		delegate.deleteIncident(context);
		open.forEach(incident -> incidents.getObject().closed(incident));
	}

	private List<Incident> openIncidents(IncidentContext context) {
		if (context.getConfiguration() == null) {
			return List.of();
		}
		return Context.getCommandContext()
			.getIncidentManager()
			.findIncidentByConfigurationAndIncidentType(context.getConfiguration(), type);
	}

}
