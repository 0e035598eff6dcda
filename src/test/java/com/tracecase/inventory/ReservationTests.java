package com.tracecase.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.NewLot;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.workflow.CaseFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reservation holds what it reserved: no other case gets it until it is used or
 * released.
 */
@TracecaseIntegrationTest
class ReservationTests {

	@Autowired
	InventoryManagement inventory;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	CaseFixture plant;

	/**
	 * A PMIC reel with one part left, the only usable one (the other reels are suspect).
	 */
	String lastPart;

	@BeforeEach
	void setUp() {
		plant = new CaseFixture().build(lots, false, 1);
		lastPart = plant.code("PMIC-LAST");
		lots.createLot(
				new NewLot(lastPart, plant.pmic, "Mouser", "2640", BigDecimal.ONE, LocalDate.now(), "R9", null, null));
	}

	private static String caseNumber() {
		return "FC-T" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Optional<Reservation> reservePart(String caseNumber) {
		return inventory.reserve(caseNumber, ReservationPurpose.REPAIR_PART, plant.pmic,
				List.of(plant.pmicReelA, plant.pmicReelB), "tracecase");
	}

	private Optional<Reservation> reserveUnit(String caseNumber) {
		return inventory.reserve(caseNumber, ReservationPurpose.REPLACEMENT_UNIT, plant.product, List.of(),
				"tracecase");
	}

	@Test
	void aHeldPartIsNotOfferedToAnotherCase() {
		String first = caseNumber();
		assertThat(reservePart(first)).hasValueSatisfying(reservation -> {
			assertThat(reservation.getLotCode()).isEqualTo(lastPart);
			assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.HELD);
		});
		// the reel itself stays available, with its one part set aside
		assertThat(genealogy.findLot(lastPart).orElseThrow().status()).isEqualTo(LotStatus.AVAILABLE);

		String second = caseNumber();
		assertThat(reservePart(second)).isEmpty();
		StockCheck stock = inventory.check(plant.product, List.of(plant.pmic),
				List.of(plant.pmicReelA, plant.pmicReelB));
		assertThat(stock.repairPartsAvailable()).isFalse();
		assertThat(inventory.reservations(second)).isEmpty();
		// asking again for the first case answers its reservation
		assertThat(reservePart(first)).map(Reservation::getLotCode).hasValue(lastPart);
	}

	@Test
	void aStockCheckCountsEveryUsableLotAndNamesTheOldest() {
		for (int i = 1; i <= PartStock.LOTS_NAMED + 3; i++) {
			lots.createLot(new NewLot(plant.code("PMIC-EXTRA-" + i), plant.pmic, "Mouser", "2641",
					BigDecimal.valueOf(i), LocalDate.now().minusDays(i), "R" + i, null, null));
		}
		// one reel held in part by a case, the suspect reels left out
		List<String> suspects = List.of(plant.pmicReelA, plant.pmicReelB);
		Reservation held = reservePart(caseNumber()).orElseThrow();

		PartStock stock = inventory.check(plant.product, List.of(plant.pmic), suspects).repairParts().get(0);

		// every available lot, read one by one, less what is held and the suspects
		List<com.tracecase.genealogy.StockLot> usable = genealogy.stock(plant.pmic, LotStatus.AVAILABLE)
			.stream()
			.filter(lot -> !suspects.contains(lot.lotCode()))
			.map(lot -> lot.lotCode().equals(held.getLotCode())
					? lot.withQuantity(lot.quantity().subtract(held.getQuantity())) : lot)
			.filter(lot -> lot.quantity().signum() > 0)
			.toList();
		assertThat(usable).hasSizeGreaterThan(PartStock.LOTS_NAMED);
		assertThat(stock.lotCount()).isEqualTo(usable.size());
		assertThat(stock.quantity()).isEqualByComparingTo(usable.stream()
			.map(com.tracecase.genealogy.StockLot::quantity)
			.reduce(BigDecimal.ZERO, BigDecimal::add));
		assertThat(stock.lots()).isEqualTo(usable.subList(0, PartStock.LOTS_NAMED));
	}

