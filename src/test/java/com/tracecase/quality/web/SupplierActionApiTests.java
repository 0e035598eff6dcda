package com.tracecase.quality.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.SupplierActionStatus;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.workflow.SupplierActionDriver;
import com.tracecase.workflow.SupplierActionProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.tracecase.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supplier actions and suppliers over the API: reading them, entering the 8D answer
 * and QC's verdict (which complete the waiting task as the caller), and every refusal: a
 * missing or wrong field (422 naming it), the wrong group (403), a step the action is not
 * waiting for (409).
 */
@TracecaseIntegrationTest
class SupplierActionApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	LotManagement lots;

	@Autowired
	QualityManagement quality;

	@Autowired
	SupplierManagement suppliers;

	@Autowired
	ObjectMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void qcAnswersRejectsAnswersAgainAndClosesAnActionThroughTheApi() throws Exception {
		SupplierActionDriver plant = new SupplierActionDriver(engine, lots, suppliers).withContact();
		SupplierCorrectiveAction action = plant.request(quality);
		String path = "/api/supplier-actions/" + action.getId();

		JsonNode read = read(send("GET", path, "cs.agent", null), 200);
		assertThat(read.path("action").path("reference").asText()).isEqualTo(action.getReference());
		assertThat(read.path("action").path("status").asText()).isEqualTo("AWAITING_ANSWER");
		assertThat(read.path("action").path("statusLabel").asText()).isEqualTo("Waiting for the supplier's 8D answer");
		assertThat(read.path("action").path("supplier").asText()).isEqualTo(plant.supplier);
		assertThat(read.path("action").path("answerDueOn").asText()).isEqualTo(action.getAnswerDueOn().toString());
		assertThat(read.path("openTask").path("name").asText()).startsWith("Record the 8D answer of " + plant.supplier);
		JsonNode listed = read(
				send("GET", "/api/supplier-actions?status=AWAITING_ANSWER&lot=" + plant.lot, "qc.engineer", null), 200);
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("id").asLong()).isEqualTo(action.getId());

		// a verdict before any answer: the action is not waiting for it
		assertProblem(send("POST", path + "/verdict", "qc.engineer", Map.of("verdict", "VERIFIED")), 409, null);
		// the wrong group
		assertProblem(send("POST", path + "/answer", "prod.planner", answer("Cause")), 403, null);
		// parts missing, named one by one; nothing written
		JsonNode missing = assertProblem(
				send("POST", path + "/answer", "qc.engineer", Map.of("containmentAction", "Sorted")), 422, "rootCause");
		assertThat(missing.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("rootCause",
				"correctiveAction", "preventiveAction");
		assertProblem(send("POST", path + "/answer", "qc.engineer", null), 422, "containmentAction");
		assertThat(suppliers.action(action.getId()).getStatus()).isEqualTo(SupplierActionStatus.AWAITING_ANSWER);

		JsonNode answered = read(send("POST", path + "/answer", "qc.engineer", answer("Oven drift")), 200);
		assertThat(answered.path("action").path("status").asText()).isEqualTo("ANSWERED");
		assertThat(answered.path("action").path("answer").path("rootCause").asText()).isEqualTo("Oven drift");
		assertThat(answered.path("action").path("answeredBy").asText()).isEqualTo("qc.engineer");
		assertThat(answered.path("openTask").path("name").asText()).startsWith("Verify the 8D answer");
		// the answer completed the waiting task as the caller
		assertThat(engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(action.getReference())
			.taskDefinitionKey(SupplierActionProcess.TASK_RECORD_ANSWER)
			.finished()
			.singleResult()
			.getDeleteReason()).isEqualTo("completed");
		assertProblem(send("POST", path + "/answer", "qc.engineer", answer("Twice")), 409, null);

		assertProblem(send("POST", path + "/verdict", "qc.engineer", Map.of("verdict", "REJECTED")), 422, "reason");
		assertProblem(send("POST", path + "/verdict", "qc.engineer", Map.of("verdict", "MAYBE")), 422, "verdict");
		assertProblem(send("POST", path + "/verdict", "qc.engineer", Map.of()), 422, "verdict");
		JsonNode rejected = read(send("POST", path + "/verdict", "qc.engineer",
				Map.of("verdict", "REJECTED", "reason", "Show the drift in the oven's log")), 200);
		assertThat(rejected.path("action").path("status").asText()).isEqualTo("REJECTED");
		assertThat(rejected.path("action").path("rejectionReason").asText())
			.isEqualTo("Show the drift in the oven's log");

		read(send("POST", path + "/answer", "qc.engineer", answer("Oven drift, logged")), 200);
		// a manager may close it too
		JsonNode closed = read(send("POST", path + "/verdict", "ops.manager", Map.of("verdict", "VERIFIED")), 200);
		assertThat(closed.path("action").path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("action").path("verifiedBy").asText()).isEqualTo("ops.manager");
		assertThat(closed.path("openTask").isNull() || closed.path("openTask").isMissingNode()).isTrue();
		assertThat(plant.process(action)).isNull();
	}

	@Test
	void aStatusFilterThatIsNoStatusIsNamed() throws Exception {
		assertProblem(send("GET", "/api/supplier-actions?status=LOST", "qc.engineer", null), 422, "status");
		assertProblem(send("GET", "/api/supplier-actions/987654321", "qc.engineer", null), 404, null);
	}

	@Test
	void qcKeepsTheSupplierMasterDataAndOnlyQcManagersAndAdministratorsMayChangeIt() throws Exception {
		SupplierActionDriver plant = new SupplierActionDriver(engine, lots, suppliers);
		HttpResponse<String> created = send("POST", "/api/suppliers", "qc.engineer",
				Map.of("name", plant.supplier, "contactName", "Kim Park", "contactEmail", plant.contactEmail));
		JsonNode supplier = read(created, 201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/suppliers/" + supplier.path("id").asLong());
		assertThat(supplier.path("hasContact").asBoolean()).isTrue();
		assertThat(supplier.path("updatedBy").asText()).isEqualTo("qc.engineer");

		// the same name in another case is the same supplier
		assertProblem(send("POST", "/api/suppliers", "ops.manager",
				Map.of("name", plant.supplier.toUpperCase(), "contactEmail", plant.contactEmail)), 409, null);
		assertProblem(send("POST", "/api/suppliers", "qc.engineer",
				Map.of("name", plant.supplier + " 2", "contactEmail", "not an address")), 422, "contactEmail");
		assertProblem(send("POST", "/api/suppliers", "qc.engineer", Map.of("contactEmail", plant.contactEmail)), 422,
				"name");
		assertProblem(send("POST", "/api/suppliers", "prod.planner", Map.of("name", plant.supplier + " 3")), 403, null);

		String path = "/api/suppliers/" + supplier.path("id").asLong();
		assertProblem(send("PUT", path, "cs.agent", Map.of("name", plant.supplier)), 403, null);
		JsonNode changed = read(send("PUT", path, "ops.manager",
				Map.of("name", plant.supplier, "contactName", "Lee Moss", "contactEmail", "lee@supplier.example")),
				200);
		assertThat(changed.path("contactEmail").asText()).isEqualTo("lee@supplier.example");
		assertThat(suppliers.findSupplier(plant.supplier)).hasValueSatisfying(s -> {
			assertThat(s.getContactName()).isEqualTo("Lee Moss");
			assertThat(s.getUpdatedBy()).isEqualTo("ops.manager");
		});
		JsonNode all = read(send("GET", "/api/suppliers", "prod.planner", null), 200);
		assertThat(all.findValuesAsText("name")).contains(plant.supplier);
	}

	private static Map<String, String> answer(String rootCause) {
		return Map.of("containmentAction", "Stock sorted", "rootCause", rootCause, "correctiveAction",
				"Limit tightened", "preventiveAction", "Logging on every line");
	}

	private JsonNode read(HttpResponse<String> response, int status) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

	private HttpResponse<String> send(String method, String path, String user, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic(user))
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		else if ("POST".equals(method)) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
