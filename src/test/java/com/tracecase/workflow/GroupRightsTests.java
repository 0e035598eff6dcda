package com.tracecase.workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.shared.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

/**
 * What each group may see and do in the engine, checked where people look: the engine
 * REST API with their own login, and the engine's authorization check per grant.
 */
@TracecaseIntegrationTest
class GroupRightsTests {

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

	/** A refunded case: closed, with the repair-or-replace decision in its history. */
	private String closedCaseWithADecision() {
		CaseDriver driver = new CaseDriver(engine, cases);
		CaseFixture plant = new CaseFixture().build(lots, false, 0);
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		lots.changeStatus(plant.pmicReelB, LotStatus.QUARANTINED, "qc.engineer", "test: no stock");
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V", "suspectLotCode",
						plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded", false));
		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver", Map.of("financeVerdict", "APPROVED"));
		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent", Map.of("resolutionSummary", "Refunded."));
		assertThat(driver.caseProcess(caseNumber)).isNull();
		return caseNumber;
	}

	@Test
	void managersAndAdminsReadTheHistoryOfClosedCasesAndTheirDecisions() throws Exception {
		String caseNumber = closedCaseWithADecision();
		String processInstanceId = engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.singleResult()
			.getId();
		for (String user : List.of("ops.manager", "admin")) {
			assertThat(count("/history/process-instance/count?finished=true&processInstanceBusinessKey=" + caseNumber,
					user))
				.as(user)
				.isEqualTo(1);
			assertThat(count("/history/decision-instance/count?processInstanceId=" + processInstanceId, user)).as(user)
				.isEqualTo(1);
			assertThat(count("/history/task/count?processInstanceBusinessKey=" + caseNumber, user)).as(user)
				.isEqualTo(3);
		}
	}

	@Test
	void workGroupsReadNoCaseHistoryTheirTasksDoNotNeed() throws Exception {
		String caseNumber = closedCaseWithADecision();
		for (String user : List.of("cs.agent", "qc.engineer", "prod.planner", "finance.approver")) {
			assertThat(count("/history/process-instance/count?processInstanceBusinessKey=" + caseNumber, user)).as(user)
				.isZero();
			assertThat(count("/history/decision-instance/count?decisionDefinitionKey=repairOrReplace", user)).as(user)
				.isZero();
		}
	}

	static Stream<Arguments> grants() {
		String process = FailureCaseProcess.PROCESS_KEY;
		return Stream.of(
				// everyone works in Tasklist and sees the process names there
				Arguments.of(Groups.CUSTOMER_SERVICE, Resources.APPLICATION, "tasklist", Permissions.ACCESS, true),
				Arguments.of(Groups.QC, Resources.APPLICATION, "tasklist", Permissions.ACCESS, true),
				Arguments.of(Groups.PRODUCTION, Resources.APPLICATION, "tasklist", Permissions.ACCESS, true),
				Arguments.of(Groups.FINANCE, Resources.APPLICATION, "tasklist", Permissions.ACCESS, true),
				Arguments.of(Groups.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS, true),
				Arguments.of(Groups.QC, Resources.PROCESS_DEFINITION, process, Permissions.READ, true),
				// only customer service files reports from Tasklist
				Arguments.of(Groups.CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, process,
						Permissions.CREATE_INSTANCE, true),
				Arguments.of(Groups.CUSTOMER_SERVICE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, true),
				Arguments.of(Groups.QC, Resources.PROCESS_DEFINITION, process, Permissions.CREATE_INSTANCE, false),
				Arguments.of(Groups.PRODUCTION, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, false),
				// Cockpit and history for managers only
				Arguments.of(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS, true),
				Arguments.of(Groups.PRODUCTION, Resources.APPLICATION, "cockpit", Permissions.ACCESS, false),
				Arguments.of(Groups.MANAGERS, Resources.PROCESS_DEFINITION, process, Permissions.READ_HISTORY, true),
				Arguments.of(Groups.MANAGERS, Resources.PROCESS_DEFINITION, process, Permissions.READ_INSTANCE, true),
				Arguments.of(Groups.MANAGERS, Resources.PROCESS_DEFINITION, process, Permissions.READ_TASK, true),
				Arguments.of(Groups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, true),
				Arguments.of(Groups.MANAGERS, Resources.TASK, ANY, Permissions.UPDATE, true),
				Arguments.of(Groups.MANAGERS, Resources.DECISION_DEFINITION, "repairOrReplace",
						Permissions.READ_HISTORY, true),
				Arguments.of(Groups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ, true),
				Arguments.of(Groups.CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, process, Permissions.READ_HISTORY,
						false),
				Arguments.of(Groups.QC, Resources.PROCESS_DEFINITION, process, Permissions.READ_HISTORY, false),
				Arguments.of(Groups.PRODUCTION, Resources.PROCESS_DEFINITION, process, Permissions.READ_HISTORY, false),
				Arguments.of(Groups.FINANCE, Resources.DECISION_DEFINITION, "repairOrReplace", Permissions.READ_HISTORY,
						false),
				Arguments.of(Groups.FINANCE, Resources.TASK, ANY, Permissions.READ, false),
				// administrators may do everything, Admin included
				Arguments.of(Groups.ADMINS, Resources.APPLICATION, "admin", Permissions.ACCESS, true),
				Arguments.of(Groups.ADMINS, Resources.PROCESS_DEFINITION, process, Permissions.READ_HISTORY, true),
				Arguments.of(Groups.ADMINS, Resources.DECISION_DEFINITION, "repairOrReplace", Permissions.READ_HISTORY,
						true),
				Arguments.of(Groups.MANAGERS, Resources.APPLICATION, "admin", Permissions.ACCESS, false));
	}

	@ParameterizedTest(name = "{0}: {3} on {1} {2} = {4}")
	@MethodSource("grants")
	void eachGroupHoldsTheRightsItsJobNeedsAndNoMore(String group, Resource resource, String resourceId,
			Permission permission, boolean granted) {
		AuthorizationService authorizations = engine.getAuthorizationService();
		assertThat(
				authorizations.isUserAuthorized("someone-" + group, List.of(group), permission, resource, resourceId))
			.isEqualTo(granted);
	}

	@Test
	void everyWorkGroupSeesItsTaskFilters() throws Exception {
		for (String user : List.of("cs.agent", "qc.engineer", "prod.planner", "finance.approver", "ops.manager")) {
			assertThat(json.readTree(get("/filter", user).body())).as(user).hasSizeGreaterThanOrEqualTo(2);
		}
		assertThat(json.readTree(get("/filter", "ops.manager").body()).findValuesAsText("name"))
			.contains("All open tasks");
		assertThat(json.readTree(get("/filter", "prod.planner").body()).findValuesAsText("name"))
			.doesNotContain("All open tasks");
	}

	private long count(String path, String user) throws Exception {
		HttpResponse<String> response = get(path, user);
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
		return json.readTree(response.body()).path("count").asLong();
	}

	private HttpResponse<String> get(String path, String user) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
			.header("Authorization", DemoLogin.basic(user))
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
