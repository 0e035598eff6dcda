package com.tracecase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every refused request must look like: an RFC 7807 problem with the status, naming
 * the field at fault, and nothing of the inside (SQL, class names, stack traces).
 */
public final class ProblemAssertions {

	/** Words that only internals contain. */
	private static final List<String> INTERNALS = List.of("SQL", "ERROR:", "insert into", "INSERT INTO", "select ",
			"SELECT ", "varchar", "character varying", "numeric field overflow", "violates", "gen_", "failure_case",
			"Exception", "java.", "org.", "com.tracecase", "\tat ", "postgres", "PSQL", "<html", "<!doctype");

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemAssertions() {
	}

	/**
	 * @param field the field the problem must name in {@code errors}, or {@literal null}
	 * when only the status and the body's cleanness are checked
	 * @return the problem
	 */
	public static JsonNode assertProblem(HttpResponse<String> response, int status, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(response.body())
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertNoInternals(response.body());
		JsonNode problem = read(response.body());
		assertThat(problem.path("status").asInt()).as(response.body()).isEqualTo(status);
		assertThat(problem.path("detail").asText()).as(response.body()).isNotBlank();
		if (field != null) {
			assertThat(problem.path("errors").findValuesAsText("field")).as(response.body()).contains(field);
			assertThat(problem.path("errors").findValuesAsText("message")).as(response.body())
				.allSatisfy(message -> assertThat(message).isNotBlank());
		}
		return problem;
	}

	public static void assertNoInternals(String body) {
		for (String internal : INTERNALS) {
			assertThat(body).as("the answer shows internals").doesNotContain(internal);
		}
	}

	private static JsonNode read(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
