package com.tracecase.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import java.net.http.HttpResponse;

import com.tracecase.PageSession;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.finance.CostKind;
import com.tracecase.finance.LedgerEntry;
import com.tracecase.finance.WarrantyCostFigures;
import com.tracecase.finance.WarrantyLedger;
import com.tracecase.genealogy.Disposal;
import com.tracecase.genealogy.DisposedItem;
import com.tracecase.genealogy.Disposition;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Lot;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.ReturnedMaterial;
import com.tracecase.genealogy.ServiceEvent;
import com.tracecase.genealogy.StockLot;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.inventory.InventoryManagement;
import com.tracecase.inventory.ReservationPurpose;
import com.tracecase.inventory.ReservationStatus;
import com.tracecase.shared.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Removed parts and returned units through the real engine: the repair books the removed
 * component into a lot of its own, the replaced unit goes to its disposition carrying its
 * case, each written off once in the warranty ledger and never into stock.
 */
@TracecaseIntegrationTest
class ReturnedMaterialProcessTests {

	@LocalServerPort
	int port;

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
	ReturnedMaterial returnedMaterial;

	@Autowired
	WarrantyLedger ledger;

	@Autowired
	WarrantyCostFigures figures;

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

	/** A repair case waiting at Task_RepairUnit, its unit received. */
	private String waitingForRepair(CaseFixture plant) {
		String caseNumber = confirmed(plant, LocalDate.now().minusMonths(12));
		cases.receiveUnit(caseNumber, "prod.planner");
		driver.runJobs(caseNumber);
		assertThat(driver.caseProcess(caseNumber)).isWaitingAt("Task_RepairUnit");
		return caseNumber;
	}

	private BigDecimal unitCost(String partNumber) {
		return genealogy.findPart(partNumber).orElseThrow().unitCost().setScale(2, RoundingMode.HALF_UP);
	}

	private List<LedgerEntry> writeOffs(String caseNumber) {
		return ledger.entries(caseNumber).stream().filter(e -> e.getKind() == CostKind.MATERIAL_WRITE_OFF).toList();
	}

	/** Every lot of the part in each stock status, with its quantity. */
	private Map<LotStatus, List<String>> stockOf(String partNumber) {
		Map<LotStatus, List<String>> stock = new EnumMap<>(LotStatus.class);
		for (LotStatus status : LotStatus.values()) {
			if (status.inStock()) {
				stock.put(status,
						genealogy.stock(partNumber, status)
							.stream()
							.map(lot -> lot.lotCode() + "=" + lot.quantity().stripTrailingZeros().toPlainString())
							.toList());
			}
		}
		return stock;
	}

