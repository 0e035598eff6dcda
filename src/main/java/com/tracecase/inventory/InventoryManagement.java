package com.tracecase.inventory;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.ReturnedMaterial;
import com.tracecase.genealogy.StockLot;
import com.tracecase.genealogy.StockSummary;
import com.tracecase.shared.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The inventory API: what can repair or replace a failed unit, and reservations of it.
 */
@Service
public class InventoryManagement {

	private final Genealogy genealogy;

	private final LotManagement lots;

	private final Reservations reservations;

	private final ReturnedMaterial returnedMaterial;

	private final Clock clock;

	InventoryManagement(Genealogy genealogy, LotManagement lots, Reservations reservations,
			ReturnedMaterial returnedMaterial, Clock clock) {
		this.genealogy = genealogy;
		this.lots = lots;
		this.reservations = reservations;
		this.returnedMaterial = returnedMaterial;
		this.clock = clock;
	}

	/**
	 * Checks stock for a case.
	 * @param productPartNumber the failed unit's product
	 * @param suspectPartNumbers the component parts that may need replacing
	 * @param excludedLotCodes lots that must not be used (the suspect lots)
	 * @return the stock, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public StockCheck check(String productPartNumber, Collection<String> suspectPartNumbers,
			Collection<String> excludedLotCodes) {
		List<PartStock> parts = suspectPartNumbers.stream()
			.distinct()
			.map(part -> usableStock(part, excludedLotCodes))
			.toList();
		return new StockCheck(parts, usableStock(productPartNumber, excludedLotCodes));
	}

	/**
	 * Checks that the replacement reserved for a case can be shipped as recorded: the
	 * reservation still stands, its unit is still reserved, and the shipment has a
	 * tracking number.
	 * @throws InvalidInputException naming the field at fault
	 */
	@Transactional(readOnly = true)
	public void checkReplacementShipment(String caseNumber, String trackingNumber) {
		Reservation reservation = reservations
			.findByCaseNumberAndPurpose(caseNumber, ReservationPurpose.REPLACEMENT_UNIT)
			.orElseThrow(() -> new InvalidInputException("replacementLotCode",
					"No replacement unit is reserved for case " + caseNumber + "."));
		LotStatus status = genealogy.findLot(reservation.getLotCode()).map(lot -> lot.status()).orElse(null);
		if (!reservation.isHeld() || status != LotStatus.RESERVED) {
			throw new InvalidInputException("replacementLotCode", "Replacement unit " + reservation.getLotCode()
					+ " is no longer reserved for this case; ask the managers to decide again.");
		}
		if (!StringUtils.hasText(trackingNumber)) {
			throw new InvalidInputException("trackingNumber", "Enter the shipment's tracking number.");
		}
		if (trackingNumber.trim().length() > 100) {
			throw new InvalidInputException("trackingNumber", "The tracking number is longer than 100 characters.");
		}
	}

	/**
	 * Reserves one unit of a part for a case: a replacement unit is set to
	 * {@code reserved}; a component lot keeps its status and one unit of it is held. Held
	 * units are not offered to other cases until the reservation is used or released, and
	 * reservations of one part are made one after the other, so two cases never get the
	 * last unit. A case reserves once per purpose; asking again returns the first
	 * reservation.
	 * @return the reservation, empty when there is no usable stock of the part (nothing
	 * is written then)
	 */
	@Transactional
	public Optional<Reservation> reserve(String caseNumber, ReservationPurpose purpose, String partNumber,
			Collection<String> excludedLotCodes, String actor) {
		Optional<Reservation> existing = reservations.findByCaseNumberAndPurpose(caseNumber, purpose);
		if (existing.isPresent()) {
			return existing;
		}
		reservations.lockPart(partNumber);
		Optional<StockLot> usable = usableStock(partNumber, excludedLotCodes).lots().stream().findFirst();
		if (usable.isEmpty()) {
			return Optional.empty();
		}
		StockLot lot = usable.get();
		if (purpose == ReservationPurpose.REPLACEMENT_UNIT) {
			lots.changeStatus(lot.lotCode(), LotStatus.RESERVED, actor, "Replacement unit for case " + caseNumber);
		}
		return Optional.of(reservations.save(new Reservation(caseNumber, purpose, partNumber, lot.lotCode(),
				lot.serialNumber(), clock.instant(), actor)));
	}

