package com.tracecase.workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.NotificationMessage;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.internal.EmbeddedMailSink.ReceivedMail;
import com.tracecase.notification.internal.EmbeddedMailSink;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.SupplierCorrectiveAction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * No case stalls silently: a step that runs out of retries shows on the case API and is
 * mailed to the managers and administrators once; fixing it gives the case back its
 * status; a deleted process cancels its case with who and why.
 */
@TracecaseIntegrationTest
class CaseIntegrityTests {

	private static final String MANAGER = "ops.manager@tracecase.example";

	private static final String ADMIN = "admin@tracecase.example";

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	@Autowired
	LotManagement lots;

	@Autowired
	QualityManagement quality;

	@Autowired
	Notifications notifications;

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
	void aStepOutOfRetriesMakesTheCaseNeedAttentionUntilItRunsAgain() throws Exception {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		String instanceId = driver.caseProcess(caseNumber).getId();
		engine.getManagementService().executeJob(job(instanceId, "Task_TraceDevice").getId());
		assertThat(get("/api/cases/" + caseNumber, "cs.agent").path("status").asText()).isEqualTo("IN_PROGRESS");
		// an input the quality module cannot read reaches the async step
		runtime().setVariable(instanceId, FailureCaseProcess.VAR_PURCHASE_DATE, "31.12.2025");

		Job investigation = job(instanceId, "Task_OpenInvestigation");
		failUntilIncident(investigation.getId());

		JsonNode stalled = get("/api/cases/" + caseNumber, "cs.agent");
		assertThat(stalled.path("status").asText()).isEqualTo("NEEDS_ATTENTION");
		JsonNode attention = stalled.path("attention");
		assertThat(attention.path("step").asText()).isEqualTo("Open the QC investigation");
		assertThat(attention.path("message").asText()).isEqualTo("'31.12.2025' is not a date (yyyy-MM-dd).");
		assertThat(attention.path("since").asText()).isNotBlank();
		assertThat(attention.path("problems")).hasSize(1);
		assertThat(get("/api/cases?status=NEEDS_ATTENTION&serial=" + plant.failedUnit(), "ops.manager")
			.findValuesAsText("caseNumber")).containsExactly(caseNumber);

		assertThat(attentionMails(caseNumber)).containsExactlyInAnyOrder(MANAGER, ADMIN);
		// the same incident again (a step run by hand that fails once more) mails nobody
		assertThatThrownBy(() -> engine.getManagementService().executeJob(investigation.getId()))
			.hasMessageContaining("31.12.2025");
		assertThat(attentionMails(caseNumber)).containsExactlyInAnyOrder(MANAGER, ADMIN);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<ReceivedMail> mails = mailSink.received()
				.stream()
				.filter(mail -> mail.subject().contains(caseNumber) && mail.subject().startsWith("Needs attention"))
				.toList();
			assertThat(mails.stream().flatMap(mail -> mail.to().stream())).containsExactlyInAnyOrder(MANAGER, ADMIN);
			assertThat(mails).allSatisfy(mail -> assertThat(mail.text()).contains("Open the QC investigation")
				.contains("'31.12.2025' is not a date (yyyy-MM-dd).")
				.contains(plant.failedUnit())
				.doesNotContain("ENGINE-", "Exception"));
		});

		// someone fixes the input and retries the step, as Cockpit does
		runtime().setVariable(instanceId, FailureCaseProcess.VAR_PURCHASE_DATE,
				LocalDate.now().minusMonths(12).toString());
		engine.getManagementService().setJobRetries(investigation.getId(), 1);
		engine.getManagementService().executeJob(investigation.getId());
		driver.runJobs(caseNumber);

		JsonNode going = get("/api/cases/" + caseNumber, "cs.agent");
		assertThat(going.path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(going.has("attention")).isFalse();
		assertThat(going.path("openTasks").findValuesAsText("name"))
			.anySatisfy(name -> assertThat(name).startsWith("Review investigation " + caseNumber));
		assertThat(attentionMails(caseNumber)).hasSize(2);
	}

	@Test
	void aCaseWithSeveralIncidentsNeedsAttentionUntilEveryOneIsResolved() throws Exception {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		String instanceId = driver.caseProcess(caseNumber).getId();
		ManagementService management = engine.getManagementService();
		management.executeJob(job(instanceId, "Task_TraceDevice").getId());
		management.executeJob(job(instanceId, "Task_OpenInvestigation").getId());
		String email = (String) runtime().getVariable(instanceId, FailureCaseProcess.VAR_CUSTOMER_EMAIL);
		String product = (String) runtime().getVariable(instanceId, FailureCaseProcess.VAR_PRODUCT_PART_NUMBER);
		runtime().setVariable(instanceId, FailureCaseProcess.VAR_CUSTOMER_EMAIL, "");
		runtime().setVariable(instanceId, FailureCaseProcess.VAR_PRODUCT_PART_NUMBER, "");

		Job acknowledgement = job(instanceId, "Task_AcknowledgeCustomer");
		Job inventory = job(instanceId, "Task_CheckInventory");
		failUntilIncident(acknowledgement.getId());
		failUntilIncident(inventory.getId());

		JsonNode stalled = get("/api/cases/" + caseNumber, "cs.agent");
		assertThat(stalled.path("status").asText()).isEqualTo("NEEDS_ATTENTION");
		assertThat(stalled.path("attention").path("problems").findValuesAsText("step"))
			.containsExactly("Acknowledge the report to the customer", "Check inventory");
		assertThat(stalled.path("attention").path("problems").findValuesAsText("message"))
			.containsExactly("'customerEmail' is required.", "'productPartNumber' is required.");
		assertThat(attentionMails(caseNumber)).containsExactlyInAnyOrder(MANAGER, ADMIN, MANAGER, ADMIN);

		runtime().setVariable(instanceId, FailureCaseProcess.VAR_CUSTOMER_EMAIL, email);
		management.setJobRetries(acknowledgement.getId(), 1);
		management.executeJob(acknowledgement.getId());
		JsonNode half = get("/api/cases/" + caseNumber, "cs.agent");
		assertThat(half.path("status").asText()).isEqualTo("NEEDS_ATTENTION");
		assertThat(half.path("attention").path("problems").findValuesAsText("step")).containsExactly("Check inventory");

		runtime().setVariable(instanceId, FailureCaseProcess.VAR_PRODUCT_PART_NUMBER, product);
		management.setJobRetries(inventory.getId(), 1);
		management.executeJob(inventory.getId());
		driver.runJobs(caseNumber);
		JsonNode going = get("/api/cases/" + caseNumber, "cs.agent");
		assertThat(going.path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(going.has("attention")).isFalse();
		assertThat(driver.task(caseNumber, "Task_ReviewInvestigation")).isNotNull();
	}

	@Test
	void aContainmentStepOutOfRetriesStopsTheCaseItContains() throws Exception {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		String review = driver.task(caseNumber, "Task_ReviewInvestigation").getId();
		driver.asUser("qc.engineer", () -> {
			engine.getTaskService().claim(review, "qc.engineer");
			engine.getTaskService()
				.complete(review,
						Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V",
								"suspectLotCode", plant.pmicReelA, "rootCauseCategory", "COMPONENT",
								"containmentNeeded", true));
		});
		engine.getManagementService()
			.executeJob(job(driver.caseProcess(caseNumber).getId(), "Call_Containment").getId());
		String containmentId = driver.containmentProcess(caseNumber).getId();
		runtime().setVariable(containmentId, FailureCaseProcess.VAR_SUSPECT_LOT_CODE, "");

		Job quarantine = job(containmentId, "Task_QuarantineStock");
		failUntilIncident(quarantine.getId());

		JsonNode stalled = get("/api/cases/" + caseNumber, "qc.engineer");
		assertThat(stalled.path("status").asText()).isEqualTo("NEEDS_ATTENTION");
		assertThat(stalled.path("attention").path("step").asText())
			.isEqualTo("Containment: Quarantine stock built from the suspect lot");
		assertThat(stalled.path("attention").path("message").asText()).isEqualTo("'suspectLotCode' is required.");
		assertThat(attentionMails(caseNumber)).containsExactlyInAnyOrder(MANAGER, ADMIN);

		runtime().setVariable(containmentId, FailureCaseProcess.VAR_SUSPECT_LOT_CODE, plant.pmicReelA);
		engine.getManagementService().setJobRetries(quarantine.getId(), 1);
		engine.getManagementService().executeJob(quarantine.getId());
		JsonNode going = get("/api/cases/" + caseNumber, "qc.engineer");
		assertThat(going.path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(going.has("attention")).isFalse();
	}

	@Test
	void aStepOutOfRetriesOfALotContainedOnItsOwnTellsTheManagersOnce() throws Exception {
		String reference = quality.requestContainment(plant.mcuReel, "MCU brown-out", "qc.engineer").getReference();
		String containmentId = runtime().createProcessInstanceQuery()
			.processInstanceBusinessKey(reference, FailureCaseProcess.CONTAINMENT_PROCESS_KEY)
			.singleResult()
			.getId();
		runtime().setVariable(containmentId, FailureCaseProcess.VAR_SUSPECT_LOT_CODE, "");
		Job quarantine = job(containmentId, "Task_QuarantineStock");
		failUntilIncident(quarantine.getId());

		String incident = runtime().createIncidentQuery().configuration(quarantine.getId()).singleResult().getId();
		List<NotificationMessage> told = notifications.messagesFor(reference + ":attention:" + incident);
		assertThat(told).extracting(NotificationMessage::recipient).containsExactlyInAnyOrder(MANAGER, ADMIN);
		assertThat(told)
			.allSatisfy(mail -> assertThat(mail.subject()).isEqualTo("Needs attention: the containment of lot "
					+ plant.mcuReel + " is stopped at \"Containment: Quarantine stock built from the suspect lot\""));
	}

	@Test
	void aSupplierActionStepOutOfRetriesStopsTheCaseThatFoundIt() throws Exception {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V", "suspectLotCode",
						plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded", true));
		SupplierCorrectiveAction action = quality.supplierActions(caseNumber).get(0);
		String instanceId = runtime().createProcessInstanceQuery()
			.processInstanceBusinessKey(action.getReference(), SupplierActionProcess.PROCESS_KEY)
			.singleResult()
			.getId();
		// a step that cannot find its action
		runtime().setVariable(instanceId, SupplierActionProcess.VAR_SUPPLIER_ACTION_ID, -1L);

		Job send = job(instanceId, "Task_SendRequest");
		failUntilIncident(send.getId());

		JsonNode stalled = get("/api/cases/" + caseNumber, "qc.engineer");
		assertThat(stalled.path("status").asText()).isEqualTo("NEEDS_ATTENTION");
		assertThat(stalled.path("attention").path("step").asText())
			.isEqualTo("Supplier corrective action: Mail the request to the supplier");
		assertThat(attentionMails(caseNumber)).containsExactlyInAnyOrder(MANAGER, ADMIN);

		runtime().setVariable(instanceId, SupplierActionProcess.VAR_SUPPLIER_ACTION_ID, action.getId());
		engine.getManagementService().setJobRetries(send.getId(), 1);
		engine.getManagementService().executeJob(send.getId());
		assertThat(get("/api/cases/" + caseNumber, "qc.engineer").path("status").asText()).isEqualTo("IN_PROGRESS");
	}

	@Test
	void deletingTheProcessCancelsTheCaseWithWhoAndWhy() throws Exception {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		String instanceId = driver.caseProcess(caseNumber).getId();

		driver.asUser("admin", () -> runtime().deleteProcessInstance(instanceId, "Filed twice, see the other case"));

		JsonNode cancelled = get("/api/cases/" + caseNumber, "cs.agent");
		assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("cancellation").path("by").asText()).isEqualTo("admin");
		assertThat(cancelled.path("cancellation").path("reason").asText()).isEqualTo("Filed twice, see the other case");
		assertThat(cancelled.path("closedAt").asText()).isNotBlank();
		assertThat(cancelled.path("openTasks")).isEmpty();
		JsonNode last = cancelled.path("timeline").get(cancelled.path("timeline").size() - 1);
		assertThat(last.path("step").asText()).isEqualTo("Case cancelled: Filed twice, see the other case");
		assertThat(last.path("by").asText()).isEqualTo("admin");
		assertThat(get("/api/cases?status=CANCELLED&serial=" + plant.failedUnit(), "cs.agent")
			.findValuesAsText("caseNumber")).containsExactly(caseNumber);
	}

	@Test
	void deletingAStalledProcessOverTheEngineRestApiCancelsTheCase() throws Exception {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		String instanceId = driver.caseProcess(caseNumber).getId();
		runtime().setVariable(instanceId, FailureCaseProcess.VAR_SERIAL_NUMBER, "");
		failUntilIncident(job(instanceId, "Task_TraceDevice").getId());
		assertThat(get("/api/cases/" + caseNumber, "cs.agent").path("status").asText()).isEqualTo("NEEDS_ATTENTION");

		// as Cockpit offers it: without the model's own listeners
		HttpResponse<String> deleted = http.send(
				request("/engine-rest/process-instance/" + instanceId + "?skipCustomListeners=true&skipIoMappings=true",
						"admin")
					.DELETE()
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

		JsonNode cancelled = get("/api/cases/" + caseNumber, "cs.agent");
		assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("cancellation").path("by").asText()).isEqualTo("admin");
		assertThat(cancelled.path("cancellation").path("reason").asText()).isEqualTo("Process instance deleted");
		assertThat(cancelled.has("attention")).isFalse();
	}

	@Test
	void aProcessThatRunsToItsEndDoesNotCancelTheCase() throws Exception {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "NO_FAULT_FOUND", "qcNotes", "Boots fine on the bench"));
		driver.complete(caseNumber, "Task_TellNoFaultFound", "cs.agent",
				Map.of("customerMessage", "We tested your unit and found no fault."));
		assertThat(driver.caseProcess(caseNumber)).isNull();

		JsonNode closed = get("/api/cases/" + caseNumber, "cs.agent");
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("closure").asText()).isEqualTo("NO_FAULT_FOUND");
		assertThat(closed.has("cancellation")).isFalse();
		assertThat(closed.path("timeline").findValuesAsText("type")).doesNotContain("cancellation");
	}

	private RuntimeService runtime() {
		return engine.getRuntimeService();
	}

	private Job job(String processInstanceId, String activityId) {
		Job job = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.singleResult();
		assertThat(job).as("job of " + activityId).isNotNull();
		return job;
	}

	/** Runs the job, as the job executor would retry it, until no retry is left. */
	private void failUntilIncident(String jobId) {
		ManagementService management = engine.getManagementService();
		for (int attempt = 0; attempt < 10 && retries(jobId) > 0; attempt++) {
			assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
		}
		assertThat(retries(jobId)).isZero();
		assertThat(runtime().createIncidentQuery().configuration(jobId).count()).isOne();
	}

	private int retries(String jobId) {
		return engine.getManagementService().createJobQuery().jobId(jobId).singleResult().getRetries();
	}

	/** The addresses of the case's attention mails in the outbox, one per message. */
	private List<String> attentionMails(String caseNumber) {
		return notifications.messages(null, caseNumber, 100)
			.stream()
			.filter(message -> message.template() == MailTemplate.ATTENTION_NEEDED)
			.map(NotificationMessage::recipient)
			.toList();
	}

	private JsonNode get(String path, String user) throws Exception {
		HttpResponse<String> response = http.send(request(path, user).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic(user));
	}

}
