package com.tracecase.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.dao.DataAccessException;

import static com.tracecase.ProblemAssertions.assertNoInternals;
import static com.tracecase.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Requests that never reach a controller, and failures behind the input checks: under
 * /api they are answered as problem details, never as Tomcat's HTML page, a bare JSON
 * error or a message of the database.
 */
@TracecaseIntegrationTest
class ApiErrorResponsesTests {

	@LocalServerPort
	int port;

	@Autowired
	ProblemDetailsAdvice advice;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void oddPathsAnswerProblemDetails() throws Exception {
		assertProblem(send("GET", "/api/genealogy/lots/%2F", "application/json", null), 400, null);
		assertProblem(send("GET", "/api/genealogy/lots/%2F", "text/html", null), 400, null);
		assertProblem(send("GET", "/api/genealogy/lots/a%00b", "application/json", null), 400, null);
		assertProblem(send("GET", "/api/nothing-here", "application/json", null), 404, null);
		assertProblem(send("GET", "/api/nothing-here", "text/html", null), 404, null);
		assertProblem(send("DELETE", "/api/genealogy/parts/X", "application/json", null), 405, null);
		assertProblem(send("POST", "/api/genealogy/parts", "application/json", "text/plain"), 415, null);
		assertProblem(send("POST", "/api/genealogy/parts", "application/json", "application/json"), 422, null);
		assertProblem(send("GET", "/api/notifications/abc", "application/json", null), 400, null);
	}

	@Test
	void queryParametersWithControlCharactersAreRefusedNamingTheParameter() throws Exception {
		assertProblem(send("GET", "/api/notifications?caseNumber=FC%00", "application/json", null), 422, "caseNumber");
		assertProblem(send("GET", "/api/cases?serial=HX2%00", "application/json", null), 422, "serial");
	}

	@Test
	void aValueTheDatabaseRefusesIsAnsweredWithoutItsMessage() {
		DataAccessException refused = catchThrowableOfType(DataAccessException.class,
				() -> jdbc.update("INSERT INTO gen_part (part_number, description, kind) VALUES (?, ?, ?)",
						"P".repeat(200), "d", "COMPONENT"));
		assertThat(refused).isInstanceOf(DataIntegrityViolationException.class);
		ProblemDetail problem = advice.dataIntegrity((DataIntegrityViolationException) refused);
		assertThat(problem.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.value());
		assertNoInternals(problem.getDetail());

		DataAccessException broken = catchThrowableOfType(DataAccessException.class,
				() -> jdbc.queryForList("SELECT no_such_column FROM gen_part"));
		ResponseEntity<ProblemDetail> answer = advice.dataAccess(broken);
		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertNoInternals(answer.getBody().getDetail());
	}

	private HttpResponse<String> send(String method, String path, String accept, String contentType) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic("ops.manager"))
			.header("Accept", accept)
			.method(method, contentType == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(contentType.equals("text/plain") ? "hello" : "{}"));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
