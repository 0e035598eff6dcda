package com.tracecase.workflow.progress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.tracecase.casework.CaseDiagrams;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;

import org.springframework.stereotype.Component;

/**
 * The diagrams of a case's processes (the case and its containment share the business
 * key), each from the model version the instance runs on, with the steps the engine's
 * history shows as open marked current and the finished ones passed.
 */
@Component
class EngineCaseDiagrams implements CaseDiagrams {

	private final HistoryService historyService;

	private final CaseModels models;

	EngineCaseDiagrams(HistoryService historyService, CaseModels models) {
		this.historyService = historyService;
		this.models = models;
	}

	@Override
	public List<Diagram> diagramsOf(String caseNumber) {
		List<Diagram> diagrams = new ArrayList<>();
		for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.orderByProcessInstanceStartTime()
			.asc()
			.list()) {
			BpmnModelInstance model = models.of(instance.getProcessDefinitionId());
			Set<String> current = new LinkedHashSet<>();
			Set<String> passed = new LinkedHashSet<>();
			for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
				.processInstanceId(instance.getId())
				.list()) {
				(activity.getEndTime() == null ? current : passed).add(activity.getActivityId());
			}
			passed.removeAll(current);
			String process = processName(model, instance);
			String title = current.isEmpty() ? process + ": ended"
					: process + ": the case is at " + String.join(", ", names(model, current));
			diagrams.add(new Diagram(process,
					BpmnSvg.draw(model, instance.getProcessDefinitionKey(), title, current, passed),
					names(model, current), names(model, passed)));
		}
		return diagrams;
	}

	private static String processName(BpmnModelInstance model, HistoricProcessInstance instance) {
		Process process = model.getModelElementById(instance.getProcessDefinitionKey());
		return process != null && process.getName() != null ? process.getName() : instance.getProcessDefinitionKey();
	}

	/**
	 * The names of the steps, in the order of the model, leaving out unnamed plumbing.
	 */
	private static List<String> names(BpmnModelInstance model, Collection<String> stepIds) {
		List<String> names = new ArrayList<>();
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			if (stepIds.contains(node.getId()) && node.getName() != null && !node.getName().isBlank()) {
				names.add(StepNames.plain(node.getName(), node.getId()));
			}
		}
		return names;
	}

}
