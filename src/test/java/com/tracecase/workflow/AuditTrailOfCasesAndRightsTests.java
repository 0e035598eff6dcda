package com.tracecase.workflow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.audit.AuditAction;
import com.tracecase.audit.AuditEntry;
import com.tracecase.audit.AuditQuery;
import com.tracecase.audit.AuditSubject;
import com.tracecase.audit.AuditTrail;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseStatus;
import com.tracecase.casework.CustomerTier;
import com.tracecase.finance.Remedy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.quality.Containment;
import com.tracecase.quality.QualityManagement;
import com.tracecase.shared.Groups;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The audit trail of what happens through the engine: a case worked task by task leaves
 * one entry per change of the case and its decision, and rights changed through the
 * engine REST API, as Camunda Admin does, leave one entry each naming the administrator.
 */
@TracecaseIntegrationTest
class AuditTrailOfCasesAndRightsTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	@Autowired
	LotManagement lots;

	@Autowired
	AuditTrail trail;

	@Autowired
	QualityManagement quality;

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
	void aCaseWorkedThroughItsTasksLeavesOneEntryPerChangeOfTheCaseAndItsDecision() {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot", "suspectLotCode", plant.pmicReelA,
						"rootCauseCategory", "COMPONENT", "containmentNeeded", false));
		assertThat(engine.getRuntimeService().getActiveActivityIds(driver.caseProcess(caseNumber).getId()))
			.containsExactly("Task_ReceiveUnit");
		cases.receiveUnit(caseNumber, "prod.planner");
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_RepairUnit", "prod.planner", Map.of("removedLotCode", plant.pmicReelA,
				"installedLotCode", reservedPart(caseNumber), "repairNotes", "PMIC swapped"));
		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent",
				Map.of("resolutionSummary", "Your scanner is repaired."));
		assertThat(cases.get(caseNumber).getStatus()).isEqualTo(CaseStatus.CLOSED);

		assertThat(entries(AuditSubject.CASE, caseNumber))
			.extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::oldValue, AuditEntry::newValue)
			.containsExactly(
					tuple(AuditAction.CLOSED, AuditEntry.PROCESS_ACTOR, CaseStatus.IN_PROGRESS.name(),
							CaseStatus.CLOSED.name()),
					tuple(AuditAction.UNIT_RECEIVED, "prod.planner", null, null),
					tuple(AuditAction.REVIEWED, "qc.engineer", null, "FAILURE_CONFIRMED"),
					tuple(AuditAction.STATUS_CHANGED, AuditEntry.PROCESS_ACTOR, CaseStatus.REPORTED.name(),
							CaseStatus.IN_PROGRESS.name()),
					tuple(AuditAction.CREATED, "cs.agent", null, CaseStatus.REPORTED.name()));
		var decided = cases.get(caseNumber);
		assertThat(entries(AuditSubject.DECISION, caseNumber))
			.extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::newValue)
			.containsExactly(tuple(AuditAction.DECIDED, decided.getDecidedBy(), decided.getDecisionAction().name()));
		assertThat(entries(AuditSubject.UNIT, plant.failedUnit())).extracting(AuditEntry::action, AuditEntry::actor)
			.containsExactly(tuple(AuditAction.REPAIRED, "prod.planner"));
	}

	@Test
	void financesRejectionAndTheManagersDecisionAreEachOneEntryOfTheDecisionsTrail() {
		String caseNumber = confirmed(LocalDate.now().minusMonths(1), false);
		Remedy proposed = cases.get(caseNumber).getDecisionAction();
		String proposedBy = cases.get(caseNumber).getDecidedBy();
		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver",
				Map.of("financeVerdict", "REJECTED", "financeComment", "Unit shows liquid damage"));
		driver.complete(caseNumber, "Task_ManagerDecision", "ops.manager",
				Map.of("managerAction", "DENY", "managerNotes", "Liquid damage is not covered"));

		List<AuditEntry> decisions = entries(AuditSubject.DECISION, caseNumber);
		assertThat(decisions)
			.extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::oldValue, AuditEntry::newValue)
			.containsExactly(tuple(AuditAction.DECIDED, "ops.manager", proposed.name(), Remedy.DENY.name()),
					tuple(AuditAction.COST_REJECTED, "finance.approver", null, null),
					tuple(AuditAction.DECIDED, proposedBy, null, proposed.name()));
		assertThat(decisions.get(1).summary()).endsWith("Unit shows liquid damage");
		assertThat(entries(AuditSubject.CASE, caseNumber)).extracting(AuditEntry::action)
			.containsExactly(AuditAction.CLOSED, AuditAction.REVIEWED, AuditAction.STATUS_CHANGED, AuditAction.CREATED);
	}

	@Test
	void aCaseWhoseProcessIsDeletedIsCancelledOnceInTheTrail() {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		engine.getRuntimeService().deleteProcessInstance(driver.caseProcess(caseNumber).getId(), "Filed twice");

		var cancelled = cases.get(caseNumber);
		assertThat(cancelled.getStatus()).isEqualTo(CaseStatus.CANCELLED);
		assertThat(entries(AuditSubject.CASE, caseNumber)).first()
			.satisfies(entry -> assertThat(entry)
				.extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::newValue)
				.containsExactly(AuditAction.CANCELLED, cancelled.getCancelledBy(), CaseStatus.CANCELLED.name()));
		assertThat(entries(AuditSubject.CASE, caseNumber)).filteredOn(entry -> entry.action() == AuditAction.CANCELLED)
			.hasSize(1);
	}

	@Test
	void aContainmentLeavesItsRequestTheSupplierActionTheQuarantinedLotsAndTheRecallInTheTrail() {
		String caseNumber = confirmed(LocalDate.now().minusMonths(12), true);
		Containment containment = quality.findContainment(caseNumber).orElseThrow();
		assertThat(entries(AuditSubject.CONTAINMENT, containment.getReference()))
			.extracting(AuditEntry::action, AuditEntry::actor)
			.containsExactly(tuple(AuditAction.CONTAINED, quarantinedBy(containment)));
		String supplierAction = quality.supplierActions(caseNumber).get(0).getReference();
		assertThat(entries(AuditSubject.SUPPLIER_ACTION, supplierAction)).extracting(AuditEntry::action)
			.containsExactly(AuditAction.CREATED);
		for (String quarantined : containment.getQuarantinedLots()) {
			assertThat(entries(AuditSubject.LOT, quarantined)).filteredOn(e -> e.action() == AuditAction.STATUS_CHANGED)
				.extracting(AuditEntry::newValue)
				.containsOnlyOnce(LotStatus.QUARANTINED.name());
		}

		driver.complete(caseNumber, "Task_ApproveFieldAction", "ops.manager",
				Map.of("fieldActionVerdict", "APPROVED", "fieldActionNotes", "Recall the two shipped units"));
		assertThat(entries(AuditSubject.CONTAINMENT, containment.getReference()))
			.extracting(AuditEntry::action, AuditEntry::actor)
			.containsExactly(tuple(AuditAction.FIELD_ACTION_APPROVED, "ops.manager"),
					tuple(AuditAction.CONTAINED, quarantinedBy(containment)));
		assertThat(trail.find(new AuditQuery(AuditSubject.RECALL_CAMPAIGN, null, "ops.manager", null, null, 0, 200))
			.entries()).filteredOn(entry -> entry.summary().contains(containment.getSuspectLotCode()))
			.extracting(AuditEntry::action)
			.containsExactly(AuditAction.CREATED);
	}

	/** Who the containment's quarantine names on the lots' status changes. */
	private String quarantinedBy(Containment containment) {
		assertThat(containment.getQuarantinedLots()).isNotEmpty();
		return entries(AuditSubject.LOT, containment.getQuarantinedLots().get(0)).get(0).actor();
	}

	/** A case of the failed unit that QC confirmed, its decision taken. */
	private String confirmed(LocalDate purchaseDate, boolean containment) {
		String caseNumber = driver.fileReport(plant.failedUnit(), purchaseDate, CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot", "suspectLotCode", plant.pmicReelA,
						"rootCauseCategory", "COMPONENT", "containmentNeeded", containment));
		return caseNumber;
	}

	@Test
	void rightsChangedThroughTheEngineRestApiLeaveOneEntryEachNamingTheAdministrator() throws Exception {
		String user = "audit-" + UUID.randomUUID().toString().substring(0, 8);
		call("POST", "/engine-rest/user/create",
				Map.of("profile",
						Map.of("id", user, "firstName", "Ada", "lastName", "Audit", "email",
								user + "@tracecase.example"),
						"credentials", Map.of("password", "a-long-Passw0rd!")),
				204);
		call("PUT", "/engine-rest/group/" + Groups.QC + "/members/" + user, null, 204);
		call("POST", "/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("ACCESS"), "userId",
				user, "resourceType", 0, "resourceId", "tasklist"), 200);
		call("DELETE", "/engine-rest/group/" + Groups.QC + "/members/" + user, null, 204);

		assertThat(entries(AuditSubject.USER, user)).extracting(AuditEntry::action, AuditEntry::actor)
			.containsExactly(tuple(AuditAction.CREATED, "admin"));
		assertThat(entries(AuditSubject.GROUP_MEMBERSHIP, user))
			.extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::summary)
			.containsExactly(
					tuple(AuditAction.MEMBER_REMOVED, "admin", "User " + user + " removed from group " + Groups.QC),
					tuple(AuditAction.MEMBER_ADDED, "admin", "User " + user + " added to group " + Groups.QC));
		assertThat(entries(AuditSubject.AUTHORIZATION, user))
			.extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::newValue)
			.containsExactly(tuple(AuditAction.CREATED, "admin", "ACCESS"));
		// a refused change (a user id taken) leaves nothing
		call("POST", "/engine-rest/user/create",
				Map.of("profile", Map.of("id", user, "firstName", "Ada", "lastName", "Again"), "credentials",
						Map.of("password", "a-long-Passw0rd!")),
				500, 400, 409);
		assertThat(entries(AuditSubject.USER, user)).hasSize(1);
	}

	/** The spare part the case reserved for the repair, as production sees it. */
	private String reservedPart(String caseNumber) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + caseNumber))
				.header("Authorization", DemoLogin.basic("prod.planner"))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body()).path("reservations").get(0).path("lotCode").asText();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<AuditEntry> entries(AuditSubject subject, String key) {
		return trail.find(new AuditQuery(subject, key, null, null, null, 0, 50)).entries();
	}

	private void call(String method, String path, Object body, int... expected)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic("admin"))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isIn(toList(expected));
	}

	private static List<Integer> toList(int[] values) {
		return java.util.Arrays.stream(values).boxed().toList();
	}

}
