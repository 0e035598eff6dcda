package com.tracecase.workflow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.tracecase.audit.AuditEntry;
import com.tracecase.audit.AuditQuery;
import com.tracecase.audit.AuditSubject;
import com.tracecase.audit.AuditTrail;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.ServiceEvent;
import com.tracecase.genealogy.Shipment;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.notification.DeliveryStatus;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.NotificationMessage;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.internal.EmbeddedMailSink;
import com.tracecase.quality.CampaignUnit;
import com.tracecase.quality.RecallCampaign;
import com.tracecase.quality.RecallCampaignStatus;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.quality.Recalls;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.StateConflictException;
import com.tracecase.PageSession;
import com.tracecase.TracecaseIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * A recall campaign through its process: started by the managers' approved field action
 * of a case's containment or by a person from a lot, it lists exactly the units built
 * from the lot that are still somewhere, mails each customer with an address once,
 * follows every unit to its end as people book it, marks the customers who do not answer,
 * takes in a later report on one of its units, and closes with a summary.
 */
@TracecaseIntegrationTest
class RecallCampaignProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	@Autowired
	Recalls recalls;

	@Autowired
	Notifications notifications;

	@Autowired
	EmbeddedMailSink sink;

	@Autowired
	AuditTrail audit;

	@LocalServerPort
	int port;

	private static final Duration DELIVERY = Duration.ofSeconds(60);

	CaseDriver driver;

	CaseFixture plant;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new CaseDriver(engine, cases);
		// devices 1 and 2 shipped (both built with PMIC reel A), 3 and 4 in stock
		plant = new CaseFixture().build(lots, true, 2);
		lots.recordShipment(plant.devices.get(0),
				new Shipment("Northwind Traders", "buyer@northwind.example", LocalDate.now().minusDays(30), "DN-1"));
		lots.recordShipment(plant.devices.get(1),
				new Shipment("Contoso Retail", null, LocalDate.now().minusDays(20), "DN-2"));
	}

	@Test
	void anApprovedFieldActionStartsACampaignThatFollowsEveryUnitToItsEnd() throws Exception {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(6),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V", "suspectLotCode",
						plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded", true));
		ProcessInstance containment = driver.containmentProcess(caseNumber);
		driver.complete(caseNumber, "Task_ApproveFieldAction", "ops.manager",
				Map.of("fieldActionVerdict", "APPROVED", "fieldActionNotes", "Recall every unit with reel A"));
		assertThat(containment).hasPassed("Gateway_FieldActionApproved", "Task_StartRecallCampaign").isEnded();

		RecallCampaign campaign = recalls.campaignsOf(plant.pmicReelA).get(0);
		assertThat(campaign.getContainmentReference()).isEqualTo(caseNumber);
		assertThat(recalls.campaignOfContainment(caseNumber))
			.hasValueSatisfying(started -> assertThat(started.getReference()).isEqualTo(campaign.getReference()));
		// the case's page leads to it from its containment
		PageSession qc = new PageSession(port, "qc.engineer");
		qc.get("/cases/" + caseNumber);
		assertThat(qc.page().getElementById("containment-recall").text())
			.isEqualTo(campaign.getReference() + " (Open)");
		assertThat(campaign.getStartedBy()).isEqualTo("ops.manager");
		assertThat(campaign.getReason()).contains("Recall every unit with reel A");
		String reference = campaign.getReference();
		driver.runJobs(reference);
		ProcessInstance process = campaignProcess(reference);
		assertThat(process).hasPassed("Task_ListAffectedUnits", "Task_SendRecallNotices")
			.isWaitingAt("Task_CloseCampaign");

		// the shipped units are those whose own trace holds reel A; the reel is held in
		// stock
		Set<String> shippedWithReelA = plant.deviceLots.stream()
			.filter(lot -> genealogy.getLot(lot).status() == LotStatus.SHIPPED)
			.filter(lot -> genealogy.traceDevice(genealogy.getLot(lot).serialNumber())
				.lots()
				.stream()
				.map(TracedLot::lotCode)
				.anyMatch(plant.pmicReelA::equals))
			.collect(Collectors.toSet());
		assertThat(shippedWithReelA).hasSize(2);
		Map<String, RecallUnitStatus> listed = statuses(reference);
		assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(
				java.util.stream.Stream.concat(shippedWithReelA.stream(), java.util.stream.Stream.of(plant.pmicReelA))
					.toList());
		// the customer with an address has the notice; the one without waits for a call
		assertThat(listed).containsEntry(plant.deviceLots.get(0), RecallUnitStatus.NOTIFIED)
			.containsEntry(plant.deviceLots.get(1), RecallUnitStatus.TO_NOTIFY)
			.containsEntry(plant.pmicReelA, RecallUnitStatus.HELD);
		List<NotificationMessage> notices = notifications.messagesFor(reference + ":notice:" + plant.deviceLots.get(0));
		assertThat(notices).singleElement().satisfies(notice -> {
			assertThat(notice.template()).isEqualTo(MailTemplate.RECALL_NOTICE);
			assertThat(notice.recipient()).isEqualTo("buyer@northwind.example");
			assertThat(notice.subject()).contains(plant.devices.get(0));
		});
		assertThat(notifications.messagesFor(reference + ":started")).extracting(NotificationMessage::recipient)
			.contains("qc.engineer@tracecase.example", "prod.planner@tracecase.example", "cs.agent@tracecase.example",
					"ops.manager@tracecase.example");
		assertThat(recalls.noticesLeft(reference)).isZero();

		// a later report on a unit of the campaign joins it
		String later = driver.fileReport(plant.devices.get(0), LocalDate.now().minusMonths(6), CustomerTier.STANDARD);
		driver.runJobs(later);
		assertThat(unit(reference, plant.deviceLots.get(0)).getCaseNumber()).isEqualTo(later);

		recalls.update(reference, plant.deviceLots.get(1), RecallUnitStatus.NOTIFIED, "Told by phone", "cs.agent");
		recalls.update(reference, plant.deviceLots.get(0), RecallUnitStatus.RETURNED, null, "prod.planner");
		assertThat(genealogy.getLot(plant.deviceLots.get(0)).status()).isEqualTo(LotStatus.RETURNED);
		assertThat(genealogy.serviceHistory(plant.devices.get(0))).extracting(ServiceEvent::summary)
			.anySatisfy(summary -> assertThat(summary).contains("Recall campaign " + reference + ": returned"));

		// the response period runs out for the customer told by phone
		driver.fireTimer(reference, RecallCampaignProcess.TIMER_RESPONSE_PERIOD, process.getId());
		assertThat(statuses(reference)).containsEntry(plant.deviceLots.get(1), RecallUnitStatus.NO_RESPONSE)
			.containsEntry(plant.deviceLots.get(0), RecallUnitStatus.RETURNED);
		assertThat(process).isWaitingAt("Task_CloseCampaign");

		// a returned unit keeps the campaign open
		assertThatThrownBy(() -> driver.complete(reference, "Task_CloseCampaign", "qc.engineer",
				Map.of(RecallCampaignProcess.VAR_SUMMARY, "Done")))
			.hasMessageContaining("Repair or replace the returned units first")
			.hasMessageContaining(plant.devices.get(0));
		assertThat(recalls.get(reference).isOpen()).isTrue();

		recalls.update(reference, plant.deviceLots.get(0), RecallUnitStatus.REPAIRED, "PMIC swapped", "prod.planner");
		recalls.update(reference, plant.pmicReelA, RecallUnitStatus.CLOSED, "Reel scrapped", "qc.engineer");
		driver.complete(reference, "Task_CloseCampaign", "qc.engineer",
				Map.of(RecallCampaignProcess.VAR_SUMMARY, "One unit repaired, one customer unreachable"));
		assertThat(process).isEnded();
		RecallCampaign closed = recalls.get(reference);
		assertThat(closed.getStatus()).isEqualTo(RecallCampaignStatus.CLOSED);
		assertThat(closed.getClosedBy()).isEqualTo("qc.engineer");
		assertThat(closed.getSummary()).isEqualTo("One unit repaired, one customer unreachable");
		assertThat(statuses(reference)).containsEntry(plant.deviceLots.get(0), RecallUnitStatus.REPAIRED)
			.containsEntry(plant.deviceLots.get(1), RecallUnitStatus.CLOSED)
			.containsEntry(plant.pmicReelA, RecallUnitStatus.CLOSED);
		assertThat(recalls.progress(closed).completionRate()).isEqualTo(1.0);
		// the trail has who booked each unit and who closed the campaign
		assertThat(
				audit.find(new AuditQuery(AuditSubject.RECALL_CAMPAIGN, reference, null, null, null, 0, 50)).entries())
			.extracting(AuditEntry::actor, AuditEntry::summary)
			.contains(
					tuple("prod.planner", "Unit " + plant.devices.get(0) + ": Returned \u2192 Repaired: PMIC swapped"),
					tuple("qc.engineer", "Recall campaign closed: One unit repaired, one customer unreachable"));
		assertThat(recalls.progress(closed).remedied()).isEqualTo(1);
	}

	@Test
	void aPersonStartsACampaignFromALotOnceWithAReason() {
		assertThatThrownBy(() -> recalls.start(plant.mcuReel, "  ", "qc.engineer")).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(InvalidInputException.Violation::field)
					.containsExactly("reason"));
		assertThat(recalls.campaignsOf(plant.mcuReel)).isEmpty();

		RecallCampaign campaign = recalls.start(plant.mcuReel, "MCU brown-out at low temperature", "qc.engineer");
		assertThat(campaignProcess(campaign.getReference())).isNotNull();
		assertThatThrownBy(() -> recalls.start(plant.mcuReel, "Again", "ops.manager"))
			.isInstanceOf(StateConflictException.class)
			.hasMessageContaining(campaign.getReference());

		driver.runJobs(campaign.getReference());
		// the MCU reel went into all four devices: two shipped, two in stock
		Map<String, RecallUnitStatus> listed = statuses(campaign.getReference());
		assertThat(listed).containsEntry(plant.deviceLots.get(0), RecallUnitStatus.NOTIFIED)
			.containsEntry(plant.deviceLots.get(1), RecallUnitStatus.TO_NOTIFY)
			.containsEntry(plant.deviceLots.get(2), RecallUnitStatus.HELD)
			.containsEntry(plant.deviceLots.get(3), RecallUnitStatus.HELD)
			.containsEntry(plant.mcuReel, RecallUnitStatus.HELD)
			.hasSize(5);
	}

	@Test
	void aLargeCampaignSendsItsNoticesInSlicesEachItsOwnStep() {
		// three shipped units whose customers have an address; the tests send one notice
		// a step
		for (int i : new int[] { 2, 3 }) {
			lots.changeStatus(plant.deviceLots.get(i), LotStatus.SHIPPED, "prod.planner", "Order " + i);
			lots.recordShipment(plant.devices.get(i), new Shipment("Fabrikam " + i, "buyer" + i + "@fabrikam.example",
					LocalDate.now().minusDays(5), null));
		}
		String reference = recalls.start(plant.mcuReel, "MCU brown-out", "qc.engineer").getReference();
		driver.runJobs(reference);

		ProcessInstance process = campaignProcess(reference);
		assertThat(process).isWaitingAt(RecallCampaignProcess.TASK_CLOSE_CAMPAIGN);
		assertThat(engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(process.getId())
			.activityId(RecallCampaignProcess.TASK_SEND_NOTICES)
			.count()).isEqualTo(3);
		for (int i : new int[] { 0, 2, 3 }) {
			assertThat(notifications.messagesFor(reference + ":notice:" + plant.deviceLots.get(i))).hasSize(1);
		}
		assertThat(recalls.noticesLeft(reference)).isZero();
		assertThat(statuses(reference)).containsEntry(plant.deviceLots.get(1), RecallUnitStatus.TO_NOTIFY);
	}

	@Test
	void aUnitMovesOnlyAlongItsWayAndClosingOneNeedsAReason() {
		RecallCampaign campaign = recalls.start(plant.mcuReel, "MCU brown-out", "qc.engineer");
		String reference = campaign.getReference();
		driver.runJobs(reference);
		String held = plant.deviceLots.get(2);
		assertThatThrownBy(() -> recalls.update(reference, held, RecallUnitStatus.REPLACED, null, "prod.planner"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("held in stock or production and cannot be marked replaced");
		assertThatThrownBy(() -> recalls.update(reference, held, RecallUnitStatus.CLOSED, " ", "qc.engineer"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(InvalidInputException.Violation::field)
						.containsExactly("note"));
		assertThat(unit(reference, held).getStatus()).isEqualTo(RecallUnitStatus.HELD);
		assertThat(genealogy.serviceHistory(plant.devices.get(2))).extracting(ServiceEvent::type)
			.doesNotContain("RECALL");
	}

	@Test
	void aStepOutOfRetriesMakesTheCampaignNeedAttentionAndTellsTheManagersOnce() {
		String reference = recalls.start(plant.mcuReel, "MCU brown-out", "qc.engineer").getReference();
		ProcessInstance process = campaignProcess(reference);
		// a response period no one can read reaches the step that starts waiting for
		// answers
		engine.getRuntimeService().setVariable(process.getId(), RecallCampaignProcess.VAR_RESPONSE_PERIOD, "30 days");
		ManagementService management = engine.getManagementService();
		management.executeJob(job(process, RecallCampaignProcess.TASK_LIST_UNITS).getId());
		management.executeJob(job(process, RecallCampaignProcess.TASK_SEND_NOTICES).getId());
		Job announce = job(process, RecallCampaignProcess.TASK_ANNOUNCE);
		for (int attempt = 0; attempt < 10 && retries(announce) > 0; attempt++) {
			assertThatThrownBy(() -> management.executeJob(announce.getId())).isNotNull();
		}
		Incident incident = engine.getRuntimeService()
			.createIncidentQuery()
			.processInstanceId(process.getId())
			.singleResult();
		assertThat(incident).isNotNull();

		RecallCampaign stalled = recalls.get(reference);
		assertThat(stalled.needsAttention()).isTrue();
		assertThat(stalled.getAttentionStep()).isEqualTo("Recall campaign: Follow recall campaign to its end");
		assertThat(stalled.getAttentionProblem()).isNotBlank().doesNotContain("ENGINE-", "Exception");
		List<NotificationMessage> told = notifications.messagesFor(reference + ":attention:" + incident.getId());
		assertThat(told).extracting(NotificationMessage::recipient)
			.containsExactlyInAnyOrder("ops.manager@tracecase.example", "admin@tracecase.example");
		assertThat(told).allSatisfy(mail -> assertThat(mail.subject()).isEqualTo("Needs attention: recall campaign "
				+ reference + " is stopped at \"Recall campaign: Follow recall campaign to its end\""));
		// nothing of the failed step was kept: the staff were not told yet
		assertThat(notifications.messagesFor(reference + ":started")).isEmpty();

		// someone fixes the period and retries the step, as Cockpit does
		engine.getRuntimeService().setVariable(process.getId(), RecallCampaignProcess.VAR_RESPONSE_PERIOD, "P30D");
		management.setJobRetries(announce.getId(), 1);
		management.executeJob(announce.getId());
		assertThat(recalls.get(reference).needsAttention()).isFalse();
		assertThat(process).isWaitingAt(RecallCampaignProcess.TASK_CLOSE_CAMPAIGN);
		assertThat(notifications.messagesFor(reference + ":started")).isNotEmpty();
		assertThat(notifications.messagesFor(reference + ":notice:" + plant.deviceLots.get(0))).hasSize(1);
	}

	@Test
	void throughAnSmtpOutageEachCustomerGetsTheNoticeOnceWhenTheServerIsBack() {
		String reference;
		String noticeKey;
		sink.stop();
		try {
			reference = recalls.start(plant.pmicReelA, "Charger ICs fail", "qc.engineer").getReference();
			driver.runJobs(reference);
			noticeKey = reference + ":notice:" + plant.deviceLots.get(0);
			await().atMost(DELIVERY)
				.untilAsserted(() -> assertThat(notifications.messagesFor(noticeKey)).singleElement()
					.satisfies(notice -> assertThat(notice.attempts()).isGreaterThanOrEqualTo(2))
					.satisfies(notice -> assertThat(notice.status()).isIn(DeliveryStatus.PENDING,
							DeliveryStatus.SENDING)));
			// the unit counts as notified: the notice is on its way, not lost
			assertThat(statuses(reference)).containsEntry(plant.deviceLots.get(0), RecallUnitStatus.NOTIFIED);
		}
		finally {
			sink.start();
		}
		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(notifications.messagesFor(noticeKey)).singleElement()
				.satisfies(notice -> assertThat(notice.status()).isEqualTo(DeliveryStatus.SENT)));
		assertThat(sink.received()).filteredOn(mail -> mail.to().contains("buyer@northwind.example"))
			.singleElement()
			.satisfies(mail -> assertThat(mail.subject()).contains(plant.devices.get(0)));
	}

	private Job job(ProcessInstance process, String activityId) {
		Job job = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(process.getId())
			.activityId(activityId)
			.singleResult();
		assertThat(job).as("job of " + activityId).isNotNull();
		return job;
	}

	private int retries(Job job) {
		return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
	}

	private ProcessInstance campaignProcess(String reference) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(reference, RecallCampaignProcess.PROCESS_KEY)
			.singleResult();
	}

	private Map<String, RecallUnitStatus> statuses(String reference) {
		return recalls.allUnits(reference)
			.stream()
			.collect(Collectors.toMap(CampaignUnit::getLotCode, CampaignUnit::getStatus));
	}

	private CampaignUnit unit(String reference, String lotCode) {
		return recalls.allUnits(reference)
			.stream()
			.filter(unit -> unit.getLotCode().equals(lotCode))
			.findFirst()
			.orElseThrow();
	}

}
