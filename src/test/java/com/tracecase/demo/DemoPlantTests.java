package com.tracecase.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseClosure;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.genealogy.AtRiskLot;
import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.GenealogyImports;
import com.tracecase.genealogy.LinkPrecision;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.inventory.InventoryManagement;
import com.tracecase.inventory.ReservationPurpose;
import com.tracecase.inventory.StockCheck;
import com.tracecase.workflow.CaseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The demo plant loads through the import and lets every walk of the README work. (Its
 * part numbers are fixed, so it loads once per test database, and every test about it
 * lives here.)
 */
@TracecaseIntegrationTest
class DemoPlantTests {

	/** The serials the README walks with. */
	static final List<String> README_SERIALS = List.of("HX2-001331", "HX2-001589", "HX2-001859", "HX2-002121");

	private static List<String> complained;

	@Autowired
	GenealogyImports imports;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	@Autowired
	InventoryManagement inventory;

	@Autowired
	CaseManagement cases;

	@Autowired
	ProcessEngine engine;

	@BeforeEach
	void loadOnce() {
		// the runner is off in tests (tracecase.demo.data=false); load as it would
		synchronized (DemoPlantTests.class) {
			if (complained == null) {
				complained = new DemoPlant(imports, genealogy, lots).load();
			}
		}
	}

	@Test
	void loadsTheHandheldsAndPointsTheComplaintsAtOneChargerReel() {
		assertThat(genealogy.isEmpty()).isFalse();
		Device device = genealogy.findDevice("HX2-000123").orElseThrow();
		assertThat(device.partDescription()).isEqualTo("HX2 Handheld Scanner");
		assertThat(device.buildCode()).isEqualTo("B-DEV-00001");
		assertThat(genealogy.findDevice("HX2-003000").orElseThrow().status()).isEqualTo(LotStatus.IN_PRODUCTION);

		List<TracedLot> trace = genealogy.traceDevice("HX2-000123").lots();
		assertThat(trace).extracting(TracedLot::partKind).contains(PartKind.SUBASSEMBLY, PartKind.COMPONENT);
		assertThat(trace).extracting(TracedLot::precision).contains(LinkPrecision.UNIT, LinkPrecision.BUILD);
		assertThat(trace).extracting(TracedLot::partNumber)
			.contains("HX2-MB-A", "HX2-BP-2S", "U-STM32L476", "U-BQ25895", "CELL-INR18650", "PCB-HX2-MB", "HSG-HX2");

		List<AtRiskLot> atRisk = genealogy.atRisk(complained);
		assertThat(atRisk.get(0).lotCode()).isEqualTo(GenealogyGenerator.suspectReel());
		assertThat(atRisk.get(0).failedUnits()).isEqualTo(4);
		assertThat(genealogy.serviceHistory(complained.get(0))).extracting(e -> e.type())
			.contains("BUILT", "REPORTED_FAILING");
	}

	@Test
	void everyShippedHandheldHasItsCustomerSoARecallCanReachThem() {
		for (String serial : README_SERIALS) {
			assertThat(genealogy.shipments(serial)).as(serial).singleElement().satisfies(shipment -> {
				assertThat(shipment.customerName()).isNotBlank();
				assertThat(shipment.reference()).isEqualTo("DN-" + serial.substring("HX2-".length()));
			});
		}
		// a unit still in production has gone to no one
		assertThat(genealogy.shipments("HX2-003000")).isEmpty();
		// the recall of the suspect reel reaches customers with and without an address
		List<com.tracecase.genealogy.RecallUnit> field = genealogy.recallUnits(GenealogyGenerator.suspectReel())
			.stream()
			.filter(unit -> unit.whereabouts() == com.tracecase.genealogy.Whereabouts.FIELD)
			.toList();
		assertThat(field).isNotEmpty().allSatisfy(unit -> assertThat(unit.shipment()).as(unit.lotCode()).isNotNull());
		assertThat(field).anySatisfy(unit -> assertThat(unit.shipment().customerEmail()).isNotBlank());
		assertThat(field).anySatisfy(unit -> assertThat(unit.shipment().customerEmail()).isNull());
	}

	@Test
	void theReadmeSerialsAreShippedWithTheSuspectReelAndCanBeRepairedOrReplaced() throws Exception {
		assertThat(complained).containsExactlyElementsOf(README_SERIALS);
		assertThat(Files.readString(Path.of("README.md"))).contains(README_SERIALS);
		for (String serial : README_SERIALS) {
			// with the customer: a case can book its return
			assertThat(genealogy.findDevice(serial).orElseThrow().status()).as(serial).isEqualTo(LotStatus.SHIPPED);
			List<TracedLot> trace = genealogy.traceDevice(serial).lots();
			assertThat(trace).extracting(TracedLot::lotCode).as(serial).contains(GenealogyGenerator.suspectReel());

			// whichever purchased lot QC names, another lot of its part is in stock
			for (TracedLot lot : trace) {
				if (lot.partKind() == PartKind.COMPONENT) {
					StockCheck stock = inventory.check("HX2", List.of(lot.partNumber()), List.of(lot.lotCode()));
					assertThat(stock.repairPartsAvailable()).as("repair parts for %s of %s", lot.lotCode(), serial)
						.isTrue();
					assertThat(stock.replacementAvailable()).as("replacement units for %s", serial).isTrue();
				}
			}
		}
	}

	@Test
	void theReadmeWalkRepairsAReadmeSerial() {
		BpmnAwareTests.init(engine);
		CaseDriver driver = new CaseDriver(engine, cases);
		String serial = README_SERIALS.get(1);
		String caseNumber = driver.fileReport(serial, LocalDate.now().minusMonths(12), CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "Does not charge, charger IC output 0 V",
						"suspectLotCode", GenealogyGenerator.suspectReel(), "rootCauseCategory", "COMPONENT",
						"containmentNeeded", false));
		assertThat(cases.get(caseNumber).getDecisionAction()).isEqualTo(com.tracecase.finance.Remedy.REPAIR);

		cases.receiveUnit(caseNumber, "prod.planner");
		driver.runJobs(caseNumber);
		assertThat(genealogy.findDevice(serial).orElseThrow().status()).isEqualTo(LotStatus.RETURNED);
		String reserved = inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART)
			.orElseThrow()
			.getLotCode();
		driver.complete(caseNumber, "Task_RepairUnit", "prod.planner", Map.of("removedLotCode",
				GenealogyGenerator.suspectReel(), "installedLotCode", reserved, "repairNotes", "Charger IC replaced"));
		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent",
				Map.of("resolutionSummary", "Your scanner was repaired and is on its way back."));

		assertThat(driver.caseProcess(caseNumber)).isNull();
		assertThat(cases.get(caseNumber).getClosure()).isEqualTo(CaseClosure.RESOLVED);
		assertThat(genealogy.traceDevice(serial).lots()).extracting(TracedLot::lotCode)
			.contains(reserved)
			.doesNotContain(GenealogyGenerator.suspectReel());
	}

}
