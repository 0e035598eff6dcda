package com.tracecase.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document and Swagger UI: behind the sign-in, complete (every endpoint of
 * {@code /api/**} that Spring MVC serves, read from its handler mapping, so a new
 * controller cannot be left out), and every refusal documented as a problem.
 */
@TracecaseIntegrationTest
class ApiDocumentationTests {

	private static final Set<String> PROBLEM_CODES = Set.of("400", "401", "403", "404", "406", "409", "413", "422");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	ObjectMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theDocumentAndSwaggerUiNeedASignIn() {
		HttpResponse<String> script = send("/v3/api-docs", null, "application/json");
		assertThat(script.statusCode()).isEqualTo(401);
		assertThat(script.body()).doesNotContain("/api/failure-reports");

		for (String page : List.of("/swagger-ui.html", "/swagger-ui/index.html", "/v3/api-docs")) {
			HttpResponse<String> browser = send(page, null, "text/html");
			assertThat(browser.statusCode()).as(page).isEqualTo(302);
			assertThat(browser.headers().firstValue("Location")).as(page)
				.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
		}

		HttpResponse<String> signedIn = send("/swagger-ui/index.html", "cs.agent", "text/html");
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.body()).contains("Swagger UI");
		HttpResponse<String> config = send("/v3/api-docs/swagger-config", "cs.agent", "application/json");
		assertThat(config.statusCode()).isEqualTo(200);
		assertThat(config.body()).contains("/v3/api-docs");
	}

	@Test
	void everyApiEndpointIsInTheDocument() throws IOException {
		JsonNode paths = document().path("paths");
		List<String> endpoints = apiEndpoints();
		assertThat(endpoints).as("the API's endpoints").hasSizeGreaterThan(30);

		List<String> missing = new ArrayList<>();
		for (String endpoint : endpoints) {
			String[] methodAndPath = endpoint.split(" ", 2);
			if (paths.path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT)).isMissingNode()) {
				missing.add(endpoint);
			}
		}
		assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();

		// and nothing but the API: no pages, no actuator, no engine REST API
		paths.fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
	}

	@Test
	void everyRefusalIsAProblemAndTheWritesCarryExamples() throws IOException {
		JsonNode document = document();
		JsonNode problem = document.path("components").path("schemas").path("ProblemDetail").path("properties");
		assertThat(problem.has("detail") && problem.has("errors")).as("the problem's fields").isTrue();
		assertThat(document.path("components").path("securitySchemes").path("basic").path("scheme").asText())
			.isEqualTo("basic");
		assertThat(document.path("info").path("description").asText()).contains("/engine-rest")
			.contains(OpenApiConfiguration.ENGINE_REST_DOCS);

		document.path("paths")
			.forEach(path -> path
				.forEach(operation -> operation.path("responses").fields().forEachRemaining(response -> {
					if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
						assertThat(PROBLEM_CODES).contains(response.getKey());
						JsonNode content = response.getValue().path("content");
						assertThat(content.size()).isEqualTo(1);
						assertThat(content.path("application/problem+json").path("schema").path("$ref").asText())
							.isEqualTo("#/components/schemas/ProblemDetail");
					}
				})));

		JsonNode report = document.path("paths").path("/api/failure-reports").path("post");
		assertThat(report.path("responses").has("201")).isTrue();
		assertThat(report.path("responses").path("422").path("description").asText()).contains("errors");
		assertThat(report.path("responses").has("401")).isTrue();
		assertThat(report.path("responses").has("403")).isTrue();
		JsonNode example = report.path("requestBody")
			.path("content")
			.path("application/json")
			.path("examples")
			.path("report")
			.path("value");
		assertThat(example.path("serialNumber").asText()).isNotBlank();
		assertThat(example.path("customer").path("email").asText()).contains("@");

		JsonNode unitReceived = document.path("paths").path("/api/cases/{caseNumber}/unit-received").path("post");
		assertThat(unitReceived.path("responses").has("409")).isTrue();
		assertThat(unitReceived.path("responses").has("404")).isTrue();

		for (String write : List.of("/api/genealogy/lots", "/api/genealogy/parts", "/api/genealogy/builds",
				"/api/genealogy/builds/{buildCode}/consumptions", "/api/genealogy/lots/{lotCode}/status")) {
			JsonNode operation = document.path("paths").path(write).path("post");
			assertThat(operation.path("summary").asText()).as(write).isNotBlank();
			assertThat(operation.path("requestBody").path("content").path("application/json").path("examples"))
				.as(write)
				.isNotEmpty();
			assertThat(operation.path("responses").has("422")).as(write).isTrue();
		}
	}

	/** "METHOD /path" of every handler under /api/, as Spring MVC maps it. */
	private List<String> apiEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo mapping : handlerMapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
			for (String pattern : mapping.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				// a pattern's variables may carry a regular expression: {id:\d+}
				String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpoints.add(method.name() + " " + path);
				}
			}
		}
		return new ArrayList<>(endpoints);
	}

	private JsonNode document() throws IOException {
		HttpResponse<String> response = send("/v3/api-docs", "qc.engineer", "application/json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> send(String path, String user, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", accept)
			.GET();
		if (user != null) {
			request.header("Authorization", DemoLogin.basic(user));
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