	@Test
	void theRepairBooksTheRemovedPartIntoALotOfItsOwnAndWritesItsValueOffOnceApartFromStock() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = waitingForRepair(plant);
		String installed = inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART)
			.orElseThrow()
			.getLotCode();
		// failure analysis is prefilled for a confirmed component failure
		assertThat(engine.getTaskService().getVariables(driver.task(caseNumber, "Task_RepairUnit").getId()))
			.containsEntry("removedPartDisposition", "FAILURE_ANALYSIS");
		Lot removedFrom = genealogy.getLot(plant.pmicReelA);
		Map<CostKind, BigDecimal> totalsBefore = figures.totals("EUR");
		BigDecimal installedBefore = genealogy.getLot(installed).quantity();

		driver.complete(caseNumber, "Task_RepairUnit", "prod.planner", Map.of("removedLotCode", plant.pmicReelA,
				"installedLotCode", installed, "removedPartLocation", "FA shelf 3", "repairNotes", "PMIC replaced"));

		ProcessInstance instance = driver.caseProcess(caseNumber);
		assertThat(instance).isWaitingAt("Task_ConfirmResolution").hasPassed("Task_PostWarrantyCost");
		String removedPartLot = "RM-" + caseNumber + "-1";
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), "removedPartLotCode"))
			.isEqualTo(removedPartLot);
		Lot removed = genealogy.getLot(removedPartLot);
		assertThat(removed.status()).isEqualTo(LotStatus.FAILURE_ANALYSIS);
		assertThat(removed.location()).isEqualTo("FA shelf 3");
		assertThat(removed.partNumber()).isEqualTo(removedFrom.partNumber());
		assertThat(removed.supplier()).isEqualTo(removedFrom.supplier());
		assertThat(removed.quantity()).isEqualByComparingTo(BigDecimal.ONE);
		Disposal disposal = returnedMaterial.disposal(removedPartLot).orElseThrow();
		assertThat(disposal.item()).isEqualTo(DisposedItem.REMOVED_PART);
		assertThat(disposal.originLotCode()).isEqualTo(plant.pmicReelA);
		assertThat(disposal.serialNumber()).isEqualTo(plant.failedUnit());
		assertThat(disposal.caseNumber()).isEqualTo(caseNumber);
		assertThat(disposal.by()).isEqualTo("prod.planner");
		assertThat(genealogy.serviceHistory(plant.failedUnit())).extracting(ServiceEvent::summary)
			.anySatisfy(summary -> assertThat(summary).contains(removedPartLot, plant.pmicReelA, caseNumber));

		// the remedy's costs are posted as before, and the removed part's value once, on
		// its own line
		assertThat(ledger.entries(caseNumber)).extracting(LedgerEntry::getKind)
			.containsExactlyInAnyOrder(CostKind.LABOR, CostKind.PARTS, CostKind.SHIPPING, CostKind.MATERIAL_WRITE_OFF);
		LedgerEntry writeOff = writeOffs(caseNumber).get(0);
		assertThat(writeOff.getAmount()).isEqualByComparingTo(unitCost(plant.pmic));
		assertThat(writeOff.getItemLotCode()).isEqualTo(removedPartLot);
		assertThat(writeOff.getDescription()).contains(removedPartLot, plant.pmicReelA);
		assertThat(figures.totals("EUR").get(CostKind.MATERIAL_WRITE_OFF))
			.isEqualByComparingTo(totalsBefore.get(CostKind.MATERIAL_WRITE_OFF).add(unitCost(plant.pmic)));

		// stock: the installed lot gave one unit, as any repair; the removed part is in
		// no
		// stock and the reel it came from is as it was
		assertThat(genealogy.getLot(installed).quantity())
			.isEqualByComparingTo(installedBefore.subtract(BigDecimal.ONE));
		assertThat(genealogy.getLot(plant.pmicReelA).quantity()).isEqualByComparingTo(removedFrom.quantity());
		assertThat(genealogy.getLot(plant.pmicReelA).status()).isEqualTo(removedFrom.status());
		assertThat(stockOf(plant.pmic).values().stream().flatMap(List::stream))
			.noneSatisfy(lot -> assertThat(lot).startsWith(removedPartLot));
		assertThat(inventory.check(plant.product, List.of(plant.pmic), List.of()).repairParts().get(0).lots())
			.extracting(StockLot::lotCode)
			.doesNotContain(removedPartLot);
		assertThat(inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART).orElseThrow().getStatus())
			.isEqualTo(ReservationStatus.USED);

		// a write-off sent again (a retried step) books nothing more
		ledger.writeOff(caseNumber, removedPartLot, unitCost(plant.pmic), "again");
		assertThat(writeOffs(caseNumber)).hasSize(1);
	}

	@Test
	void aRefusedDispositionOfTheRemovedPartKeepsTheRepairOpenAndWritesNothing() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = waitingForRepair(plant);
		String installed = inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART)
			.orElseThrow()
			.getLotCode();
		BigDecimal installedBefore = genealogy.getLot(installed).quantity();

		refused(() -> driver.complete(caseNumber, "Task_RepairUnit", "prod.planner",
				Map.of("removedLotCode", plant.pmicReelA, "installedLotCode", installed, "removedPartDisposition",
						"LANDFILL")),
				"removedPartDisposition", "'LANDFILL' is not a way to dispose of the removed part");
		refused(() -> driver.complete(caseNumber, "Task_RepairUnit", "prod.planner", Map.of("removedLotCode",
				plant.pmicReelA, "installedLotCode", installed, "removedPartDisposition", " ")),
				"removedPartDisposition", "Choose what happens to the removed part");
		refused(() -> driver.complete(caseNumber, "Task_RepairUnit", "prod.planner", Map.of("removedLotCode",
				plant.pmicReelA, "installedLotCode", installed, "removedPartLocation", "x".repeat(201))),
				"removedPartLocation", "The location");

		assertThat(driver.caseProcess(caseNumber)).isWaitingAt("Task_RepairUnit");
		assertThat(genealogy.traceDevice(plant.failedUnit()).lots()).extracting(TracedLot::lotCode)
			.contains(plant.pmicReelA)
			.doesNotContain(installed);
		assertThat(genealogy.findLot("RM-" + caseNumber + "-1")).isEmpty();
		assertThat(returnedMaterial.ofCase(caseNumber)).isEmpty();
		assertThat(genealogy.getLot(installed).quantity()).isEqualByComparingTo(installedBefore);
		assertThat(inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART).orElseThrow().getStatus())
			.isEqualTo(ReservationStatus.HELD);
		assertThat(ledger.entries(caseNumber)).isEmpty();

		// chosen properly, the same repair goes through
		driver.complete(caseNumber, "Task_RepairUnit", "prod.planner", Map.of("removedLotCode", plant.pmicReelA,
				"installedLotCode", installed, "removedPartDisposition", "RECYCLING"));
		Lot removed = genealogy.getLot("RM-" + caseNumber + "-1");
		assertThat(removed.status()).isEqualTo(LotStatus.RECYCLING);
		assertThat(removed.location()).isEqualTo(returnedMaterial.defaultLocation(Disposition.RECYCLING));
	}

	@Test
	void theReplacedUnitGoesToFailureAnalysisCarryingItsCaseAndIsWrittenOffOnce() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = confirmed(plant, LocalDate.now().minusMonths(1));
		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver", Map.of("financeVerdict", "APPROVED"));
		driver.complete(caseNumber, "Task_ShipReplacement", "prod.planner", Map.of("trackingNumber", "1Z999"));
		ProcessInstance instance = driver.caseProcess(caseNumber);
		assertThat(instance).isWaitingAt("Task_DisposeReturnedUnit");
		String unitLot = genealogy.findDevice(plant.failedUnit()).orElseThrow().lotCode();
		Map<String, List<String>> stockBefore = Map.of(plant.product,
				stockOf(plant.product).values().stream().flatMap(List::stream).toList(), plant.pmic,
				stockOf(plant.pmic).values().stream().flatMap(List::stream).toList());

		// a disposition that is not one keeps the task open and writes nothing
		refused(() -> driver.complete(caseNumber, "Task_DisposeReturnedUnit", "prod.planner",
				Map.of("unitDisposition", "MELT")), "unitDisposition",
				"'MELT' is not a way to dispose of the returned unit");
		assertThat(instance).isWaitingAt("Task_DisposeReturnedUnit");
		assertThat(genealogy.getLot(unitLot).status()).isEqualTo(LotStatus.SHIPPED);
		assertThat(returnedMaterial.ofCase(caseNumber)).isEmpty();
		assertThat(writeOffs(caseNumber)).isEmpty();

		driver.complete(caseNumber, "Task_DisposeReturnedUnit", "prod.planner",
				Map.of("unitDisposition", "FAILURE_ANALYSIS", "unitNotes", "Case scratched"));

		assertThat(instance).isWaitingAt("Task_ConfirmResolution").hasPassed("Task_PostWarrantyCost");
		Lot unit = genealogy.getLot(unitLot);
		assertThat(unit.status()).isEqualTo(LotStatus.FAILURE_ANALYSIS);
		assertThat(unit.location()).isEqualTo(returnedMaterial.defaultLocation(Disposition.FAILURE_ANALYSIS));
		Disposal disposal = returnedMaterial.disposal(unitLot).orElseThrow();
		assertThat(disposal.item()).isEqualTo(DisposedItem.RETURNED_UNIT);
		assertThat(disposal.caseNumber()).isEqualTo(caseNumber);
		assertThat(disposal.note()).isEqualTo("Case scratched");
		// booked back in first, then to failure analysis, both with the case
		assertThat(genealogy.serviceHistory(plant.failedUnit())).extracting(ServiceEvent::summary)
			.anySatisfy(summary -> assertThat(summary).contains("SHIPPED", "RETURNED", caseNumber))
			.anySatisfy(summary -> assertThat(summary).contains("RETURNED", "FAILURE_ANALYSIS", caseNumber));
		assertThat(ledger.entries(caseNumber)).extracting(LedgerEntry::getKind)
			.containsExactlyInAnyOrder(CostKind.REPLACEMENT_UNIT, CostKind.SHIPPING, CostKind.MATERIAL_WRITE_OFF);
		assertThat(writeOffs(caseNumber).get(0).getAmount()).isEqualByComparingTo(unitCost(plant.product));
		assertThat(writeOffs(caseNumber).get(0).getItemLotCode()).isEqualTo(unitLot);
		// the returned unit joins no stock; the rest of the stock is as it was
		List<String> productStockAfter = stockOf(plant.product).values().stream().flatMap(List::stream).toList();
		assertThat(productStockAfter).containsExactlyInAnyOrderElementsOf(stockBefore.get(plant.product));
		assertThat(productStockAfter).noneSatisfy(lot -> assertThat(lot).startsWith(unitLot + "="));
		assertThat(stockOf(plant.pmic).values().stream().flatMap(List::stream).toList())
			.containsExactlyInAnyOrderElementsOf(stockBefore.get(plant.pmic));

		// the same disposal again (a retried step) answers the first and books nothing
		Disposal again = returnedMaterial.disposeReturnedUnit(caseNumber, plant.failedUnit(), "SCRAP", null,
				"prod.planner", null);
		assertThat(again.sentTo()).isEqualTo(Disposition.FAILURE_ANALYSIS);
		assertThat(genealogy.getLot(unitLot).status()).isEqualTo(LotStatus.FAILURE_ANALYSIS);
		assertThat(writeOffs(caseNumber)).hasSize(1);

		// after the analysis QC scraps it with the reason; the write-off stays one
		returnedMaterial.move(unitLot, "SCRAP", null, "qc.engineer", "Analysis done: ESD damage on the PMIC");
		assertThat(genealogy.getLot(unitLot).status()).isEqualTo(LotStatus.SCRAPPED);
		assertThat(genealogy.getLot(unitLot).location()).isEqualTo(returnedMaterial.defaultLocation(Disposition.SCRAP));
		assertThat(genealogy.lotHistory(unitLot)).anySatisfy(event -> {
			assertThat(event.summary()).contains("FAILURE_ANALYSIS", "SCRAPPED", "Analysis done: ESD damage");
			assertThat(event.actor()).isEqualTo("qc.engineer");
		});
		assertThat(writeOffs(caseNumber)).hasSize(1);

		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent", Map.of("resolutionSummary", "Replaced."));
		assertThat(instance).isEnded().hasPassed("Task_DisposeReturnedUnit", "End_CaseClosed");
	}

	@Test
	void onlyWhatIsInFailureAnalysisMovesOnAndOnlyToScrapOrRecycling() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = waitingForRepair(plant);
		String installed = inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART)
			.orElseThrow()
			.getLotCode();
		driver.complete(caseNumber, "Task_RepairUnit", "prod.planner", Map.of("removedLotCode", plant.pmicReelA,
				"installedLotCode", installed, "removedPartDisposition", "SCRAP"));
		String removed = "RM-" + caseNumber + "-1";
		assertThat(genealogy.getLot(removed).status()).isEqualTo(LotStatus.SCRAPPED);

		assertThatThrownBy(() -> returnedMaterial.move(removed, "RECYCLING", null, "qc.engineer", "why"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("only what is in failure analysis moves on");
		assertThatThrownBy(() -> returnedMaterial.move(plant.pmicReelB, "SCRAP", null, "qc.engineer", "why"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not a removed part or returned unit");
		assertThatThrownBy(() -> returnedMaterial.move(removed, "FAILURE_ANALYSIS", null, "qc.engineer", "why"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Choose scrap or recycling");
		// nobody sends a lot to failure analysis by hand: that carries a case
		assertThat(Arrays.stream(LotStatus.values()).filter(s -> s.canChangeTo(LotStatus.FAILURE_ANALYSIS))).isEmpty();
	}

	@Test
	void aRefundedUnitThatComesBackIsBookedInFromItsDevicePageWithItsCase() throws Exception {
		CaseFixture plant = new CaseFixture().build(lots, false, 0);
		// nothing to repair or replace with: the confirmed failure is refunded
		lots.changeStatus(plant.pmicReelB, LotStatus.QUARANTINED, "qc.engineer", "test: no stock");
		String caseNumber = confirmed(plant, LocalDate.now().minusMonths(12));
		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver", Map.of("financeVerdict", "APPROVED"));
		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent", Map.of("resolutionSummary", "Refunded."));
		assertThat(ledger.entries(caseNumber)).extracting(LedgerEntry::getKind).containsExactly(CostKind.REFUND);
		String device = "/devices/" + plant.failedUnit();

		// customer service reads the page; the booking is production's or QC's
		PageSession agent = new PageSession(port, "cs.agent");
		assertThat(Jsoup.parse(agent.get(device).body()).getElementById("disposal-form")).isNull();
		HttpResponse<String> forbidden = agent.post(device + "/disposal",
				Map.of("caseNumber", caseNumber, "unitDisposition", "SCRAP", "_csrf", agent.csrf()));
		assertThat(forbidden.statusCode()).isEqualTo(403);

		PageSession production = new PageSession(port, "prod.planner");
		HttpResponse<String> bad = production.submit(device, "disposal-form",
				Map.of("caseNumber", caseNumber, "unitDisposition", "MELT"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(bad.body()).getElementById("error-summary").text())
			.contains("'MELT' is not a way to dispose of the returned unit");
		HttpResponse<String> otherCase = production.submit(device, "disposal-form",
				Map.of("caseNumber", "FC-1999-000001", "unitDisposition", "SCRAP"));
		assertThat(Jsoup.parse(otherCase.body()).getElementById("error-summary").text())
			.contains("Choose the refunded or denied case of unit " + plant.failedUnit());
		assertThat(genealogy.findDevice(plant.failedUnit()).orElseThrow().status()).isEqualTo(LotStatus.SHIPPED);
		assertThat(writeOffs(caseNumber)).isEmpty();

		HttpResponse<String> booked = production.submit(device, "disposal-form",
				Map.of("caseNumber", caseNumber, "unitDisposition", "FAILURE_ANALYSIS", "unitLocation", "FA bench 2"));
		Document page = Jsoup.parse(booked.body());
		assertThat(page.getElementById("done-message").text()).isEqualTo(
				"Unit " + plant.failedUnit() + " is in failure analysis at FA bench 2, with case " + caseNumber + ".");
		assertThat(page.getElementById("unit-disposal").text()).contains("In failure analysis", "FA bench 2",
				caseNumber);
		assertThat(page.getElementById("disposal-form")).isNull();
		assertThat(genealogy.findDevice(plant.failedUnit()).orElseThrow().status())
			.isEqualTo(LotStatus.FAILURE_ANALYSIS);
		assertThat(writeOffs(caseNumber)).singleElement()
			.satisfies(entry -> assertThat(entry.getAmount()).isEqualByComparingTo(unitCost(plant.product)));
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

}
