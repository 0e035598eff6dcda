package com.tracecase.workflow.model;

import java.io.File;
import java.util.List;

import com.tracecase.workflow.SupplierActionProcess;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supplier action process as a file: named steps with meaningful ids, QC's tasks,
 * asynchronous service tasks that retry, a reminder that leaves the answer task open, and
 * a diagram that draws every step and flow.
 */
class SupplierActionModelTests {

	private final BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/supplier-action.bpmn"));

	@Test
	void theProcessKeepsItsHistoryAndIsStartedOnlyByARequest() {
		Process process = model.getModelElementById(SupplierActionProcess.PROCESS_KEY);
		assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
		assertThat(process.isCamundaStartableInTasklist()).isFalse();
		assertThat(process.getName()).isEqualTo("Supplier corrective action");
	}

	@Test
	void stepsHaveMeaningfulIdsAndQcWorksEveryTask() {
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			assertThat(node.getId()).as(node.getId()).matches("(Start|End|Task|Gateway|Timer)_[A-Z][A-Za-z0-9]+");
			assertThat(node.getName()).as(node.getId()).isNotBlank();
		}
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			assertThat(flow.getId()).startsWith("Flow_");
		}
		List<String> tasks = model.getModelElementsByType(UserTask.class).stream().map(BaseElement::getId).toList();
		assertThat(tasks).containsExactlyInAnyOrder(SupplierActionProcess.TASK_ADD_SUPPLIER_CONTACT,
				SupplierActionProcess.TASK_RECORD_ANSWER, SupplierActionProcess.TASK_VERIFY_ANSWER);
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isEqualTo("qc");
		}
		UserTask answer = model.getModelElementById(SupplierActionProcess.TASK_RECORD_ANSWER);
		assertThat(answer.getCamundaDueDate()).isEqualTo("${" + SupplierActionProcess.VAR_ANSWER_DUE + "}");
	}

	@Test
	void serviceTasksRunAsynchronouslyAndRetry() {
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
			assertThat(task.getExtensionElements()
				.getElementsQuery()
				.filterByType(CamundaFailedJobRetryTimeCycle.class)
				.singleResult()
				.getTextContent()).as(task.getId()).isEqualTo("R5/PT1M");
		}
	}

	@Test
	void remindersRepeatWhileTheAnswerTaskStaysOpen() {
		BoundaryEvent reminder = model.getModelElementById(SupplierActionProcess.TIMER_ANSWER_REMINDER);
		assertThat(reminder.cancelActivity()).isFalse();
		assertThat(reminder.getAttachedTo().getId()).isEqualTo(SupplierActionProcess.TASK_RECORD_ANSWER);
		TimerEventDefinition timer = (TimerEventDefinition) reminder.getEventDefinitions().iterator().next();
		assertThat(timer.getTimeCycle().getTextContent())
			.isEqualTo("${" + SupplierActionProcess.VAR_REMINDER_CYCLE + "}");
	}

	@Test
	void theDiagramDrawsEveryStepAndEveryFlow() {
		List<String> shapes = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.map(shape -> shape.getBpmnElement().getId())
			.toList();
		assertThat(shapes).containsExactlyInAnyOrderElementsOf(
				model.getModelElementsByType(FlowNode.class).stream().map(BaseElement::getId).toList());
		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			assertThat(edge.getWaypoints()).as(edge.getBpmnElement().getId()).hasSizeGreaterThanOrEqualTo(2);
		}
		List<String> edges = model.getModelElementsByType(BpmnEdge.class)
			.stream()
			.map(edge -> edge.getBpmnElement().getId())
			.toList();
		assertThat(edges).containsExactlyInAnyOrderElementsOf(
				model.getModelElementsByType(SequenceFlow.class).stream().map(BaseElement::getId).toList());
	}

}
