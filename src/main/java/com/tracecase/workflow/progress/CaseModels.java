package com.tracecase.workflow.progress;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import org.springframework.stereotype.Component;

/**
 * The BPMN models of the deployed case processes, parsed once per process definition (a
 * deployed definition never changes).
 */
@Component
class CaseModels {

	private final RepositoryService repository;

	private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

	CaseModels(RepositoryService repository) {
		this.repository = repository;
	}

	/**
	 * @param processKey the process, e.g. {@code FailureCaseProcess}
	 * @return the model of its latest version, empty when it is not deployed
	 */
	Optional<BpmnModelInstance> latest(String processKey) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult();
		return definition == null ? Optional.empty() : Optional.of(of(definition.getId()));
	}

	/**
	 * @param processDefinitionId a deployed process definition, must not be
	 * {@literal null}
	 * @return its model, never {@literal null}
	 */
	BpmnModelInstance of(String processDefinitionId) {
		return models.computeIfAbsent(processDefinitionId, repository::getBpmnModelInstance);
	}

}
