package com.tracecase.workflow.model;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.finance.Remedy;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process models and forms as files, without the engine: every user task checks its
 * input on completion and has a form that exists, gateways read as questions, and the
 * remedy routing speaks the Remedy vocabulary.
 */
class FailureCaseModelTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static List<BpmnModelInstance> models() {
		return Stream.of("bpmn/failure-case.bpmn", "bpmn/containment.bpmn", "bpmn/supplier-action.bpmn")
			.map(path -> Bpmn.readModelFromFile(new File(path)))
			.toList();
	}

	private static JsonNode form(String id) throws IOException {
		return JSON.readTree(new File("forms/" + id + ".form"));
	}

	@Test
	void everyUserTaskHasAFormAndChecksItsInputOnCompletion() throws IOException {
		List<String> unchecked = new ArrayList<>();
		for (BpmnModelInstance model : models()) {
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
				assertThat(formRef).as("form of " + task.getId()).isNotBlank();
				assertThat(form(formRef).path("id").asText()).as("form file of " + task.getId()).isEqualTo(formRef);
				boolean checked = task.getExtensionElements() != null && task.getExtensionElements()
					.getElementsQuery()
					.filterByType(CamundaTaskListener.class)
					.list()
					.stream()
					.anyMatch(listener -> "complete".equals(listener.getCamundaEvent()));
				if (!checked) {
					unchecked.add(task.getId());
				}
			}
		}
		assertThat(unchecked).as("user tasks without a completion check").isEmpty();
	}

	@Test
	void gatewaysHaveReadableNames() {
		for (BpmnModelInstance model : models()) {
			for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
				assertThat(gateway.getName()).as(gateway.getId()).isNotBlank().isNotEqualTo(gateway.getId());
			}
		}
	}

	@Test
	void theRemedyGatewayRoutesEveryFinalRemedyOnceAndAnythingElseToTheManagers() {
		BpmnModelInstance model = models().get(0);
		ExclusiveGateway remedy = model.getModelElementById("Gateway_Remedy");
		assertThat(remedy.getDefault()).as("default flow").isNotNull();
		assertThat(remedy.getDefault().getTarget().getId()).isEqualTo("Task_ManagerDecision");
		List<String> routed = remedy.getOutgoing()
			.stream()
			.filter(flow -> flow.getConditionExpression() != null)
			.map(SequenceFlow::getConditionExpression)
			.map(condition -> condition.getTextContent().replaceAll(".*'(\\w+)'.*", "$1"))
			.toList();
		assertThat(routed).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(Remedy.values()).filter(Remedy::isFinal).map(Remedy::name).toList());
	}

	@Test
	void theManagersChooseAmongTheFinalRemedies() throws IOException {
		JsonNode choice = components(form("manager-decision"), "managerAction");
		Set<String> values = new java.util.HashSet<>();
		choice.path("values").forEach(value -> values.add(value.path("value").asText()));
		assertThat(values).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(Remedy.values()).filter(Remedy::isFinal).map(Remedy::name).toList());
		assertThat(choice.path("validate").path("required").asBoolean()).isTrue();
	}

	@Test
	void explicitChoicesAreRequiredRadiosAndDecisionsStayReadOnly() throws IOException {
		for (String[] formAndKey : new String[][] { { "finance-approval", "financeVerdict" },
				{ "field-action", "fieldActionVerdict" } }) {
			JsonNode choice = components(form(formAndKey[0]), formAndKey[1]);
			assertThat(choice.path("type").asText()).as(formAndKey[1]).isEqualTo("radio");
			assertThat(choice.path("validate").path("required").asBoolean()).as(formAndKey[1]).isTrue();
		}
		// finance sees the decision, but cannot change what it decided
		List<String> editable = new ArrayList<>();
		form("finance-approval").path("components").forEach(component -> {
			if (component.has("key") && !component.path("readonly").asBoolean()) {
				editable.add(component.path("key").asText());
			}
		});
		assertThat(editable).containsExactlyInAnyOrder("financeVerdict", "financeComment");
	}

	private static JsonNode components(JsonNode form, String key) {
		List<JsonNode> found = new ArrayList<>();
		form.path("components").forEach(component -> {
			if (key.equals(component.path("key").asText())) {
				found.add(component);
			}
		});
		assertThat(found).as(key + " in " + form.path("id").asText()).hasSize(1);
		return found.get(0);
	}

}