	/**
	 * Repairs a case's unit, using the part reserved for it: the repair is recorded in
	 * the unit's genealogy and the reservation is used. Where another lot is installed,
	 * the reservation is released instead, and that lot must have a unit no other case
	 * holds.
	 * @throws InvalidInputException naming the field at fault, for the reasons of
	 * {@link LotManagement#recordRepair} or when every unit of the installed lot is held
	 * for other cases
	 */
	@Transactional
	public void repair(String caseNumber, String serialNumber, String removedLotCode, String installedLotCode,
			String actor, String reason) {
		repair(caseNumber, serialNumber, removedLotCode, installedLotCode,
				ReturnedMaterial.defaultForRemovedPart().name(), null, actor, reason);
	}

	/**
	 * Repairs a case's unit as
	 * {@link #repair(String, String, String, String, String, String)} does, and books the
	 * removed part into a lot of its own with the chosen disposition
	 * ({@link ReturnedMaterial#recordRepair}); the removed part never enters stock.
	 * @param removedPartDisposition a {@link com.tracecase.genealogy.Disposition} name
	 * @param removedPartLocation where the removed part goes, {@literal null} for the
	 * disposition's default
	 * @return the removed part's lot, never {@literal null}
	 * @throws InvalidInputException naming the field at fault; nothing is written then
	 */
	@Transactional
	public com.tracecase.genealogy.Disposal repair(String caseNumber, String serialNumber, String removedLotCode,
			String installedLotCode, String removedPartDisposition, String removedPartLocation, String actor,
			String reason) {
		com.tracecase.genealogy.Disposition.of("removedPartDisposition", "the removed part", removedPartDisposition);
		Optional<Reservation> reserved = held(caseNumber, ReservationPurpose.REPAIR_PART);
		String installed = installedLotCode == null ? null : installedLotCode.trim();
		boolean usesReservation = reserved.isPresent() && reserved.get().getLotCode().equals(installed);
		if (!usesReservation && installed != null) {
			genealogy.findLot(installed).ifPresent(lot -> {
				reservations.lockPart(lot.partNumber());
				BigDecimal free = lot.quantity()
					.subtract(held(List.of(installed)).getOrDefault(installed, BigDecimal.ZERO));
				if (free.compareTo(BigDecimal.ONE) < 0 && lot.quantity().signum() > 0) {
					throw new InvalidInputException("installedLotCode", "Every unit of lot " + installed
							+ " on hand is reserved for other cases; install the reserved lot or another one.");
				}
			});
		}
		com.tracecase.genealogy.Disposal removedPart = returnedMaterial.recordRepair(caseNumber, serialNumber,
				removedLotCode, installedLotCode, removedPartDisposition, removedPartLocation, actor, reason);
		reserved.ifPresent(reservation -> {
			if (usesReservation) {
				reservation.settle(ReservationStatus.USED, clock.instant(), actor, "Installed in " + serialNumber);
			}
			else {
				reservation.settle(ReservationStatus.RELEASED, clock.instant(), actor,
						"Lot " + installed + " was installed instead.");
			}
		});
		return removedPart;
	}

	/**
	 * Ships the replacement unit reserved for a case: the unit leaves stock as shipped,
	 * the failed unit's history says it was replaced, and the reservation is used.
	 * @throws InvalidInputException naming the field at fault, for the reasons of
	 * {@link #checkReplacementShipment}
	 */
	@Transactional
	public void shipReplacement(String caseNumber, String failedSerialNumber, String trackingNumber, String actor) {
		checkReplacementShipment(caseNumber, trackingNumber);
		Reservation reservation = reservations
			.findByCaseNumberAndPurpose(caseNumber, ReservationPurpose.REPLACEMENT_UNIT)
			.orElseThrow();
		String reason = "Replacement for case " + caseNumber + " (unit " + failedSerialNumber + "), tracking "
				+ trackingNumber.trim();
		lots.changeStatus(reservation.getLotCode(), LotStatus.SHIPPED, actor, reason);
		lots.recordServiceEvent(failedSerialNumber, "REPLACED",
				"Replaced by unit " + reservation.getSerialNumber() + " for case " + caseNumber, actor);
		if (reservation.isHeld()) {
			reservation.settle(ReservationStatus.USED, clock.instant(), actor,
					"Shipped, tracking " + trackingNumber.trim());
		}
	}

