package com.tracecase.workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segregation of duties, tried where people complete tasks: Tasklist's call of the engine
 * REST API, as each user. Managers decide escalations and field actions but neither
 * complete QC's review nor approve a cost; whoever confirmed the failure behind a cost
 * does not approve it.
 */
@TracecaseIntegrationTest
class DutySegregationTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	@Autowired
	LotManagement lots;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void managersDoNotCompleteQcsReviewEvenWhenItIsEscalatedToThem() throws Exception {
		CaseDriver driver = new CaseDriver(engine, cases);
		CaseFixture plant = new CaseFixture().build(lots, false, 0);
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.fireTimer(caseNumber, "Timer_QcEscalation");
		String reviewId = driver.task(caseNumber, "Task_ReviewInvestigation").getId();

		for (String user : new String[] { "cs.agent", "prod.planner", "finance.approver" }) {
			HttpResponse<String> refused = submit(reviewId, user, Map.of("qcVerdict", "NO_FAULT_FOUND"));
			// not candidates: the engine does not even show them the task
			assertThat(refused.statusCode()).as(user + " " + refused.body()).isEqualTo(403);
		}
		HttpResponse<String> byManager = submit(reviewId, "ops.manager", Map.of("qcVerdict", "NO_FAULT_FOUND"));

		assertThat(byManager.statusCode()).as(byManager.body()).isEqualTo(400);
		assertThat(json.readTree(byManager.body()).path("message").asText()).contains("quality control");
		assertThat(driver.task(caseNumber, "Task_ReviewInvestigation").getId()).isEqualTo(reviewId);

		HttpResponse<String> byQc = submit(reviewId, "qc.engineer", Map.of("qcVerdict", "NO_FAULT_FOUND"));
		assertThat(byQc.statusCode()).as(byQc.body()).isEqualTo(204);
	}

	@Test
	void onlyFinanceApprovesACostAndNeverWhoConfirmedTheFailureBehindIt() throws Exception {
		CaseDriver driver = new CaseDriver(engine, cases);
		CaseFixture plant = new CaseFixture().build(lots, false, 0);
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		lots.changeStatus(plant.pmicReelB, LotStatus.QUARANTINED, "qc.engineer", "test: no stock");
		String reviewId = driver.task(caseNumber, "Task_ReviewInvestigation").getId();
		HttpResponse<String> review = submit(reviewId, "admin",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V", "suspectLotCode",
						plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded", false));
		assertThat(review.statusCode()).as(review.body()).isEqualTo(204);
		driver.runJobs(caseNumber);
		String approvalId = driver.task(caseNumber, "Task_ApproveCost").getId();

		for (String user : new String[] { "cs.agent", "qc.engineer", "prod.planner" }) {
			HttpResponse<String> refused = submit(approvalId, user, Map.of("financeVerdict", "APPROVED"));
			assertThat(refused.statusCode()).as(user + " " + refused.body()).isEqualTo(403);
		}
		for (String user : new String[] { "ops.manager", "admin" }) {
			HttpResponse<String> refused = submit(approvalId, user, Map.of("financeVerdict", "APPROVED"));
			assertThat(refused.statusCode()).as(user + " " + refused.body()).isEqualTo(400);
			assertThat(driver.task(caseNumber, "Task_ApproveCost").getId()).as(user).isEqualTo(approvalId);
		}
		HttpResponse<String> byAdmin = submit(approvalId, "admin", Map.of("financeVerdict", "APPROVED"));
		assertThat(json.readTree(byAdmin.body()).path("message").asText()).contains("confirmed the failure");

		HttpResponse<String> byFinance = submit(approvalId, "finance.approver", Map.of("financeVerdict", "APPROVED"));
		assertThat(byFinance.statusCode()).as(byFinance.body()).isEqualTo(204);
	}

	private HttpResponse<String> submit(String taskId, String user, Map<String, Object> variables) throws Exception {
		String body = variables.entrySet()
			.stream()
			.map(entry -> value(entry.getKey()) + ":{\"value\":" + value(entry.getValue()) + "}")
			.collect(Collectors.joining(",", "{\"variables\":{", "}}"));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/submit-form"))
			.header("Authorization", DemoLogin.basic(user))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String value(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
