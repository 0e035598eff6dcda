package com.tracecase.casework;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.NewBuild;
import com.tracecase.genealogy.Part;
import com.tracecase.genealogy.PartKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.tracecase.ProblemAssertions.assertNoInternals;
import static com.tracecase.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad failure reports from other systems: refused with a 4xx problem naming the field,
 * and no case filed; a key reused for another report is refused, a retry is answered
 * without taking a case number.
 */
@TracecaseIntegrationTest
class FailureReportBadInputTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LotManagement lots;

	final HttpClient http = HttpClient.newHttpClient();

	String serial;

	@BeforeEach
	void device() {
		String p = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		lots.createPart(new Part(p + "-D", "Device", PartKind.PRODUCT, BigDecimal.TEN, null, true));
		serial = lots
			.createBuild(new NewBuild(p + "-B", p + "-D", BigDecimal.ONE, LocalDate.now(), true, p + "-SN", null))
			.get(0)
			.serialNumber();
	}

	@Test
	void overLongIdempotencyKeyIsRefused() throws Exception {
		long before = cases();
		assertProblem(file(report("Dead"), "k".repeat(5000), "application/json"), 422, "Idempotency-Key");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void nulBytesInNameOrDescriptionAreRefused() throws Exception {
		long before = cases();
		Map<String, Object> badName = report("Dead");
		badName.put("customer", Map.of("name", "Kim\u0000Lee", "email", "kim@example.com"));
		assertProblem(file(badName, null, "application/json"), 422, "customer.name");
		assertProblem(file(report("Dead\u0000after charging"), null, "application/json"), 422, "description");
		Map<String, Object> badReference = report("Dead");
		badReference.put("externalReference", "CRM-\u00001");
		assertProblem(file(badReference, null, "application/json"), 422, "externalReference");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aReportThatCannotBeAnsweredInTheAcceptedTypeIsNotFiled() throws Exception {
		long before = cases();
		HttpResponse<String> response = file(report("Dead"), "xml-" + UUID.randomUUID(), "application/xml");
		assertThat(response.statusCode()).isEqualTo(406);
		assertNoInternals(response.body());
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void theSameKeyWithADifferentReportIsRefused() throws Exception {
		String key = "crm-" + UUID.randomUUID();
		HttpResponse<String> first = file(report("Dead after charging"), key, "application/json");
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		String caseNumber = json.readTree(first.body()).path("caseNumber").asText();
		long after = cases();

		JsonNode problem = assertProblem(file(report("Screen cracked"), key, "application/json"), 422,
				"Idempotency-Key");
		assertThat(problem.path("detail").asText()).contains("already used for a different request");
		// the same report again, spaced differently, is a retry
		HttpResponse<String> retry = file(report("  Dead after charging "), key, "application/json");
		assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
		assertThat(json.readTree(retry.body()).path("caseNumber").asText()).isEqualTo(caseNumber);
		assertThat(cases()).isEqualTo(after);
	}

	@Test
	void theSameExternalReferenceWithADifferentReportIsRefused() throws Exception {
		String reference = "CRM-" + UUID.randomUUID();
		Map<String, Object> report = report("Dead after charging");
		report.put("externalReference", reference);
		assertThat(file(report, null, "application/json").statusCode()).isEqualTo(201);
		long after = cases();
		Map<String, Object> other = report("No sound");
		other.put("externalReference", reference);
		JsonNode problem = assertProblem(file(other, null, "application/json"), 422, "externalReference");
		assertThat(problem.path("detail").asText()).contains(reference).contains("different request");
		assertThat(file(report, null, "application/json").statusCode()).isEqualTo(200);
		assertThat(cases()).isEqualTo(after);
	}

	@Test
	void retriesTakeNoCaseNumber() throws Exception {
		String key = "crm-" + UUID.randomUUID();
		assertThat(file(report("Dead"), key, "application/json").statusCode()).isEqualTo(201);
		long taken = lastCaseNumber();
		for (int i = 0; i < 3; i++) {
			assertThat(file(report("Dead"), key, "application/json").statusCode()).isEqualTo(200);
		}
		assertProblem(file(report("Other"), key, "application/json"), 422, "Idempotency-Key");
		assertThat(lastCaseNumber()).isEqualTo(taken);
	}

	private Map<String, Object> report(String description) {
		Map<String, Object> report = new HashMap<>();
		report.put("serialNumber", serial);
		report.put("customer", Map.of("name", "Kim Lee", "email", "kim@example.com"));
		report.put("symptomCategory", "NO_POWER");
		report.put("description", description);
		report.put("channel", "PHONE");
		return report;
	}

	private HttpResponse<String> file(Map<String, Object> report, String key, String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/failure-reports"))
			.header("Authorization", DemoLogin.basic("cs.agent"))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(report)));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private long cases() {
		return jdbc.queryForObject("SELECT count(*) FROM failure_case", Long.class);
	}

	private long lastCaseNumber() {
		return jdbc.queryForObject("SELECT last_value FROM failure_case_number_seq", Long.class);
	}

}
