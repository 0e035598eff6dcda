package com.tracecase.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.AtRiskLot;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Lot;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.NewBuild;
import com.tracecase.genealogy.NewConsumption;
import com.tracecase.genealogy.NewLot;
import com.tracecase.genealogy.Part;
import com.tracecase.genealogy.PartKind;
import com.tracecase.quality.LotSignal.Separation;
import com.tracecase.quality.LotSignal.SuspectGroup;
import com.tracecase.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The evidence an investigation shows QC, on real PostgreSQL: which lots of the unit
 * could explain the reports that share them, and only those.
 */
@TracecaseIntegrationTest
class InvestigationEvidenceTests {

	@Autowired
	QualityManagement quality;

	@Autowired
	Genealogy genealogy;

	@Autowired
	LotManagement lots;

	@Test
	void aSingleReportNamesNoSuspectAndSaysSo() {
		Plant plant = new Plant(4).unitLevel("PMIC-A", "Mouser", 0, 1).unitLevel("PMIC-B", "Mouser", 2, 3).build();

		Investigation investigation = quality.openInvestigation(plant.caseNumber(0), plant.device(0), null);

		assertThat(investigation.lotSignalText()).isEqualTo("One report: no lot signal yet.");
		assertThat(investigation.getFacts().lotSignal().groups()).isEmpty();
		assertThat(investigation.getFacts().atRisk()).isEmpty();
		assertThat(investigation.prefilledSuspect()).isEmpty();
		assertThat(investigation.summary()).contains("One report: no lot signal yet.").doesNotContain("null");
		// QC can still name any of the unit's shared lots
		assertThat(investigation.getFacts().suspectOptions()).extracting(SuspectLotOption::value)
			.contains(plant.lot("PMIC-A"), plant.lot("MCU"));
	}

