package com.tracecase.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.tracecase.genealogy.Lot;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.NewBuild;
import com.tracecase.genealogy.NewConsumption;
import com.tracecase.genealogy.NewLot;
import com.tracecase.genealogy.Part;
import com.tracecase.genealogy.PartKind;

/**
 * A small plant of its own for each test, built through the genealogy API: reels of MCUs
 * and PMICs, a PCB assembly build that changes PMIC reels mid-build, and a device build
 * of four serialized handhelds. Codes carry a random prefix, so tests sharing the
 * database never see each other's lots.
 */
public final class CaseFixture {

	public final String p = "C" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();

	public final String product = code("HX2");

	public final String pcba = code("PCBA");

	public final String mcu = code("MCU");

	public final String pmic = code("PMIC");

	public final String mcuReel = code("MCU-R1");

	/** The PMIC reel of the first two boards: the suspect. */
	public final String pmicReelA = code("PMIC-RA");

	/** The PMIC reel after the reel change. */
	public final String pmicReelB = code("PMIC-RB");

	/** A spare PMIC reel in stock, for repairs. */
	public final String pmicSpare = code("PMIC-SPARE");

	public List<String> devices;

	public List<String> deviceLots;

	public String code(String suffix) {
		return p + "-" + suffix;
	}

	/**
	 * @param sparePartsInStock whether a spare PMIC reel is available for repairs
	 * @param unitsInStock how many of the four devices stay in stock as replacements (the
	 * others are shipped)
	 */
	public CaseFixture build(LotManagement lots, boolean sparePartsInStock, int unitsInStock) {
		lots.createPart(new Part(product, "HX2 Handheld Scanner", PartKind.PRODUCT, new BigDecimal("180.00"),
				"Tracecase Devices", true));
		lots.createPart(new Part(pcba, "HX2 main board assembly", PartKind.SUBASSEMBLY, new BigDecimal("60.00"),
				"Tracecase Devices", false));
		lots.createPart(new Part(mcu, "MCU STM32L4", PartKind.COMPONENT, new BigDecimal("4.20"), "ST", false));
		lots.createPart(new Part(pmic, "PMIC BQ25895", PartKind.COMPONENT, new BigDecimal("1.80"), "TI", false));
		LocalDate received = LocalDate.now().minusMonths(2);
		lots.createLot(new NewLot(mcuReel, mcu, "Arrow", "2618", new BigDecimal("1000"), received, "R1", null, null));
		lots.createLot(
				new NewLot(pmicReelA, pmic, "Mouser", "2611", new BigDecimal("500"), received, "R2", null, null));
		lots.createLot(
				new NewLot(pmicReelB, pmic, "Mouser", "2622", new BigDecimal("500"), received, "R3", null, null));
		if (sparePartsInStock) {
			lots.createLot(
					new NewLot(pmicSpare, pmic, "Digi-Key", "2630", new BigDecimal("200"), received, "R4", null, null));
		}

		String boardBuild = code("B-PCBA");
		List<Lot> boards = lots.createBuild(
				new NewBuild(boardBuild, pcba, new BigDecimal("4"), received.plusDays(1), true, code("PCBA"), null));
		lots.recordConsumption(boardBuild, new NewConsumption(mcuReel, new BigDecimal("4"), null));
		for (int i = 0; i < boards.size(); i++) {
			// the PMIC reel ran out after two boards
			String reel = i < 2 ? pmicReelA : pmicReelB;
			lots.recordConsumption(boardBuild, new NewConsumption(reel, BigDecimal.ONE, boards.get(i).lotCode()));
		}
		lots.completeBuild(boardBuild, "prod.planner");

		String deviceBuild = code("B-HX2");
		List<Lot> units = lots.createBuild(
				new NewBuild(deviceBuild, product, new BigDecimal("4"), received.plusDays(2), true, code("HX2"), null));
		for (int i = 0; i < units.size(); i++) {
			lots.recordConsumption(deviceBuild,
					new NewConsumption(boards.get(i).lotCode(), BigDecimal.ONE, units.get(i).lotCode()));
		}
		lots.completeBuild(deviceBuild, "prod.planner");
		devices = units.stream().map(Lot::serialNumber).toList();
		deviceLots = units.stream().map(Lot::lotCode).toList();
		for (int i = 0; i < units.size() - unitsInStock; i++) {
			lots.changeStatus(deviceLots.get(i), LotStatus.SHIPPED, "prod.planner", "Shipped to a customer");
		}
		return this;
	}

	/** The first device: shipped, built with the suspect PMIC reel. */
	public String failedUnit() {
		return devices.get(0);
	}

}
