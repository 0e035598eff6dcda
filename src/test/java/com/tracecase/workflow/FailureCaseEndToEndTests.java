package com.tracecase.workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseFilter;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.notification.internal.EmbeddedMailSink.ReceivedMail;
import com.tracecase.notification.internal.EmbeddedMailSink;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One case from a CRM's report to the customer's closing mail: filed through the REST
 * API, worked through the engine's task API by the right user at each step, and checked
 * where people look: the case API, the unit's genealogy and the mails that arrived over
 * SMTP.
 */
@TracecaseIntegrationTest
class FailureCaseEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	@Autowired
	LotManagement lots;

	@Autowired
	EmbeddedMailSink mailSink;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	CaseDriver driver;

	CaseFixture plant;

	@BeforeEach
	void setUp() {
		driver = new CaseDriver(engine, cases);
		plant = new CaseFixture().build(lots, true, 2);
	}

	@Test
	void aReportFromTheCrmEndsRepairedAndClosedWithEveryoneInformed() throws Exception {
		// an earlier report on the unit built right after it, from the same PMIC reel
		String earlierCase = driver.fileReport(plant.devices.get(1), LocalDate.now().minusMonths(6),
				CustomerTier.STANDARD);
		driver.runJobs(earlierCase);
		String customerEmail = "kim." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String externalReference = "CRM-" + UUID.randomUUID();
		Map<String, Object> report = Map.of("serialNumber", plant.failedUnit(), "customer",
				Map.of("name", "Kim <b>Lee</b>", "email", customerEmail, "phone", "+1 555 0100"), "symptomCategory",
				"NO_POWER", "description", "Dead after update <script>alert(1)</script>", "purchaseDate",
				LocalDate.now().minusMonths(10).toString(), "channel", "EMAIL", "externalReference", externalReference);

		HttpResponse<String> filed = post("/api/failure-reports", "cs.agent", report, "key-" + externalReference);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		String caseNumber = json.readTree(filed.body()).path("caseNumber").asText();
		HttpResponse<String> again = post("/api/failure-reports", "cs.agent", report, "key-" + externalReference);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json.readTree(again.body()).path("caseNumber").asText()).isEqualTo(caseNumber);
		assertThat(cases.search(new CaseFilter(null, plant.failedUnit(), null, null, null))).hasSize(1);

		driver.runJobs(caseNumber);
		// QC's form starts from the component lot both failed units share
		assertThat(engine.getRuntimeService().getVariable(driver.caseProcess(caseNumber).getId(), "suspectLotCode"))
			.isEqualTo(plant.pmicReelA);
		JsonNode investigated = get("/api/cases/" + caseNumber, "qc.engineer");
		JsonNode facts = investigated.path("investigation").path("facts");
		assertThat(facts.path("device").path("serialNumber").asText()).isEqualTo(plant.failedUnit());
		assertThat(facts.path("device").path("buildCode").asText()).isEqualTo(plant.code("B-HX2"));
		assertThat(facts.path("warranty").path("status").asText()).isEqualTo("IN_WARRANTY");
		assertThat(facts.path("componentLots").findValuesAsText("lotCode")).contains(plant.pmicReelA, plant.mcuReel);
		JsonNode suspectReel = lotIn(facts.path("componentLots"), plant.pmicReelA);
		assertThat(suspectReel.path("supplier").asText()).isEqualTo("Mouser");
		assertThat(suspectReel.path("dateCode").asText()).isEqualTo("2611");
		JsonNode mostSuspect = facts.path("atRisk").get(0);
		assertThat(facts.path("atRisk").findValuesAsText("lotCode")).contains(plant.pmicReelA);
		assertThat(mostSuspect.path("failedUnits").asLong()).isEqualTo(2);
		assertThat(facts.path("relatedReports").findValuesAsText("caseNumber")).containsExactly(earlierCase);
		assertThat(investigated.path("openTasks").get(0).path("candidateGroups").toString()).contains("qc");

		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V", "rootCauseCategory",
						"COMPONENT", "containmentNeeded", false));
		HttpResponse<String> received = post("/api/cases/" + caseNumber + "/unit-received", "prod.planner", Map.of(),
				null);
		assertThat(received.statusCode()).isEqualTo(202);
		driver.runJobs(caseNumber);
		String installed = get("/api/cases/" + caseNumber, "prod.planner").path("reservations")
			.get(0)
			.path("lotCode")
			.asText();
		driver.complete(caseNumber, "Task_RepairUnit", "prod.planner", Map.of("removedLotCode", plant.pmicReelA,
				"installedLotCode", installed, "repairNotes", "PMIC swapped"));
		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent",
				Map.of("resolutionSummary", "Your scanner is repaired and on its way back to you."));

		JsonNode closed = get("/api/cases/" + caseNumber, "cs.agent");
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("closure").asText()).isEqualTo("RESOLVED");
		assertThat(closed.path("decision").path("action").asText()).isEqualTo("REPAIR");
		assertThat(closed.path("decision").path("inputs").path("warrantyStatus").asText()).isEqualTo("IN_WARRANTY");
		assertThat(closed.path("reservations").get(0).path("purpose").asText()).isEqualTo("REPAIR_PART");
		// the removed PMIC is written off at its unit cost, apart from the parts put in
		assertThat(closed.path("costs").findValuesAsText("kind")).containsExactlyInAnyOrder("LABOR", "PARTS",
				"SHIPPING", "MATERIAL_WRITE_OFF");
		assertThat(closed.path("costs").findValuesAsText("amount")).containsExactlyInAnyOrder("67.5", "1.8", "12.5",
				"1.8");
		JsonNode timeline = closed.path("timeline");
		assertThat(stepBy(timeline, "Review investigation " + caseNumber)).isEqualTo("qc.engineer");
		assertThat(stepBy(timeline, "Repair unit " + plant.failedUnit())).isEqualTo("prod.planner");

		JsonNode trace = get("/api/genealogy/serials/" + plant.failedUnit() + "/trace", "qc.engineer");
		assertThat(trace.findValuesAsText("lotCode")).contains(installed).doesNotContain(plant.pmicReelA);
		JsonNode history = get("/api/genealogy/serials/" + plant.failedUnit() + "/history", "qc.engineer");
		assertThat(history.toString()).contains(plant.pmicReelA).contains(installed);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ReceivedMail> mails = mailsAbout(caseNumber);
			assertThat(recipients(mails)).contains("qc.engineer@tracecase.example", "prod.planner@tracecase.example",
					"production-list@tracecase.example", customerEmail);
			assertThat(mails.stream().filter(mail -> mail.to().contains(customerEmail))).hasSize(2);
		});
		List<ReceivedMail> mails = mailsAbout(caseNumber);
		ReceivedMail toQc = mails.stream()
			.filter(mail -> mail.to().contains("qc.engineer@tracecase.example"))
			.findFirst()
			.orElseThrow();
		assertThat(toQc.text()).contains(plant.failedUnit()).contains("HX2 Handheld Scanner");
		assertThat(toQc.html()).contains("&lt;script&gt;").doesNotContain("<script>alert");
		assertThat(mails.stream().filter(mail -> mail.to().contains(customerEmail)).map(ReceivedMail::text))
			.anySatisfy(text -> assertThat(text).contains("repaired and on its way back"));
	}

	@Test
	void badReportsAreRejectedAndLeaveNothingBehind() throws Exception {
		Map<String, Object> unknownSerial = Map.of("serialNumber", "NOPE-" + UUID.randomUUID(), "customer",
				Map.of("name", "Kim", "email", "kim@example.com"), "symptomCategory", "DISPLAY", "description",
				"Flicker", "channel", "WEB");
		HttpResponse<String> unknown = post("/api/failure-reports", "cs.agent", unknownSerial, null);
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(json.readTree(unknown.body()).path("errors").findValuesAsText("field")).contains("serialNumber");
		assertThat(cases.search(new CaseFilter(null, unknownSerial.get("serialNumber").toString(), null, null, null)))
			.isEmpty();

		Map<String, Object> badSymptom = Map.of("serialNumber", plant.failedUnit(), "customer",
				Map.of("name", "Kim", "email", "kim@example.com"), "symptomCategory", "SMOKE", "description", "x",
				"channel", "WEB");
		HttpResponse<String> invalid = post("/api/failure-reports", "cs.agent", badSymptom, null);
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(json.readTree(invalid.body()).path("detail").asText()).contains("symptomCategory")
			.contains("NO_POWER");

		Map<String, Object> badEmail = Map.of("serialNumber", plant.failedUnit(), "customer",
				Map.of("name", "Kim", "email", "not-an-address"), "symptomCategory", "DISPLAY", "description", "x",
				"channel", "WEB");
		HttpResponse<String> noEmail = post("/api/failure-reports", "cs.agent", badEmail, null);
		assertThat(noEmail.statusCode()).isEqualTo(422);
		assertThat(json.readTree(noEmail.body()).path("errors").findValuesAsText("field")).contains("customer.email");

		assertThat(cases.search(new CaseFilter(null, plant.failedUnit(), null, null, null))).isEmpty();
		Map<String, Object> valid = Map.of("serialNumber", plant.failedUnit(), "customer",
				Map.of("name", "Kim", "email", "kim@example.com"), "symptomCategory", "DISPLAY", "description", "x",
				"channel", "WEB");
		assertThat(post("/api/failure-reports", "qc.engineer", valid, null).statusCode()).isEqualTo(403);
		assertThat(cases.search(new CaseFilter(null, plant.failedUnit(), null, null, null))).isEmpty();
	}

	private static JsonNode lotIn(JsonNode lots, String lotCode) {
		for (JsonNode lot : lots) {
			if (lot.path("lotCode").asText().equals(lotCode)) {
				return lot;
			}
		}
		throw new AssertionError(lotCode + " is not among " + lots);
	}

	private static String stepBy(JsonNode timeline, String stepPrefix) {
		for (JsonNode step : timeline) {
			if (step.path("step").asText().startsWith(stepPrefix)) {
				return step.path("by").asText();
			}
		}
		throw new AssertionError("no step " + stepPrefix + " in " + timeline);
	}

	private List<ReceivedMail> mailsAbout(String caseNumber) {
		return mailSink.received().stream().filter(mail -> mail.subject().contains(caseNumber)).toList();
	}

	private static List<String> recipients(List<ReceivedMail> mails) {
		return mails.stream().flatMap(mail -> mail.to().stream()).toList();
	}

	private JsonNode get(String path, String user) throws Exception {
		HttpResponse<String> response = http.send(request(path, user).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> post(String path, String user, Object body, String idempotencyKey) throws Exception {
		HttpRequest.Builder request = request(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic(user));
	}

}