	/**
	 * Gives back to stock what a case still holds, when the case ends without using it: a
	 * reserved replacement unit becomes available again.
	 * @param note why, shown with the reservation
	 * @return the reservations released, empty when the case held nothing
	 */
	@Transactional
	public List<Reservation> release(String caseNumber, String actor, String note) {
		List<Reservation> held = reservations.findByCaseNumberAndStatus(caseNumber, ReservationStatus.HELD);
		for (Reservation reservation : held) {
			reservation.settle(ReservationStatus.RELEASED, clock.instant(), actor, note);
			if (reservation.getPurpose() == ReservationPurpose.REPLACEMENT_UNIT
					&& genealogy.findLot(reservation.getLotCode())
						.filter(lot -> lot.status() == LotStatus.RESERVED)
						.isPresent()) {
				lots.changeStatus(reservation.getLotCode(), LotStatus.AVAILABLE, actor,
						"Reservation for case " + caseNumber + " released: " + note);
			}
		}
		return held;
	}

	private Optional<Reservation> held(String caseNumber, ReservationPurpose purpose) {
		return reservations.findByCaseNumberAndPurpose(caseNumber, purpose).filter(Reservation::isHeld);
	}

	@Transactional(readOnly = true)
	public Optional<Reservation> findReservation(String caseNumber, ReservationPurpose purpose) {
		return reservations.findByCaseNumberAndPurpose(caseNumber, purpose);
	}

	@Transactional(readOnly = true)
	public List<Reservation> reservations(String caseNumber) {
		return reservations.findByCaseNumber(caseNumber);
	}

	/**
	 * The part's available lots, each with what held reservations leave of its quantity:
	 * the totals and the oldest lots come from the database, so the check costs the same
	 * whatever the stock; only the lots held by reservations are read one by one.
	 */
	private PartStock usableStock(String partNumber, Collection<String> excludedLotCodes) {
		Map<String, BigDecimal> held = byLot(reservations.heldQuantitiesOfPart(partNumber)
			.stream()
			.filter(h -> !excludedLotCodes.contains(h.getLotCode())));
		StockSummary available = genealogy.stock(partNumber, LotStatus.AVAILABLE, excludedLotCodes,
				PartStock.LOTS_NAMED + held.size());
		BigDecimal quantity = available.quantity();
		int lotCount = available.lotCount();
		for (StockLot lot : genealogy.stockAmong(partNumber, LotStatus.AVAILABLE, held.keySet())) {
			BigDecimal kept = held.get(lot.lotCode());
			quantity = quantity.subtract(kept.min(lot.quantity()));
			lotCount -= (kept.compareTo(lot.quantity()) >= 0) ? 1 : 0;
		}
		List<StockLot> oldest = available.oldest()
			.stream()
			.map(lot -> held.containsKey(lot.lotCode())
					? lot.withQuantity(lot.quantity().subtract(held.get(lot.lotCode()))) : lot)
			.filter(lot -> lot.quantity().signum() > 0)
			.limit(PartStock.LOTS_NAMED)
			.toList();
		return new PartStock(partNumber, quantity, lotCount, oldest);
	}

	private Map<String, BigDecimal> held(Collection<String> lotCodes) {
		if (lotCodes.isEmpty()) {
			return Map.of();
		}
		return byLot(reservations.heldQuantities(lotCodes).stream());
	}

	private static Map<String, BigDecimal> byLot(Stream<Reservations.HeldQuantity> held) {
		return held
			.collect(Collectors.toMap(Reservations.HeldQuantity::getLotCode, Reservations.HeldQuantity::getQuantity));
	}

}
