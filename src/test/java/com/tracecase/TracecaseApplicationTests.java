package com.tracecase;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as a newcomer meets it: on PostgreSQL, with the webapps, the engine
 * REST API and the demo users.
 */
@TracecaseIntegrationTest
class TracecaseApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void deploysEveryModelAndForm() throws IOException {
		List<String> deployed = repositoryService.createDeploymentQuery()
			.list()
			.stream()
			.flatMap(deployment -> repositoryService.getDeploymentResources(deployment.getId()).stream())
			.map(Resource::getName)
			.toList();
		List<String> files;
		try (Stream<Path> models = Files.list(Path.of("bpmn")); Stream<Path> forms = Files.list(Path.of("forms"))) {
			files = Stream.concat(models, forms).map(path -> path.getFileName().toString()).toList();
		}
		assertThat(files).isNotEmpty();
		assertThat(files).allSatisfy(file -> assertThat(deployed).anyMatch(name -> name.endsWith(file)));
	}

	@Test
	void startFormStartsACaseWithTheCaseNumberAsBusinessKey() throws Exception {
		JsonNode startForm = getJson("/engine-rest/process-definition/key/FailureCaseProcess/deployed-start-form",
				"cs.agent");
		assertThat(startForm.path("id").asText()).isEqualTo("report-failure");

		Map<String, Object> variables = Map.of("serialNumber", value("HX2-000001"), "customerName",
				value("Dana Miller"), "customerEmail", value("dana@example.com"), "symptomCategory", value("NO_POWER"),
				"description", value("Dead after charging overnight"), "purchaseDate", value("2026-03-01"), "channel",
				value("PHONE"));
		HttpResponse<String> submitted = send(post("/engine-rest/process-definition/key/FailureCaseProcess/submit-form",
				"cs.agent", Map.of("variables", variables)));
		assertThat(submitted.statusCode()).isEqualTo(200);
		String processInstanceId = json.readTree(submitted.body()).path("id").asText();

		ProcessInstance instance = runtimeService.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		assertThat(instance.getBusinessKey()).matches("FC-" + Year.now() + "-\\d{6}");

		JsonNode failureCase = getJson("/api/cases/" + instance.getBusinessKey(), "cs.agent");
		assertThat(failureCase.path("serialNumber").asText()).isEqualTo("HX2-000001");
		assertThat(failureCase.path("customer").path("email").asText()).isEqualTo("dana@example.com");
		assertThat(failureCase.path("reportedBy").asText()).isEqualTo("cs.agent");
		assertThat(failureCase.path("status").asText()).isEqualTo("REPORTED");

		// no device of ours has this serial: once traced, customer service is asked to
		// identify it
		managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.list()
			.forEach(job -> managementService.executeJob(job.getId()));
		JsonNode filters = getJson("/engine-rest/filter?name=Customer%20service%20tasks", "cs.agent");
		assertThat(filters).hasSize(1);
		JsonNode tasks = getJson("/engine-rest/filter/" + filters.get(0).path("id").asText() + "/list", "cs.agent");
		assertThat(tasks.findValuesAsText("processInstanceId")).contains(processInstanceId);
	}

	@Test
	void eachGroupSeesOnlyItsOwnTaskFilter() throws Exception {
		assertThat(getJson("/engine-rest/filter", "qc.engineer").findValuesAsText("name"))
			.containsExactlyInAnyOrder("My tasks", "Quality control tasks");
		assertThat(getJson("/engine-rest/filter", "ops.manager").findValuesAsText("name"))
			.containsExactlyInAnyOrder("My tasks", "All open tasks");
	}

	@Test
	void onlyCustomerServiceMayStartTheFailureProcess() throws Exception {
		HttpResponse<String> response = send(post("/engine-rest/process-definition/key/FailureCaseProcess/submit-form",
				"qc.engineer", Map.of("variables", Map.of("serialNumber", value("HX2-000001")))));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void anonymousRequestsAreRejected() throws Exception {
		for (String path : List.of("/api/cases/FC-2026-000001", "/engine-rest/process-definition")) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(path)
				.hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
		}
	}

	@Test
	void wrongPasswordsAreRejected() throws Exception {
		// a failed login delays the next attempt of that user, so this uses a user no
		// other test needs
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/cases/FC-2026-000001"))
			.header("Authorization", basic("finance.approver", "wrong"))
			.GET());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void metricsAreScrapedWithALoginOnly() throws Exception {
		assertThat(send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET()).statusCode()).isEqualTo(401);
		HttpResponse<String> scrape = send(get("/actuator/prometheus", "ops.manager"));
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("tracecase_notifications");
	}

	@Test
	void unknownCaseIsANotFoundProblem() throws Exception {
		HttpResponse<String> response = send(get("/api/cases/FC-1999-000000", "cs.agent"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json.readTree(response.body()).path("detail").asText()).contains("FC-1999-000000");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void completingATaskThatDoesNotExistIsNotFound(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send(
				post("/engine-rest/task/" + java.util.UUID.randomUUID() + "/complete", "cs.agent", Map.of()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertThat(json.readTree(response.body()).path("message").asText()).contains("Cannot find task");
		assertThat(response.body()).doesNotContain("\tat ");
		// an ordinary 404, not an engine error with a stack trace in the log
		assertThat(output.getOut()).doesNotContain("ENGINE-16004");
		// other failures keep the engine's answers
		assertThat(send(post("/engine-rest/task/x/complete", "cs.agent", Map.of("variables", "nope"))).statusCode())
			.isEqualTo(400);
	}

	@Test
	void customerServiceLogsInToTasklist() throws Exception {
		// the webapps hand out their CSRF token on the first page load
		send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
		String csrfToken = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
		String form = "username=cs.agent&password=" + URLEncoder.encode("cs.agent", StandardCharsets.UTF_8);
		HttpResponse<String> login = send(
				HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-XSRF-TOKEN", csrfToken)
					.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(json.readTree(login.body()).path("authorizedApps").toString()).contains("tasklist");
	}

	private static Map<String, Object> value(Object value) {
		return Map.of("value", value);
	}

	private JsonNode getJson(String path, String user) throws Exception {
		HttpResponse<String> response = send(get(path, user));
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpRequest.Builder get(String path, String user) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, user)).GET();
	}

	private HttpRequest.Builder post(String path, String user, Object body) throws IOException {
		return HttpRequest.newBuilder(uri(path))
			.header("Authorization", basic(user, user))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