	@Test
	void theUnitsOwnSingleUnitLotsAreNeverSuspects() {
		Plant plant = new Plant(4).unitLevel("PMIC-A", "Mouser", 0, 1).unitLevel("PMIC-B", "Mouser", 2, 3).build();
		plant.investigate(1);

		Investigation investigation = plant.investigate(0);

		String ownBoard = plant.board(0);
		assertThat(investigation.getFacts().componentLots())
			.anySatisfy(lot -> assertThat(lot.lotCode()).isEqualTo(ownBoard));
		assertThat(investigation.getFacts().atRisk()).extracting(AtRiskLot::lotCode).doesNotContain(ownBoard);
		assertThat(investigation.getFacts().lotSignal().groups()).flatExtracting(SuspectGroup::lotCodes)
			.doesNotContain(ownBoard);
		assertThat(investigation.getFacts().suspectOptions()).extracting(SuspectLotOption::value)
			.doesNotContain(ownBoard);
		assertThatThrownBy(() -> quality.recordReview(plant.caseNumber(0),
				new ReviewInput("FAILURE_CONFIRMED", "No boot", ownBoard, "WORKMANSHIP", false, null), "qc.engineer"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("single unit");
		// the board is still shown as what it is: built in-house, in its build
		assertThat(investigation.summary()).contains(ownBoard + " — Main board assembly")
			.contains("built in-house in build " + plant.code("B-PCBA"));
	}

	@Test
	void twoReportsSharingALotRankItFirstAndPrefillIt() {
		Plant plant = new Plant(4).unitLevel("PMIC-A", "Mouser", 0, 1).unitLevel("PMIC-B", "Mouser", 2, 3).build();
		plant.investigate(1);

		Investigation investigation = plant.investigate(0);

		LotSignal signal = investigation.getFacts().lotSignal();
		assertThat(signal.failedUnits()).isEqualTo(2);
		assertThat(signal.groups().get(0).lotCodes()).containsExactly(plant.lot("PMIC-A"));
		assertThat(signal.groups().get(0).failedSerialNumbers()).containsExactlyInAnyOrder(plant.device(0),
				plant.device(1));
		// the MCU reel is in both failed units too, but also in the two that did not fail
		assertThat(signal.groups()).extracting(group -> group.lotCodes().get(0))
			.containsExactly(plant.lot("PMIC-A"), plant.lot("MCU"));
		assertThat(investigation.prefilledSuspect()).hasValueSatisfying(suspect -> {
			assertThat(suspect.value()).isEqualTo(plant.lot("PMIC-A"));
			assertThat(suspect.partNumber()).isEqualTo(plant.code("PMIC"));
			assertThat(suspect.label()).contains("Mouser").contains("date code 2611").contains("PMIC BQ25895");
		});
		assertThat(investigation.getFacts().suspectOptions().get(0).value()).isEqualTo(plant.lot("PMIC-A"));
		assertThat(investigation.lotSignalText()).contains(plant.lot("PMIC-A") + " — PMIC BQ25895")
			.contains("in 2 of the 2 reported units; 2 units contain it in all");
	}

	@Test
	void lotsTheReportsCannotTellApartAreOneGroupWithWhatSeparatesThem() {
		Plant plant = new Plant(6).unitLevel("PMIC-A", "Mouser", 0, 1)
			.unitLevel("PMIC-B", "Mouser", 2, 3, 4, 5)
			// the same boards as PMIC-A: nothing can tell them apart but the parts
			.unitLevel("PCB-A", "AT&S", 0, 1)
			.unitLevel("PCB-B", "AT&S", 2, 3, 4, 5)
			// as many units each, but not the same ones
			.unitLevel("CAP-Q", "Murata", 0, 1, 4)
			.unitLevel("CAP-R", "Yageo", 0, 1, 5)
			.build();
		plant.investigate(1);

		Investigation investigation = plant.investigate(0);

		List<SuspectGroup> groups = investigation.getFacts().lotSignal().groups();
		assertThat(groups).extracting(SuspectGroup::lotCodes)
			.containsExactly(List.of(plant.lot("PCB-A"), plant.lot("PMIC-A")),
					List.of(plant.lot("CAP-Q"), plant.lot("CAP-R")), List.of(plant.lot("MCU")));
		assertThat(groups.get(0).separations())
			.containsExactly(new Separation(plant.lot("PCB-A"), plant.lot("PMIC-A"), 0, 0));
		assertThat(groups.get(1).separations())
			.containsExactly(new Separation(plant.lot("CAP-Q"), plant.lot("CAP-R"), 1, 1));
		assertThat(groups.get(1).totalUnits()).isEqualTo(3);
		// QC chooses between the lots the reports cannot tell apart
		assertThat(investigation.prefilledSuspect()).isEmpty();
		assertThat(investigation.lotSignalText()).contains("2 lots the reports cannot tell apart")
			.contains("only examining the parts can separate them")
			.contains("1 unit contain the first but not the second");
	}

	@Test
	void aRepairedUnitCountsForTheLotsItHoldsNowAsTheAtRiskAnswerDoes() {
		Plant plant = new Plant(4).unitLevel("PMIC-A", "Mouser", 0, 1, 2).unitLevel("PMIC-B", "Mouser", 3).build();
		plant.investigate(0);
		plant.investigate(2);
		lots.createLot(new NewLot(plant.code("PMIC-S"), plant.code("PMIC"), "Mouser", "2640", new BigDecimal("10"),
				LocalDate.now().minusMonths(1), "R3", null, null));
		lots.recordRepair(plant.device(0), plant.lot("PMIC-A"), plant.code("PMIC-S"), "prod.tech", "PMIC replaced");

		Investigation investigation = plant.investigate(1);

		List<String> unitLots = investigation.getFacts().componentLots().stream().map(lot -> lot.lotCode()).toList();
		List<AtRiskLot> expected = genealogy.atRisk(List.of(plant.device(0), plant.device(1), plant.device(2)))
			.stream()
			.filter(lot -> unitLots.contains(lot.lotCode()))
			.filter(lot -> lot.failedUnits() >= 2)
			.toList();
		assertThat(investigation.getFacts().atRisk()).isEqualTo(expected);
		// the repaired unit no longer holds the PMIC lot: two of the three reports do
		assertThat(expected).filteredOn(lot -> lot.lotCode().equals(plant.lot("PMIC-A")))
			.singleElement()
			.satisfies(lot -> assertThat(lot.failedUnits()).isEqualTo(2));
	}

	@Test
	void theRankingIsTheAtRiskAnswerOverTheReportsSharingLotsRestrictedToTheUnitsLots() {
		Plant plant = new Plant(6).unitLevel("PMIC-A", "Mouser", 0, 1, 2)
			.unitLevel("PMIC-B", "Mouser", 3, 4, 5)
			.unitLevel("CAP-Q", "Murata", 0, 3)
			.unitLevel("CAP-R", "Murata", 1, 2, 4, 5)
			.build();
		plant.investigate(1);
		plant.investigate(3);
		// a report on another product that shares no lot with these units
		Plant elsewhere = new Plant(2).unitLevel("PMIC-X", "Arrow", 0, 1).build();
		elsewhere.investigate(0);

		Investigation investigation = plant.investigate(0);

		assertThat(investigation.getFacts().relatedReports()).extracting(InvestigationFacts.RelatedReport::caseNumber)
			.containsExactlyInAnyOrder(plant.caseNumber(1), plant.caseNumber(3));
		List<String> unitLots = investigation.getFacts().componentLots().stream().map(lot -> lot.lotCode()).toList();
		List<AtRiskLot> expected = genealogy.atRisk(List.of(plant.device(0), plant.device(1), plant.device(3)))
			.stream()
			.filter(lot -> unitLots.contains(lot.lotCode()))
			.filter(lot -> lot.failedUnits() >= 2)
			.toList();
		assertThat(expected).isNotEmpty();
		assertThat(investigation.getFacts().atRisk()).isEqualTo(expected);
		// the unrelated report was not part of the walk: with it, the population and so
		// every score would differ
		List<AtRiskLot> withEveryReport = genealogy
			.atRisk(List.of(plant.device(0), plant.device(1), plant.device(3), elsewhere.device(0)));
		assertThat(withEveryReport.stream().filter(lot -> unitLots.contains(lot.lotCode())).toList())
			.isNotEqualTo(expected);
		assertThat(investigation.getFacts().lotSignal().failedUnits()).isEqualTo(3);
	}

	/**
	 * A small plant of its own: serialized main boards built from an MCU reel (every
	 * board) and the unit-level lots a test names, and one serialized device per board.
	 */
	final class Plant {

		final String p = "Q" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();

		final int size;

		final Map<String, String[]> unitLevel = new LinkedHashMap<>();

		final Map<String, int[]> boardsOf = new LinkedHashMap<>();

		List<String> devices = new ArrayList<>();

		List<String> boards = new ArrayList<>();

		Plant(int size) {
			this.size = size;
		}

		String code(String suffix) {
			return p + "-" + suffix;
		}

		String lot(String suffix) {
			return code(suffix);
		}

		String device(int i) {
			return devices.get(i);
		}

		String board(int i) {
			return boards.get(i);
		}

		String caseNumber(int i) {
			return "QC-" + p + "-" + i;
		}

		Investigation investigate(int i) {
			return quality.openInvestigation(caseNumber(i), device(i), LocalDate.now().minusMonths(3));
		}

		Plant unitLevel(String suffix, String supplier, int... boardIndexes) {
			unitLevel.put(suffix, new String[] { supplier });
			boardsOf.put(suffix, boardIndexes);
			return this;
		}

		Plant build() {
			lots.createPart(new Part(code("HX2"), "Handheld scanner", PartKind.PRODUCT, new BigDecimal("180.00"),
					"Tracecase Devices", true));
			lots.createPart(new Part(code("PCBA"), "Main board assembly", PartKind.SUBASSEMBLY, new BigDecimal("60.00"),
					"Tracecase Devices", false));
			lots.createPart(
					new Part(code("MCU-P"), "MCU STM32L4", PartKind.COMPONENT, new BigDecimal("4.20"), "ST", false));
			LocalDate received = LocalDate.now().minusMonths(4);
			lots.createLot(new NewLot(code("MCU"), code("MCU-P"), "Arrow", "2618", new BigDecimal("1000"), received,
					"R1", null, null));
			for (var entry : unitLevel.entrySet()) {
				String part = code(entry.getKey().replaceAll("-[A-Z]$", ""));
				if (genealogy.findPart(part).isEmpty()) {
					String description = part.endsWith("PMIC") ? "PMIC BQ25895" : entry.getKey() + " part";
					lots.createPart(new Part(part, description, PartKind.COMPONENT, new BigDecimal("1.00"),
							entry.getValue()[0], false));
				}
				lots.createLot(new NewLot(code(entry.getKey()), part, entry.getValue()[0], "2611",
						new BigDecimal("500"), received, "R2", null, null));
			}
			String boardBuild = code("B-PCBA");
			List<Lot> boardLots = lots.createBuild(new NewBuild(boardBuild, code("PCBA"), new BigDecimal(size),
					received.plusDays(1), true, code("MB"), null));
			lots.recordConsumption(boardBuild, new NewConsumption(code("MCU"), new BigDecimal(size), null));
			for (var entry : boardsOf.entrySet()) {
				for (int board : entry.getValue()) {
					lots.recordConsumption(boardBuild,
							new NewConsumption(code(entry.getKey()), BigDecimal.ONE, boardLots.get(board).lotCode()));
				}
			}
			lots.completeBuild(boardBuild, "prod.planner");
			String deviceBuild = code("B-HX2");
			List<Lot> units = lots.createBuild(new NewBuild(deviceBuild, code("HX2"), new BigDecimal(size),
					received.plusDays(2), true, code("HX2"), null));
			for (int i = 0; i < units.size(); i++) {
				lots.recordConsumption(deviceBuild,
						new NewConsumption(boardLots.get(i).lotCode(), BigDecimal.ONE, units.get(i).lotCode()));
			}
			lots.completeBuild(deviceBuild, "prod.planner");
			devices = units.stream().map(Lot::serialNumber).toList();
			boards = boardLots.stream().map(Lot::lotCode).toList();
			return this;
		}

	}

}
