package com.tracecase.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.PageSession;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.shared.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.tracecase.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects people working in a browser: a request of another site cannot use their
 * cached credentials to change anything, pages say where scripts may come from, a session
 * ends when left alone, and a mistyped password does not lock anyone out.
 */
@TracecaseIntegrationTest
class BrowserSafetyTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	IdentityService identity;

	@Autowired
	ServerProperties server;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aCrossSiteRequestWithTheBrowsersCredentialsChangesNothing() throws Exception {
		String fromOrigin = newPart();
		assertProblem(send("POST", "/api/genealogy/parts", "prod.planner", partJson(fromOrigin), "Origin",
				"https://evil.example"), 403, null);
		String fromFetch = newPart();
		assertProblem(send("POST", "/api/genealogy/parts", "prod.planner", partJson(fromFetch), "Sec-Fetch-Site",
				"cross-site"), 403, null);
		String fromSibling = newPart();
		assertProblem(send("POST", "/api/genealogy/parts", "prod.planner", partJson(fromSibling), "Sec-Fetch-Site",
				"same-site"), 403, null);
		assertProblem(send("POST", "/api/cases/FC-2099-000001/unit-received", "prod.planner", null, "Origin", "null"),
				403, null);
		assertProblem(send("POST", "/engine-rest/task/no-such-task/complete", "admin", "{}", "Origin",
				"https://evil.example"), 403, null);

		for (String part : List.of(fromOrigin, fromFetch, fromSibling)) {
			assertThat(send("GET", "/api/genealogy/parts/" + part, "prod.planner", null).statusCode()).as(part)
				.isEqualTo(404);
		}
	}

	@Test
	void scriptsAndTheApplicationsOwnPagesKeepChangingThings() throws Exception {
		String fromScript = newPart();
		assertThat(send("POST", "/api/genealogy/parts", "prod.planner", partJson(fromScript)).statusCode())
			.isEqualTo(201);
		String sameOrigin = newPart();
		assertThat(send("POST", "/api/genealogy/parts", "prod.planner", partJson(sameOrigin), "Origin",
				"http://localhost:" + port, "Sec-Fetch-Site", "same-origin")
			.statusCode()).isEqualTo(201);
		// reading is harmless, even across sites
		assertThat(
				send("GET", "/api/genealogy/parts/" + sameOrigin, "prod.planner", null, "Sec-Fetch-Site", "cross-site")
					.statusCode())
			.isEqualTo(200);
	}

	@Test
	void pagesAllowScriptsOnlyFromTheApplicationAndCarryTheUsualHeaders() throws Exception {
		PageSession session = new PageSession(port, "ops.manager");
		for (String path : List.of("/", "/cases", "/dashboard", "/login")) {
			HttpResponse<String> page = session.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(policy).as(path)
				.contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'self'")
				.doesNotContain("unsafe-eval");
			String scripts = policy.substring(policy.indexOf("script-src"));
			assertThat(scripts.substring(0, scripts.indexOf(';'))).as(path).isEqualTo("script-src 'self'");
			assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
			assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
			assertThat(page.body()).as(path)
				.doesNotContainPattern("<script(?![^>]*\\b(src|type=\"application/json\"))");
		}
		HttpResponse<String> api = send("GET", "/api/cases", "ops.manager", null);
		assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
	}

	@Test
	void theCamundaWebappsKeepTheirOwnContentSecurityPolicy() throws Exception {
		HttpResponse<String> tasklist = send("GET", "/camunda/app/tasklist/default/", null, null);
		assertThat(tasklist.statusCode()).isEqualTo(200);
		assertThat(tasklist.headers().allValues("Content-Security-Policy")).hasSize(1)
			.allSatisfy(policy -> assertThat(policy).doesNotContain("object-src 'none'; base-uri 'self'"));
	}

	@Test
	void aSignedInSessionEndsAfterHalfAnHourLeftAlone() {
		assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
		assertThat(server.getServlet().getSession().getCookie().getHttpOnly()).isNotEqualTo(Boolean.FALSE);
	}

	@Test
	void oneWrongPasswordDoesNotLockOutTheRightOne() throws Exception {
		String userId = "lockout-" + UUID.randomUUID().toString().substring(0, 8);
		User user = identity.newUser(userId);
		user.setPassword("right-" + userId);
		user.setEmail(userId + "@tracecase.example");
		identity.saveUser(user);
		identity.createMembership(userId, Groups.QC);

		assertThat(sendAs("GET", "/api/cases", userId, "wrong").statusCode()).isEqualTo(401);
		assertThat(sendAs("GET", "/api/cases", userId, "right-" + userId).statusCode()).isEqualTo(200);
		assertThat(sendAs("GET", "/api/cases", userId, "wrong").statusCode()).isEqualTo(401);
		assertThat(sendAs("GET", "/api/cases", userId, "wrong again").statusCode()).isEqualTo(401);
		assertThat(sendAs("GET", "/api/cases", userId, "right-" + userId).statusCode()).isEqualTo(200);
	}

	private static String newPart() {
		return "SEC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private static String partJson(String partNumber) {
		return "{\"partNumber\":\"" + partNumber + "\",\"description\":\"Test part\",\"kind\":\"COMPONENT\"}";
	}

	private HttpResponse<String> send(String method, String path, String user, String body, String... headers)
			throws Exception {
		return sendAs(method, path, user, user, body, headers);
	}

	private HttpResponse<String> sendAs(String method, String path, String user, String password) throws Exception {
		return sendAs(method, path, user, password, null);
	}

	private HttpResponse<String> sendAs(String method, String path, String user, String password, String body,
			String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.header("Accept", "application/json, text/html");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