	@Test
	void twoCasesRacingForTheLastPartGetItOnce() throws Exception {
		int racers = 4;
		CyclicBarrier start = new CyclicBarrier(racers);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Optional<Reservation>>> results = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				String caseNumber = caseNumber();
				results.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return reservePart(caseNumber);
				}));
			}
			List<Reservation> won = new ArrayList<>();
			for (Future<Optional<Reservation>> result : results) {
				result.get(30, TimeUnit.SECONDS).ifPresent(won::add);
			}
			assertThat(won).hasSize(1);
			assertThat(won.get(0).getLotCode()).isEqualTo(lastPart);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoCasesRacingForTheLastUnitGetItOnce() throws Exception {
		int racers = 4;
		CyclicBarrier start = new CyclicBarrier(racers);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<Optional<Reservation>>> results = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				String caseNumber = caseNumber();
				results.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return reserveUnit(caseNumber);
				}));
			}
			List<String> reservedUnits = new ArrayList<>();
			for (Future<Optional<Reservation>> result : results) {
				result.get(30, TimeUnit.SECONDS).ifPresent(reservation -> reservedUnits.add(reservation.getLotCode()));
			}
			assertThat(reservedUnits).containsExactly(plant.deviceLots.get(3));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void releasingGivesTheHeldStockBackToOtherCases() {
		String first = caseNumber();
		String unit = reserveUnit(first).orElseThrow().getLotCode();
		reservePart(first).orElseThrow();
		assertThat(genealogy.findLot(unit).orElseThrow().status()).isEqualTo(LotStatus.RESERVED);

		assertThat(inventory.release(first, "tracecase", "Case ended without using it.")).hasSize(2);
		assertThat(inventory.reservations(first)).allSatisfy(reservation -> {
			assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.RELEASED);
			assertThat(reservation.getSettledNote()).isEqualTo("Case ended without using it.");
			assertThat(reservation.getSettledAt()).isNotNull();
		});
		assertThat(genealogy.findLot(unit).orElseThrow().status()).isEqualTo(LotStatus.AVAILABLE);
		// nothing is held twice: a second release changes nothing
		assertThat(inventory.release(first, "tracecase", "again")).isEmpty();

		String second = caseNumber();
		assertThat(reservePart(second)).map(Reservation::getLotCode).hasValue(lastPart);
		assertThat(reserveUnit(second)).map(Reservation::getLotCode).hasValue(unit);
	}

	@Test
	void aRepairWithTheReservedPartUsesTheReservation() {
		String caseNumber = caseNumber();
		reservePart(caseNumber).orElseThrow();
		inventory.repair(caseNumber, plant.failedUnit(), plant.pmicReelA, lastPart, "prod.planner", "PMIC replaced");

		Reservation reservation = inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART).orElseThrow();
		assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.USED);
		assertThat(reservation.getSettledBy()).isEqualTo("prod.planner");
		assertThat(genealogy.findLot(lastPart).orElseThrow().quantity()).isEqualByComparingTo(BigDecimal.ZERO);
		// released at the case's end, a used reservation stays used
		assertThat(inventory.release(caseNumber, "tracecase", "ended")).isEmpty();
	}

	@Test
	void aRepairCannotInstallAPartHeldForAnotherCase() {
		String holder = caseNumber();
		reservePart(holder).orElseThrow();
		String other = caseNumber();

		assertThatThrownBy(() -> inventory.repair(other, plant.failedUnit(), plant.pmicReelA, lastPart, "prod.planner",
				"PMIC replaced"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					refused -> assertThat(refused.violations()).singleElement().satisfies(violation -> {
						assertThat(violation.field()).isEqualTo("installedLotCode");
						assertThat(violation.message()).contains("reserved for other cases");
					}));
		assertThat(genealogy.findLot(lastPart).orElseThrow().quantity()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(inventory.findReservation(holder, ReservationPurpose.REPAIR_PART).orElseThrow().getStatus())
			.isEqualTo(ReservationStatus.HELD);
	}

	@Test
	void aRepairWithAnotherLotReleasesTheReservation() {
		String caseNumber = caseNumber();
		reservePart(caseNumber).orElseThrow();
		inventory.repair(caseNumber, plant.failedUnit(), plant.pmicReelA, plant.pmicReelB, "prod.planner",
				"Took a part of the other reel");

		Reservation reservation = inventory.findReservation(caseNumber, ReservationPurpose.REPAIR_PART).orElseThrow();
		assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(reservation.getSettledNote()).contains(plant.pmicReelB);
		assertThat(reservePart(caseNumber())).map(Reservation::getLotCode).hasValue(lastPart);
	}

}
