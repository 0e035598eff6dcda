package com.tracecase.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.notification.DeliveryStatus;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.NotificationMessage;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.Recipient;
import com.tracecase.shared.Addresses;
import com.tracecase.workflow.CaseFixture;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator reads on the console: an ordinary user error is at most one line and
 * never a stack trace, no customer's address appears, and the process models deploy
 * without history time-to-live warnings.
 */
@TracecaseIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ConsoleOutputTests {

	@LocalServerPort
	int port;

	@Autowired
	LotManagement lots;

	@Autowired
	Notifications notifications;

	@Autowired
	RepositoryService repository;

	@Autowired
	ObjectMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void userErrorsOfTheApiLogAtMostOneLineAndNoStackTrace(CapturedOutput output) throws Exception {
		CaseFixture plant = new CaseFixture().build(lots, false, 0);
		String email = "console-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
		Map<String, Object> report = Map.of("serialNumber", plant.failedUnit(), "customer",
				Map.of("name", "Console Customer", "email", email), "symptomCategory", "NO_POWER", "description",
				"Does not start.", "channel", "EMAIL");
		String key = UUID.randomUUID().toString();
		HttpResponse<String> filed = post("/api/failure-reports", "cs.agent", report, key);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		String caseNumber = json.readTree(filed.body()).path("caseNumber").asText();
		int before = output.getOut().length();

		// 409: the case does not wait for its unit yet
		assertThat(post("/api/cases/" + caseNumber + "/unit-received", "prod.planner", Map.of(), null).statusCode())
			.isEqualTo(409);
		// 422: the same key for another report; and a report with wrong fields
		Map<String, Object> other = new java.util.HashMap<>(report);
		other.put("description", "Something else.");
		assertThat(post("/api/failure-reports", "cs.agent", other, key).statusCode()).isEqualTo(422);
		assertThat(post("/api/failure-reports", "cs.agent",
				Map.of("serialNumber", "", "customer", Map.of("name", "X", "email", "not-an-address"),
						"symptomCategory", "NO_POWER", "description", "x", "channel", "EMAIL"),
				null)
			.statusCode()).isEqualTo(422);
		// 422 from the genealogy, 400 for a value of the wrong type, 404, 403
		assertThat(post("/api/genealogy/lots/" + plant.pmicReelA + "/status", "qc.engineer", Map.of("status", "bogus"),
				null)
			.statusCode()).isEqualTo(422);
		assertThat(get("/api/cases?status=BOGUS", "cs.agent").statusCode()).isEqualTo(400);
		assertThat(get("/api/genealogy/serials/NO-SUCH-SERIAL", "cs.agent").statusCode()).isEqualTo(404);
		assertThat(post("/api/failure-reports", "qc.engineer", report, null).statusCode()).isEqualTo(403);

		String logged = output.getOut().substring(before);
		assertThat(logged).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain("Exception:");
		// seven refusals: at most one line each, whatever else runs meanwhile
		assertThat(logged.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).count())
			.isLessThanOrEqualTo(7);
		assertThat(output.getOut()).doesNotContain(email);
	}

	@Test
	void aCustomersAddressIsNeverLoggedWholeNotEvenWhenTheServerRefusesIt(CapturedOutput output) {
		String refused = "gone-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.invalid";
		String key = "CONSOLE-" + UUID.randomUUID() + ":NO_FAULT_FOUND";
		notifications.enqueue(MailTemplate.NO_FAULT_FOUND, List.of(Recipient.address(refused)),
				Map.of("caseNumber", "FC-2026-999999"), key);
		NotificationMessage failed = await().atMost(Duration.ofSeconds(30))
			.until(() -> notifications.messagesFor(key).get(0), message -> message.status() == DeliveryStatus.FAILED);
		assertThat(failed.lastError()).as("the case page still names the address").contains(refused);

		notifications.retry(failed.id());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> notifications.messagesFor(key).get(0).status() == DeliveryStatus.FAILED);

		assertThat(output.getOut()).contains("Message " + failed.id() + " to " + Addresses.masked(refused))
			.doesNotContain(refused);
	}

	@Test
	void theProcessModelsDeployWithoutTimeToLiveWarnings(CapturedOutput output) throws IOException {
		DeploymentBuilder deployment = repository.createDeployment()
			.name("console-check-" + UUID.randomUUID())
			.enableDuplicateFiltering(false);
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		int models = 0;
		for (String pattern : List.of("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn")) {
			for (Resource model : resources.getResources(pattern)) {
				try (InputStream content = model.getInputStream()) {
					deployment.addInputStream(model.getFilename(), new ByteArrayInputStream(content.readAllBytes()));
				}
				models++;
			}
		}
		assertThat(models).isGreaterThanOrEqualTo(3);
		Deployment deployed = deployment.deploy();
		try {
			assertThat(output.getOut()).doesNotContainIgnoringCase("time to live")
				.doesNotContainIgnoringCase("historyTimeToLive")
				.doesNotContain("ENGINE-12018");
		}
		finally {
			repository.deleteDeployment(deployed.getId(), true);
		}
	}

	private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
		return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String user, Object body, String idempotencyKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json")
			.header("Authorization", DemoLogin.basic(user));
	}

}
