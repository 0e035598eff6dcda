package com.tracecase.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseClosure;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseStatus;
import com.tracecase.casework.CustomerTier;
import com.tracecase.casework.FailureCase;
import com.tracecase.finance.CostKind;
import com.tracecase.finance.Remedy;
import com.tracecase.finance.LedgerEntry;
import com.tracecase.finance.WarrantyLedger;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.inventory.InventoryManagement;
import com.tracecase.inventory.ReservationPurpose;
import com.tracecase.inventory.ReservationStatus;
import com.tracecase.notification.Notifications;
import com.tracecase.quality.Containment;
import com.tracecase.quality.QualityManagement;
import com.tracecase.shared.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Every path of the failure case, driven through the engine as the people of each group
 * would work it, with the real delegates on PostgreSQL.
 */
@TracecaseIntegrationTest
class FailureCaseProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	@Autowired
	QualityManagement quality;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	WarrantyLedger ledger;

	@Autowired
	Notifications notifications;

	CaseDriver driver;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		driver = new CaseDriver(engine, cases);
	}

	/**
	 * A report of the fixture's failed unit, bought a year ago, through trace,
	 * investigation and notifications.
	 */
	private String reportedAndInvestigated(CaseFixture plant, LocalDate purchaseDate, CustomerTier tier) {
		String caseNumber = driver.fileReport(plant.failedUnit(), purchaseDate, tier);
		driver.runJobs(caseNumber);
		assertThat(driver.caseProcess(caseNumber)).isWaitingAt("Task_ReviewInvestigation");
		return caseNumber;
	}

	/** The mails a case queued, as "TEMPLATE to address". */
	private List<String> mailsOf(String caseNumber) {
		return notifications.messages(null, caseNumber, 100)
			.stream()
			.map(message -> message.template() + " to " + message.recipient())
			.toList();
	}

	private void confirm(String caseNumber, CaseFixture plant, boolean containment) {
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V", "suspectLotCode",
						plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded", containment));
	}

	@Test
	void noFaultFoundTellsTheCustomerAndClosesTheCase() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);
		ProcessInstance instance = driver.caseProcess(caseNumber);
		assertThat(instance).hasPassed("Task_TraceDevice", "Task_OpenInvestigation", "Task_NotifyQc",
				"Task_InformProduction", "Task_AcknowledgeCustomer", "Task_CheckInventory");

		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "NO_FAULT_FOUND", "qcNotes", "Records show nothing unusual"));
		assertThat(instance).isWaitingAt("Task_TellNoFaultFound");
		assertThat(variable(caseNumber, "failureConfirmed")).isEqualTo(false);
		// customer service starts from a message true to what QC did: the unit was never
		// received
		assertThat((String) variable(caseNumber, "customerMessage")).contains("production records")
			.doesNotContain("examined carefully");
		driver.complete(caseNumber, "Task_TellNoFaultFound", "cs.agent",
				Map.of("customerMessage", "We tested your unit for 48 hours and found no fault."));

		assertThat(instance).isEnded().hasPassed("End_NoFaultFound");
		FailureCase closed = cases.get(caseNumber);
		assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(closed.getClosure()).isEqualTo(CaseClosure.NO_FAULT_FOUND);
		assertThat(quality.findInvestigation(caseNumber))
			.hasValueSatisfying(investigation -> assertThat(investigation.getReview().failureConfirmed()).isFalse());
	}

	@Test
	void cheapRepairWaitsForTheUnitThenRepairsItAndPostsTheCost() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);
		confirm(caseNumber, plant, false);
		ProcessInstance instance = driver.caseProcess(caseNumber);

		// labor 67.50 + part 1.80 + shipping 12.50 = 81.80 is below the 150.00 threshold:
		// no approval needed
		assertThat(instance).isWaitingAt("Task_ReceiveUnit")
			.hasPassed("Task_DecideRemedy", "End_NoContainment")
			.hasNotPassed("Task_ApproveCost");
		assertThat(cases.get(caseNumber).getDecisionAction()).isEqualTo(Remedy.REPAIR);
		assertThat(cases.get(caseNumber).getDecisionInputs()).containsEntry("warrantyStatus", "IN_WARRANTY")
			.containsEntry("repairPartsAvailable", true);

		cases.receiveUnit(caseNumber, "prod.planner");
		driver.runJobs(caseNumber);
		assertThat(instance).isWaitingAt("Task_RepairUnit");
		// any usable PMIC lot but the suspect one
		String reservedLot = inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART)
			.orElseThrow()
			.getLotCode();
		assertThat(reservedLot).isIn(plant.pmicReelB, plant.pmicSpare);

		driver.complete(caseNumber, "Task_RepairUnit", "prod.planner", Map.of("removedLotCode", plant.pmicReelA,
				"installedLotCode", reservedLot, "repairNotes", "PMIC replaced, 24 h burn-in passed"));
		assertThat(instance).isWaitingAt("Task_ConfirmResolution")
			.hasPassed("Task_ReceiveUnit", "Task_RepairUnit", "Task_PostWarrantyCost");
		assertThat(inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART).orElseThrow().getStatus())
			.isEqualTo(ReservationStatus.USED);

		List<String> lotsInUnit = genealogy.traceDevice(plant.failedUnit())
			.lots()
			.stream()
			.map(TracedLot::lotCode)
			.toList();
		assertThat(lotsInUnit).contains(reservedLot).doesNotContain(plant.pmicReelA);
		assertThat(genealogy.findDevice(plant.failedUnit()).orElseThrow().status()).isEqualTo(LotStatus.RETURNED);
		// the removed part went to failure analysis in a lot of its own, written off
		// apart
		assertThat(genealogy.findLot("RM-" + caseNumber + "-1").orElseThrow().status())
			.isEqualTo(LotStatus.FAILURE_ANALYSIS);
		assertThat(ledger.entries(caseNumber)).extracting(LedgerEntry::getKind)
			.containsExactlyInAnyOrder(CostKind.LABOR, CostKind.PARTS, CostKind.SHIPPING, CostKind.MATERIAL_WRITE_OFF);

		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent",
				Map.of("resolutionSummary", "Your scanner was repaired and is on its way back."));
		assertThat(instance).isEnded().hasPassed("End_CaseClosed");
		assertThat(cases.get(caseNumber).getClosure()).isEqualTo(CaseClosure.RESOLVED);
	}

	@Test
	void earlyFailureIsReplacedAfterFinanceApproves() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(1), CustomerTier.STANDARD);
		confirm(caseNumber, plant, false);
		ProcessInstance instance = driver.caseProcess(caseNumber);
		assertThat(cases.get(caseNumber).getDecisionAction()).isEqualTo(Remedy.REPLACE);
		// unit 180.00 + shipping 12.50 is above the threshold
		assertThat(instance).isWaitingAt("Task_ApproveCost");

		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver",
				Map.of("financeVerdict", "APPROVED", "financeComment", "ok"));
		assertThat(instance).isWaitingAt("Task_ShipReplacement");
		String replacementLot = inventory.findReservation(caseNumber, ReservationPurpose.REPLACEMENT_UNIT)
			.orElseThrow()
			.getLotCode();
		assertThat(plant.deviceLots).contains(replacementLot);

		driver.complete(caseNumber, "Task_ShipReplacement", "prod.planner", Map.of("trackingNumber", "1Z999"));
		// the customer's failed unit comes back, and production decides where it goes
		assertThat(instance).isWaitingAt("Task_DisposeReturnedUnit");
		driver.complete(caseNumber, "Task_DisposeReturnedUnit", "prod.planner",
				Map.of("unitDisposition", "FAILURE_ANALYSIS"));
		assertThat(genealogy.findDevice(plant.failedUnit()).orElseThrow().status())
			.isEqualTo(LotStatus.FAILURE_ANALYSIS);
		assertThat(ledger.entries(caseNumber)).extracting(LedgerEntry::getKind)
			.containsExactlyInAnyOrder(CostKind.REPLACEMENT_UNIT, CostKind.SHIPPING, CostKind.MATERIAL_WRITE_OFF);
		assertThat(inventory.findReservation(caseNumber, ReservationPurpose.REPLACEMENT_UNIT).orElseThrow())
			.satisfies(reservation -> {
				assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.USED);
				assertThat(reservation.getSettledBy()).isEqualTo("prod.planner");
			});
		assertThat(genealogy.findLot(replacementLot).orElseThrow().status()).isEqualTo(LotStatus.SHIPPED);
		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent", Map.of("resolutionSummary", "Replaced."));
		assertThat(instance).isEnded().hasPassed("Task_RecordShipment", "Task_DisposeReturnedUnit", "End_CaseClosed");
	}

	@Test
	void aCaseCancelledWhileAReplacementIsReservedGivesTheUnitBack() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(1), CustomerTier.STANDARD);
		confirm(caseNumber, plant, false);
		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver",
				Map.of("financeVerdict", "APPROVED", "financeComment", "ok"));
		ProcessInstance instance = driver.caseProcess(caseNumber);
		assertThat(instance).isWaitingAt("Task_ShipReplacement");
		String replacementLot = inventory.findReservation(caseNumber, ReservationPurpose.REPLACEMENT_UNIT)
			.orElseThrow()
			.getLotCode();
		assertThat(genealogy.findLot(replacementLot).orElseThrow().status()).isEqualTo(LotStatus.RESERVED);

		engine.getRuntimeService().deleteProcessInstance(instance.getId(), "Filed twice");

		assertThat(inventory.findReservation(caseNumber, ReservationPurpose.REPLACEMENT_UNIT).orElseThrow().getStatus())
			.isEqualTo(ReservationStatus.RELEASED);
		assertThat(genealogy.findLot(replacementLot).orElseThrow().status()).isEqualTo(LotStatus.AVAILABLE);
	}

	@Test
	void withoutPartsOrUnitsTheCustomerIsRefunded() {
		CaseFixture plant = new CaseFixture().build(lots, false, 0);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);
		// the other PMIC reel is in stock: QC names a part of which nothing is left
		lots.changeStatus(plant.pmicReelB, LotStatus.QUARANTINED, "qc.engineer", "test: no stock");
		confirm(caseNumber, plant, false);
		assertThat(cases.get(caseNumber).getDecisionAction()).isEqualTo(Remedy.REFUND);
		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver", Map.of("financeVerdict", "APPROVED"));
		assertThat(ledger.entries(caseNumber)).extracting(LedgerEntry::getKind).containsExactly(CostKind.REFUND);
		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent", Map.of("resolutionSummary", "Refunded."));
		assertThat(driver.caseProcess(caseNumber)).isNull();
		assertThat(cases.get(caseNumber).getClosure()).isEqualTo(CaseClosure.RESOLVED);
	}

	@Test
	void financeRejectionGoesToTheManagersWhoMayDenyTheClaim() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(1), CustomerTier.STANDARD);
		confirm(caseNumber, plant, false);
		ProcessInstance instance = driver.caseProcess(caseNumber);
		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver",
				Map.of("financeVerdict", "REJECTED", "financeComment", "Unit shows liquid damage"));
		assertThat(instance).isWaitingAt("Task_ManagerDecision");
		driver.complete(caseNumber, "Task_ManagerDecision", "ops.manager",
				Map.of("managerAction", "DENY", "managerNotes", "Liquid damage is not covered"));

		assertThat(instance).isEnded().hasPassed("End_ClaimDenied").hasNotPassed("Task_PostWarrantyCost");
		FailureCase denied = cases.get(caseNumber);
		assertThat(denied.getClosure()).isEqualTo(CaseClosure.DENIED);
		assertThat(denied.getDecisionAction()).isEqualTo(Remedy.DENY);
		assertThat(denied.getDecidedBy()).isEqualTo("ops.manager");
		assertThat(ledger.entries(caseNumber)).isEmpty();
		assertThat(mailsOf(caseNumber)).contains("RESOLUTION to dana.miller@example.com");
	}

	@Test
	void outOfWarrantyWithoutPartsIsEscalatedToTheManagers() {
		CaseFixture plant = new CaseFixture().build(lots, false, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(30), CustomerTier.STANDARD);
		lots.changeStatus(plant.pmicReelB, LotStatus.QUARANTINED, "qc.engineer", "test: no stock");
		confirm(caseNumber, plant, false);
		ProcessInstance instance = driver.caseProcess(caseNumber);
		assertThat(cases.get(caseNumber).getDecisionAction()).isEqualTo(Remedy.ESCALATE);
		assertThat(instance).isWaitingAt("Task_ManagerDecision").hasNotPassed("Task_ApproveCost");
		driver.complete(caseNumber, "Task_ManagerDecision", "ops.manager",
				Map.of("managerAction", "REPLACE", "managerNotes", "Goodwill for a key account"));
		assertThat(instance).isWaitingAt("Task_ShipReplacement");
	}

	@Test
	void aRemedyWithoutStockGoesBackToTheManagers() {
		CaseFixture plant = new CaseFixture().build(lots, false, 0);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(30), CustomerTier.STANDARD);
		lots.changeStatus(plant.pmicReelB, LotStatus.QUARANTINED, "qc.engineer", "test: no stock");
		confirm(caseNumber, plant, false);
		ProcessInstance instance = driver.caseProcess(caseNumber);
		driver.complete(caseNumber, "Task_ManagerDecision", "ops.manager",
				Map.of("managerAction", "REPLACE", "managerNotes", "Replace instead"));
		assertThat(instance).hasPassed("Boundary_NoReplacementUnit").isWaitingAt("Task_ManagerDecision");
		driver.complete(caseNumber, "Task_ManagerDecision", "ops.manager",
				Map.of("managerAction", "REPAIR", "managerNotes", "Repair after all"));
		cases.receiveUnit(caseNumber, "prod.planner");
		driver.runJobs(caseNumber);
		assertThat(instance).hasPassed("Boundary_NoRepairPart").isWaitingAt("Task_ManagerDecision");
		assertThat(inventory.reservations(caseNumber)).isEmpty();
	}

	@Test
	void containmentQuarantinesStockBuiltFromTheSuspectLot() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);
		confirm(caseNumber, plant, true);
		ProcessInstance containment = driver.containmentProcess(caseNumber);
		assertThat(containment).isWaitingAt("Task_ApproveFieldAction")
			.hasPassed("Task_QuarantineStock", "Task_RequestSupplierAction", "Task_NotifyContainment");

		Containment contained = quality.findContainment(caseNumber).orElseThrow();
		// reel A went into boards 1 and 2 and so into devices 1 and 2, both shipped; the
		// boards were consumed
		assertThat(contained.getShippedSerialsAtRisk()).containsExactlyInAnyOrder(plant.devices.get(0),
				plant.devices.get(1));
		assertThat(contained.getQuarantinedLots()).doesNotContain(plant.deviceLots.get(2), plant.deviceLots.get(3));
		assertThat(mailsOf(caseNumber)).contains("CONTAINMENT to qc.engineer@tracecase.example",
				"CONTAINMENT to prod.planner@tracecase.example", "CONTAINMENT to ops.manager@tracecase.example");
		assertThat(quality.supplierActions(caseNumber)).singleElement()
			.satisfies(action -> assertThat(action.getSupplier()).isEqualTo("Mouser"));

		driver.complete(caseNumber, "Task_ApproveFieldAction", "ops.manager",
				Map.of("fieldActionVerdict", "APPROVED", "fieldActionNotes", "Recall the two shipped units"));
		assertThat(containment).isEnded();
		assertThat(quality.findContainment(caseNumber).orElseThrow().getFieldActionApproved()).isTrue();
	}

	@Test
	void anOpenReviewRemindsQcAndLaterEscalatesToManagers() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);
		ProcessInstance instance = driver.caseProcess(caseNumber);

		driver.fireTimer(caseNumber, "Timer_QcReminder");
		assertThat(instance).hasPassed("Task_RemindQc").isWaitingAt("Task_ReviewInvestigation");
		driver.fireTimer(caseNumber, "Timer_QcEscalation");
		assertThat(instance).hasPassed("Task_EscalateReview").isWaitingAt("Task_ReviewInvestigation");

		assertThat(mailsOf(caseNumber)).contains("REMINDER to qc.engineer@tracecase.example",
				"ESCALATION to ops.manager@tracecase.example");
		String reviewId = driver.task(caseNumber, "Task_ReviewInvestigation").getId();
		assertThat(engine.getTaskService().getIdentityLinksForTask(reviewId))
			.anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("managers"));
		// a manager now sees the review and hands it to a QC engineer, who completes it
		driver.asUser("ops.manager", () -> engine.getTaskService().setAssignee(reviewId, "qc.engineer"));
		assertThat(engine.getTaskService().createTaskQuery().taskId(reviewId).singleResult().getAssignee())
			.isEqualTo("qc.engineer");
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer", Map.of("qcVerdict", "NO_FAULT_FOUND"));
		assertThat(instance).isWaitingAt("Task_TellNoFaultFound");
	}

	@Test
	void anUnknownSerialFromTasklistAsksCustomerServiceToIdentifyTheDevice() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
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

		driver.complete(caseNumber, "Task_IdentifyDevice", "cs.agent",
				Map.of("serialNumber", plant.failedUnit(), "closeAsInvalid", false));
		assertThat(instance).isWaitingAt("Task_ReviewInvestigation");
		assertThat(cases.get(caseNumber).getSerialNumber()).isEqualTo(plant.failedUnit());
	}

	@Test
	void aReportOfADeviceNotOursIsClosedAsInvalid() {
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey(FailureCaseProcess.PROCESS_KEY,
					Variables.putValue("serialNumber", "OTHER-BRAND-1")
						.putValue("customerName", "Dana Miller")
						.putValue("customerEmail", "dana.miller@example.com")
						.putValue("symptomCategory", "OTHER")
						.putValue("description", "Not ours"));
		String caseNumber = instance.getBusinessKey();
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_IdentifyDevice", "cs.agent", Map.of("closeAsInvalid", true));
		assertThat(instance).isEnded().hasPassed("End_ReportInvalid");
		assertThat(cases.get(caseNumber).getClosure()).isEqualTo(CaseClosure.INVALID);
	}

	@Test
	void aUnitBookedInForACaseThatDoesNotWaitForItIsAConflict() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);
		assertThatThrownBy(() -> cases.receiveUnit(caseNumber, "prod.planner"))
			.isInstanceOf(com.tracecase.shared.StateConflictException.class)
			.hasMessageContaining("not waiting");
	}

	@Test
	void anIncompleteReviewOrASuspectLotOutsideTheUnitKeepsTheReviewOpen() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);
		assertThatThrownBy(() -> driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "suspectLotCode", plant.pmicReelB, "containmentNeeded", true)))
			.hasMessageContaining("is not inside unit")
			.hasMessageContaining("failure mode")
			.hasMessageContaining("root cause");
		assertThat(driver.caseProcess(caseNumber)).isWaitingAt("Task_ReviewInvestigation");
	}

	@Test
	void anUntouchedReviewIsRefusedAndStaysOpen() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);

		// what Tasklist submits for a form nobody touched: the prefilled values only
		assertThatThrownBy(() -> driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer", Map.of()))
			.satisfies(refused -> assertThat(invalidInput(refused).getMessage())
				.isEqualTo("Choose a verdict: Failure confirmed or No fault found."));

		assertThat(driver.caseProcess(caseNumber)).isWaitingAt("Task_ReviewInvestigation");
		assertThat(variable(caseNumber, "failureConfirmed")).isNull();
		assertThat(quality.findInvestigation(caseNumber).orElseThrow().getReview()).isNull();
	}

	@Test
	void aConfirmedFailureWithoutItsFailureModeIsRefusedWithTheSentence() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);

		assertThatThrownBy(() -> driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "rootCauseCategory", "COMPONENT")))
			.satisfies(refused -> assertThat(invalidInput(refused).getMessage())
				.isEqualTo("A confirmed failure needs its failure mode."));

		assertThat(driver.caseProcess(caseNumber)).isWaitingAt("Task_ReviewInvestigation");
		assertThat(quality.findInvestigation(caseNumber).orElseThrow().getReview()).isNull();
	}

	@Test
	void oneReportOffersTheUnitsLotsAsJsonAndPrefillsNoSuspect() throws Exception {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);

		assertThat(variable(caseNumber, "suspectLotCode")).isNull();
		assertThat(variable(caseNumber, "suspectPartNumber")).isNull();
		assertThat(variable(caseNumber, "lotSignal")).isEqualTo("One report: no lot signal yet.");
		assertThat((String) variable(caseNumber, "investigationSummary")).contains("One report: no lot signal yet.")
			.doesNotContain("from null")
			.doesNotContain("IN_WARRANTY")
			.contains("in warranty");
		JsonNode options = suspectLotOptions(caseNumber);
		assertThat(options.findValuesAsText("value")).contains(plant.pmicReelA, plant.mcuReel)
			// the unit's own board is a single unit: never a suspect
			.noneMatch(lot -> lot.startsWith(plant.p + "-PCBA"));
		assertThat(options.findValuesAsText("label"))
			.anySatisfy(label -> assertThat(label).contains(plant.pmicReelA).contains("Mouser").contains("2611"));
	}

	@Test
	void qcConfirmsChoosesTheSuspectLotFromTheListAndContainsItAsTheReadmeSays() throws Exception {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);
		String chosen = null;
		for (JsonNode option : suspectLotOptions(caseNumber)) {
			if (option.path("label").asText().contains("PMIC BQ25895")
					&& option.path("label").asText().contains("2611")) {
				chosen = option.path("value").asText();
			}
		}
		assertThat(chosen).isEqualTo(plant.pmicReelA);

		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V", "rootCauseCategory",
						"COMPONENT", "suspectLotCode", chosen, "containmentNeeded", true));

		assertThat(driver.containmentProcess(caseNumber)).isWaitingAt("Task_ApproveFieldAction");
		assertThat(quality.findInvestigation(caseNumber).orElseThrow().getReview().suspectPartNumber())
			.isEqualTo(plant.pmic);
		assertThat(quality.supplierActions(caseNumber)).singleElement()
			.satisfies(action -> assertThat(action.getPartNumber()).isEqualTo(plant.pmic));
	}

	private Object variable(String caseNumber, String name) {
		return engine.getRuntimeService().getVariable(driver.caseProcess(caseNumber).getId(), name);
	}

	private JsonNode suspectLotOptions(String caseNumber) throws Exception {
		TypedValue value = engine.getRuntimeService()
			.getVariableTyped(driver.caseProcess(caseNumber).getId(), "suspectLotOptions", false);
		// a JSON variable: what form-js reads for the select's options
		assertThat(value.getType().getName()).isEqualTo("json");
		JsonNode options = new ObjectMapper().readTree(((SerializableValue) value).getValueSerialized());
		assertThat(options.isArray()).isTrue();
		assertThat(options).isNotEmpty();
		return options;
	}

	private static InvalidInputException invalidInput(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInputException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("no InvalidInputException in the cause chain", thrown);
	}

	@Test
	void stepsThatRunTwiceLeaveOneRecord() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = reportedAndInvestigated(plant, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);
		var first = quality.findInvestigation(caseNumber).orElseThrow();
		// a job whose lock expired runs its step again
		var again = quality.openInvestigation(caseNumber, plant.failedUnit(), null);
		assertThat(again.getOpenedAt()).isEqualTo(first.getOpenedAt());

		List<com.tracecase.finance.CostLine> lines = List
			.of(new com.tracecase.finance.CostLine(CostKind.LABOR, new java.math.BigDecimal("10.00"), "labor"));
		ledger.post(caseNumber, lines, false);
		ledger.post(caseNumber, lines, false);
		assertThat(ledger.entries(caseNumber)).hasSize(1);
	}

}
