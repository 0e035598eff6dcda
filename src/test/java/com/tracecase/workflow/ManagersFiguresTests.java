package com.tracecase.workflow;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.PrometheusScrape;
import com.tracecase.TestClock;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.finance.LedgerEntry;
import com.tracecase.finance.WarrantyLedger;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Three cases filed on a Monday in a week no other test uses, worked on known paths at
 * known times: one refunded and closed after a day, one closed after two days with no
 * fault found, one left open at QC's review past its reminder and its escalation. The
 * managers' API answers exactly these figures for that week, and every Prometheus meter
 * moves by exactly what the three cases did.
 */
@TracecaseIntegrationTest
class ManagersFiguresTests {

	static final Instant MONDAY = LocalDate.of(2031, 3, 3).atTime(9, 0).toInstant(ZoneOffset.UTC);

	static final String WEEK = "from=2031-03-03&to=2031-03-09";

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	@Autowired
	LotManagement lots;

	@Autowired
	WarrantyLedger ledger;

	@Autowired
	TestClock clock;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	CaseDriver driver;

	@BeforeEach
	void setUp() {
		driver = new CaseDriver(engine, cases);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aKnownWeekOfCasesGivesExactlyItsFiguresInTheApiAndInPrometheus() throws Exception {
		PrometheusScrape before = scrape("ops.manager");
		CaseFixture refundPlant = new CaseFixture().build(lots, false, 0);
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		// the other PMIC reel is in stock: nothing is left to repair or replace with
		lots.changeStatus(refundPlant.pmicReelB, LotStatus.QUARANTINED, "qc.engineer", "test: no stock");
		LocalDate purchased = LocalDate.of(2030, 3, 1);

		clock.set(MONDAY);
		String refunded = driver.fileReport(refundPlant.failedUnit(), purchased, CustomerTier.STANDARD);
		String noFault = driver.fileReport(plant.devices.get(0), purchased, CustomerTier.STANDARD);
		String waiting = driver.fileReport(plant.devices.get(1), purchased, CustomerTier.STANDARD);
		driver.runJobs(refunded);
		driver.runJobs(noFault);
		driver.runJobs(waiting);
		driver.fireTimer(waiting, "Timer_QcReminder");
		driver.fireTimer(waiting, "Timer_QcEscalation");

		at(Duration.ofHours(1));
		driver.complete(refunded, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V", "suspectLotCode",
						refundPlant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded", false));
		at(Duration.ofHours(2));
		driver.complete(noFault, "Task_ReviewInvestigation", "qc.engineer", Map.of("qcVerdict", "NO_FAULT_FOUND"));
		at(Duration.ofHours(3));
		driver.complete(refunded, "Task_ApproveCost", "finance.approver", Map.of("financeVerdict", "APPROVED"));
		at(Duration.ofDays(1));
		driver.complete(refunded, "Task_ConfirmResolution", "cs.agent", Map.of("resolutionSummary", "Refunded."));
		at(Duration.ofDays(2));
		driver.complete(noFault, "Task_TellNoFaultFound", "cs.agent",
				Map.of("customerMessage", "We tested your scanner and found no fault."));
		clock.reset();
		BigDecimal refund = ledger.entries(refunded)
			.stream()
			.map(LedgerEntry::getAmount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(refund).isPositive();

		// the API, for the week
		assertThat(get("/api/metrics/cases-per-week?" + WEEK)).isEqualTo(json.readTree("""
				[{"week":"2031-03-03","opened":3,"closed":2}]"""));
		JsonNode cycle = get("/api/metrics/cycle-time-per-week?" + WEEK).get(0);
		assertThat(cycle.path("closedCases").asLong()).isEqualTo(2);
		// one day and two days: the median halfway, the 90th percentile 90 % of the way
		assertThat(cycle.path("medianSeconds").asDouble()).isEqualTo(1.5 * 86400);
		assertThat(cycle.path("p90Seconds").asDouble()).isCloseTo(86400 + 0.9 * 86400, within(0.001));
		assertThat(get("/api/metrics/decisions-per-week?" + WEEK)).isEqualTo(json.readTree("""
				[{"week":"2031-03-03","remedy":"REFUND","cases":1}]"""));
		assertThat(get("/api/metrics/sla-breaches?" + WEEK)).isEqualTo(json.readTree("""
				[{"week":"2031-03-03","kind":"ESCALATION","breaches":1},
				 {"week":"2031-03-03","kind":"REMINDER","breaches":1}]"""));
		JsonNode cost = get("/api/metrics/warranty-cost-per-month?from=2031-03-01&to=2031-03-31");
		assertThat(cost).hasSize(1);
		assertThat(cost.get(0).path("month").asText()).isEqualTo("2031-03-01");
		assertThat(cost.get(0).path("category").asText()).isEqualTo("REFUND");
		assertThat(cost.get(0).path("currency").asText()).isEqualTo("EUR");
		assertThat(cost.get(0).path("amount").decimalValue()).isEqualByComparingTo(refund);
		JsonNode review = waitOf(get("/api/metrics/task-waits?" + WEEK), "Task_ReviewInvestigation");
		assertThat(review.path("group").asText()).isEqualTo("qc");
		assertThat(review.path("completed").asLong()).isEqualTo(2);
		assertThat(review.path("totalSeconds").asDouble()).isEqualTo(3600 + 7200);
		assertThat(review.path("medianSeconds").asDouble()).isEqualTo(5400);
		assertThat(waitOf(get("/api/metrics/task-waits?" + WEEK), "Task_ApproveCost").path("totalSeconds").asDouble())
			.isEqualTo(7200);
		assertThat(get("/api/metrics/failure-pareto?by=supplier&" + WEEK)).isEqualTo(json.readTree("""
				[{"label":"Mouser","failures":1,"cumulativeShare":1.0}]"""));
		assertThat(get("/api/metrics/failure-pareto?by=lot&" + WEEK).get(0).path("label").asText())
			.isEqualTo(refundPlant.pmicReelA);
		assertThat(get("/api/metrics/failure-pareto?by=failure-mode&" + WEEK).get(0).path("label").asText())
			.isEqualTo("no boot, pmic output 0 v");
		// the two units of one plant share its MCU reel and its first PMIC reel
		assertThat(get("/api/metrics/suspect-lots?minimumCases=2&" + WEEK).findValuesAsText("lotCode"))
			.containsExactlyInAnyOrder(plant.mcuReel, plant.pmicReelA);

		// Prometheus: every meter moved by what the three cases did
		PrometheusScrape after = scrape("admin");
		assertThat(after.delta(before, "tracecase_cases_opened_total")).isEqualTo(3);
		assertThat(after.delta(before, "tracecase_cases_closed_total", "outcome", "resolved")).isEqualTo(1);
		assertThat(after.delta(before, "tracecase_cases_closed_total", "outcome", "no_fault_found")).isEqualTo(1);
		assertThat(after.delta(before, "tracecase_cases_closed_total", "outcome", "denied")).isZero();
		assertThat(after.delta(before, "tracecase_case_cycle_seconds_count")).isEqualTo(2);
		assertThat(after.delta(before, "tracecase_case_cycle_seconds_sum")).isCloseTo(3 * 86400, within(0.01));
		assertThat(after.delta(before, "tracecase_cases_open", "step", "Task_ReviewInvestigation")).isEqualTo(1);
		assertThat(after.delta(before, "tracecase_task_wait_seconds_count", "task", "Task_ReviewInvestigation"))
			.isEqualTo(2);
		assertThat(after.delta(before, "tracecase_task_wait_seconds_sum", "task", "Task_ReviewInvestigation"))
			.isCloseTo(10800, within(0.01));
		assertThat(after.value("tracecase_task_wait_seconds_count", "task", "Task_ReviewInvestigation", "group", "qc"))
			.isNotNull();
		assertThat(after.delta(before, "tracecase_sla_breaches_total", "kind", "reminder")).isEqualTo(1);
		assertThat(after.delta(before, "tracecase_sla_breaches_total", "kind", "escalation")).isEqualTo(1);
		assertThat(after.delta(before, "tracecase_warranty_cost_eur_total", "category", "refund"))
			.isCloseTo(refund.doubleValue(), within(0.001));
		assertThat(after.delta(before, "tracecase_warranty_cost_eur_total", "category", "labor")).isZero();
		assertThat(after.delta(before, "tracecase_incidents_open")).isZero();
		assertThat(after.value("tracecase_notifications", "status", "pending")).isNotNull();
	}

	@Test
	void figuresAreForManagersAndAdministratorsOnly() throws Exception {
		for (String user : new String[] { "cs.agent", "qc.engineer", "prod.planner", "finance.approver" }) {
			assertThat(send("/actuator/prometheus", user, "text/plain").statusCode()).as(user).isEqualTo(403);
			assertThat(send("/api/metrics/cases-per-week", user, "application/json").statusCode()).as(user)
				.isEqualTo(403);
		}
		assertThat(send("/api/metrics/cases-per-week", null, "application/json").statusCode()).isEqualTo(401);
		assertThat(send("/actuator/prometheus", null, "text/plain").statusCode()).isEqualTo(401);
		assertThat(send("/api/metrics/open-cases-by-step", "ops.manager", "application/json").statusCode())
			.isEqualTo(200);
		assertThat(send("/api/metrics/cases-needing-attention", "admin", "application/json").statusCode())
			.isEqualTo(200);
	}

	@Test
	void everyFigureComesAsCsvForSpreadsheets() throws Exception {
		clock.set(LocalDate.of(2032, 6, 7).atTime(8, 0).toInstant(ZoneOffset.UTC));
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		driver.fileReport(plant.failedUnit(), LocalDate.of(2031, 6, 1), CustomerTier.STANDARD);
		clock.reset();
		HttpResponse<String> csv = send("/api/metrics/cases-per-week?from=2032-06-07&to=2032-06-13", "ops.manager",
				"text/csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.body()).isEqualTo("week,opened,closed\r\n2032-06-07,1,0\r\n");
		// the same for a link, which accepts anything
		HttpResponse<String> linked = send("/api/metrics/cases-per-week?from=2032-06-07&to=2032-06-13&format=csv",
				"ops.manager", "text/html,application/xhtml+xml,*/*;q=0.8");
		assertThat(linked.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		assertThat(linked.body()).isEqualTo(csv.body());
		// a period without figures is the header alone
		assertThat(send("/api/metrics/cases-per-week?from=2099-06-01&to=2099-06-07", "ops.manager", "text/csv").body())
			.isEqualTo("week,opened,closed\r\n");
		for (String figure : new String[] { "open-cases-by-step", "cycle-time-per-week", "task-waits", "sla-breaches",
				"cases-needing-attention", "decisions-per-week", "warranty-cost-per-month", "failure-pareto",
				"suspect-lots" }) {
			HttpResponse<String> response = send("/api/metrics/" + figure, "ops.manager", "text/csv");
			assertThat(response.statusCode()).as(figure + " " + response.body()).isEqualTo(200);
		}
	}

	@Test
	void aPeriodThatEndsBeforeItStartsAnUnknownRankingOrFormatIsRefusedWithTheReason() throws Exception {
		HttpResponse<String> period = send("/api/metrics/cases-per-week?from=2031-03-09&to=2031-03-03", "ops.manager",
				"application/json");
		assertThat(period.statusCode()).isEqualTo(422);
		assertThat(period.body()).contains("The period must start on or before its end");
		HttpResponse<String> ranking = send("/api/metrics/failure-pareto?by=colour", "ops.manager", "application/json");
		assertThat(ranking.statusCode()).isEqualTo(422);
		assertThat(ranking.body()).contains("Rank failures by part, supplier, lot, date-code or failure-mode");
		HttpResponse<String> format = send("/api/metrics/cases-per-week?format=xlsx", "ops.manager", "*/*");
		assertThat(format.statusCode()).isEqualTo(422);
		JsonNode refusal = json.readTree(format.body());
		assertThat(refusal.path("detail").asText()).isEqualTo("Ask for format=csv or format=json, not \"xlsx\".");
		assertThat(refusal.path("errors").findValuesAsText("field")).containsExactly("format");
	}

	private void at(Duration sinceMonday) {
		clock.set(MONDAY.plus(sinceMonday));
	}

	private static JsonNode waitOf(JsonNode waits, String task) {
		for (JsonNode wait : waits) {
			if (wait.path("task").asText().equals(task)) {
				return wait;
			}
		}
		throw new AssertionError("No wait of " + task + " in " + waits);
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = send(path, "ops.manager", "application/json");
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private PrometheusScrape scrape(String user) throws Exception {
		HttpResponse<String> response = send("/actuator/prometheus", user, "text/plain");
		assertThat(response.statusCode()).isEqualTo(200);
		return new PrometheusScrape(response.body());
	}

	private HttpResponse<String> send(String path, String user, String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", accept)
			.GET();
		if (user != null) {
			request.header("Authorization", DemoLogin.basic(user));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
