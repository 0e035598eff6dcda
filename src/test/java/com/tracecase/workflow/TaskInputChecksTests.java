package com.tracecase.workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.finance.WarrantyLedger;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.inventory.InventoryManagement;
import com.tracecase.inventory.ReservationPurpose;
import com.tracecase.shared.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Every user task checks its input when it is completed: a refused completion leaves the
 * task open, writes nothing, and tells the person why in a sentence (a 400 with that
 * sentence through the REST API Tasklist uses), never an engine code or a stalled case.
 */
@TracecaseIntegrationTest
class TaskInputChecksTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	WarrantyLedger ledger;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	CaseDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new CaseDriver(engine, cases);
	}

	private String confirmed(CaseFixture plant, LocalDate purchaseDate) {
		String caseNumber = driver.fileReport(plant.failedUnit(), purchaseDate, CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V", "suspectLotCode",
						plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded", false));
		return caseNumber;
	}

	private static void refused(Runnable completion, String field, String sentence) {
		assertThatThrownBy(completion::run).satisfies(thrown -> {
			InvalidInputException refusal = null;
			for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
				if (cause instanceof InvalidInputException invalid) {
					refusal = invalid;
				}
			}
			assertThat(refusal).as("refusal in " + thrown).isNotNull();
			assertThat(refusal.getMessage()).contains(sentence);
			assertThat(refusal.violations()).extracting(InvalidInputException.Violation::field).contains(field);
		});
	}

	@Test
	void aRepairWithALotThatDoesNotExistIsRefusedAtTheFormAndTheCaseDoesNotStall() throws Exception {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = confirmed(plant, LocalDate.now().minusMonths(12));
		driver.complete(caseNumber, FailureCaseProcess.TASK_RECEIVE_UNIT, "prod.planner", Map.of());
		ProcessInstance instance = driver.caseProcess(caseNumber);
		assertThat(instance).isWaitingAt("Task_RepairUnit");
		String taskId = driver.task(caseNumber, "Task_RepairUnit").getId();

		// as Tasklist submits the form
		HttpResponse<String> response = submitForm(taskId, "prod.planner",
				Map.of("removedLotCode", plant.pmicReelA, "installedLotCode", "PMIC-R8-TYPO"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("message").asText()).startsWith("There is no lot PMIC-R8-TYPO")
			.doesNotContain("ENGINE-")
			.doesNotContain("TaskListener");

		// the task is still open, nothing was written, no job failed
		assertThat(instance).isWaitingAt("Task_RepairUnit");
		assertThat(genealogy.traceDevice(plant.failedUnit()).lots()).extracting(TracedLot::lotCode)
			.contains(plant.pmicReelA);
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();

		// a lot of another part, and one taken out that is not in the unit, are refused
		// too
		refused(() -> driver.complete(caseNumber, "Task_RepairUnit", "prod.planner",
				Map.of("removedLotCode", plant.pmicReelB, "installedLotCode", plant.mcuReel)), "removedLotCode",
				"is not inside unit");
		refused(() -> driver.complete(caseNumber, "Task_RepairUnit", "prod.planner",
				Map.of("removedLotCode", plant.pmicReelA, "installedLotCode", plant.pmicReelA)), "installedLotCode",
				"must differ from the lot taken out");

		String reserved = inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART)
			.orElseThrow()
			.getLotCode();
		assertThat(submitForm(taskId, "prod.planner",
				Map.of("removedLotCode", plant.pmicReelA, "installedLotCode", reserved))
			.statusCode()).isEqualTo(204);
		driver.runJobs(caseNumber);
		assertThat(instance).isWaitingAt("Task_ConfirmResolution");
		assertThat(genealogy.traceDevice(plant.failedUnit()).lots()).extracting(TracedLot::lotCode)
			.contains(reserved)
			.doesNotContain(plant.pmicReelA);
		assertThat(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("repairedBy")
			.singleResult()
			.getValue()).isEqualTo("prod.planner");
		// the case's timeline names who completed each task, claimed or not
		JsonNode timeline = json
			.readTree(http.send(request("/api/cases/" + caseNumber, "cs.agent").GET().build(),
					HttpResponse.BodyHandlers.ofString())
				.body())
			.path("timeline");
		assertThat(timeline.findParents("step")
			.stream()
			.filter(step -> step.path("step").asText().startsWith("Repair unit"))
			.map(step -> step.path("by").asText())
			.toList()).containsExactly("prod.planner");
	}

	@Test
	void unitReceiptIsProductionsStepAndOtherGroupsAreRefused() throws Exception {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = confirmed(plant, LocalDate.now().minusMonths(12));
		ProcessInstance instance = driver.caseProcess(caseNumber);
		assertThat(instance).isWaitingAt(FailureCaseProcess.TASK_RECEIVE_UNIT);
		assertThat(driver.task(caseNumber, FailureCaseProcess.TASK_RECEIVE_UNIT).getName())
			.isEqualTo("Receive unit " + plant.failedUnit() + " (" + caseNumber + ")");

		assertThat(post("/api/cases/" + caseNumber + "/unit-received", "cs.agent").statusCode()).isEqualTo(403);
		assertThat(post("/api/cases/" + caseNumber + "/unit-received", "finance.approver").statusCode()).isEqualTo(403);
		assertThat(instance).isWaitingAt(FailureCaseProcess.TASK_RECEIVE_UNIT);

		assertThat(post("/api/cases/" + caseNumber + "/unit-received", "prod.planner").statusCode()).isEqualTo(202);
		driver.runJobs(caseNumber);
		assertThat(instance).isWaitingAt("Task_RepairUnit");
		assertThat(genealogy.findDevice(plant.failedUnit()).orElseThrow().status()).isEqualTo(LotStatus.RETURNED);
		assertThat(post("/api/cases/" + caseNumber + "/unit-received", "prod.planner").statusCode()).isEqualTo(409);
	}

	@Test
	void financeChoosesExplicitlyAndCannotChangeTheChargeToTheCustomer() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		// an early failure is replaced; unit and shipping are above the threshold
		String caseNumber = confirmed(plant, LocalDate.now().minusMonths(1));
		ProcessInstance instance = driver.caseProcess(caseNumber);
		assertThat(instance).isWaitingAt("Task_ApproveCost");
		Map<String, Object> shown = engine.getTaskService()
			.getVariables(driver.task(caseNumber, "Task_ApproveCost").getId());
		assertThat(shown).containsEntry("actionLabel", "Replace")
			.containsEntry("decidedCostDisplay", "192.50 EUR")
			.containsEntry("customerChargedLabel", "No: warranty covers it");

		refused(() -> driver.complete(caseNumber, "Task_ApproveCost", "finance.approver", Map.of()), "financeVerdict",
				"Choose approve or reject.");
		refused(() -> driver.complete(caseNumber, "Task_ApproveCost", "finance.approver",
				Map.of("financeVerdict", "REJECTED")), "financeComment", "Say why the cost is rejected");
		refused(() -> driver.complete(caseNumber, "Task_ApproveCost", "finance.approver",
				Map.of("financeVerdict", "APPROVED", "customerCharged", true)), "customerCharged",
				"cannot be changed here");
		assertThat(instance).isWaitingAt("Task_ApproveCost");

		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver", Map.of("financeVerdict", "APPROVED"));
		assertThat(instance).isWaitingAt("Task_ShipReplacement");
		refused(() -> driver.complete(caseNumber, "Task_ShipReplacement", "prod.planner", Map.of()), "trackingNumber",
				"tracking number");
		driver.complete(caseNumber, "Task_ShipReplacement", "prod.planner", Map.of("trackingNumber", "1Z999"));
		refused(() -> driver.complete(caseNumber, "Task_DisposeReturnedUnit", "prod.planner", Map.of()),
				"unitDisposition", "Choose what happens to the returned unit");
		driver.complete(caseNumber, "Task_DisposeReturnedUnit", "prod.planner", Map.of("unitDisposition", "SCRAP"));
		refused(() -> driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent",
				Map.of("resolutionSummary", " ")), "resolutionSummary", "resolution summary");
		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent", Map.of("resolutionSummary", "Replaced."));
		assertThat(instance).isEnded();
		assertThat(ledger.entries(caseNumber)).allSatisfy(entry -> assertThat(entry.isChargedToCustomer()).isFalse());
	}

	@Test
	void managersChooseAFinalRemedyAndSayWhy() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = confirmed(plant, LocalDate.now().minusMonths(1));
		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver",
				Map.of("financeVerdict", "REJECTED", "financeComment", "Liquid damage"));
		ProcessInstance instance = driver.caseProcess(caseNumber);
		assertThat(instance).isWaitingAt("Task_ManagerDecision");

		refused(() -> driver.complete(caseNumber, "Task_ManagerDecision", "ops.manager", Map.of()), "managerAction",
				"Choose a remedy.");
		refused(() -> driver.complete(caseNumber, "Task_ManagerDecision", "ops.manager",
				Map.of("managerAction", "ESCALATE", "managerNotes", "Not mine")), "managerAction",
				"repair, replace, refund or deny");
		refused(() -> driver.complete(caseNumber, "Task_ManagerDecision", "ops.manager",
				Map.of("managerAction", "DENY")), "managerNotes", "Give the reason");
		assertThat(instance).isWaitingAt("Task_ManagerDecision");

		driver.complete(caseNumber, "Task_ManagerDecision", "ops.manager",
				Map.of("managerAction", "DENY", "managerNotes", "Liquid damage is not covered"));
		assertThat(instance).isEnded().hasPassed("End_ClaimDenied");
		assertThat(cases.get(caseNumber).getDecidedBy()).isEqualTo("ops.manager");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aRefusalIsOneLineInTheLogNotAnEngineErrorWithAStackTrace(CapturedOutput output) {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = confirmed(plant, LocalDate.now().minusMonths(12));
		driver.complete(caseNumber, FailureCaseProcess.TASK_RECEIVE_UNIT, "prod.planner", Map.of());
		refused(() -> driver.complete(caseNumber, "Task_RepairUnit", "prod.planner",
				Map.of("removedLotCode", plant.pmicReelA, "installedLotCode", "PMIC-R8-TYPO")), "installedLotCode",
				"There is no lot PMIC-R8-TYPO");
		assertThat(output.getOut()).contains("Refused: There is no lot PMIC-R8-TYPO")
			.doesNotContain("ENGINE-03051")
			.doesNotContain("ENGINE-16004");
	}

	@Test
	void anUnknownCorrectedSerialKeepsTheIdentificationOpen() {
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey(FailureCaseProcess.PROCESS_KEY,
					Variables.putValue("serialNumber", "NOT-A-SERIAL")
						.putValue("customerName", "Dana Miller")
						.putValue("customerEmail", "dana.miller@example.com")
						.putValue("symptomCategory", "DISPLAY")
						.putValue("description", "Flickers")
						.putValue("reportedBy", "cs.agent"));
		String caseNumber = instance.getBusinessKey();
		driver.runJobs(caseNumber);
		assertThat(instance).isWaitingAt("Task_IdentifyDevice");
		refused(() -> driver.complete(caseNumber, "Task_IdentifyDevice", "cs.agent",
				Map.of("serialNumber", "STILL-NOT-OURS", "closeAsInvalid", false)), "serialNumber",
				"There is no device with serial number STILL-NOT-OURS");
		assertThat(instance).isWaitingAt("Task_IdentifyDevice");
	}

	private HttpResponse<String> submitForm(String taskId, String user, Map<String, String> values) throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
		return http.send(
				request("/engine-rest/task/" + taskId + "/submit-form", user).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("variables", variables))))
					.build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String user) throws Exception {
		return http.send(request(path, user).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic(user));
	}

}
