package com.tracecase.inventory;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.StockLot;
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

	private final Clock clock;

	InventoryManagement(Genealogy genealogy, LotManagement lots, Reservations reservations, Clock clock) {
		this.genealogy = genealogy;
		this.lots = lots;
		this.reservations = reservations;
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
	 * Reserves stock of a part for a case: a replacement unit is set to {@code reserved};
	 * a component lot keeps its status (one unit of a reel is set aside). A case reserves
	 * once per purpose; asking again returns the first reservation.
	 * @return the reservation, empty when there is no usable stock of the part (nothing
	 * is written then)
	 */
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
		if (status != LotStatus.RESERVED) {
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

	@Transactional
	public Optional<Reservation> reserve(String caseNumber, ReservationPurpose purpose, String partNumber,
			Collection<String> excludedLotCodes, String actor) {
		Optional<Reservation> existing = reservations.findByCaseNumberAndPurpose(caseNumber, purpose);
		if (existing.isPresent()) {
			return existing;
		}
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

	@Transactional(readOnly = true)
	public Optional<Reservation> findReservation(String caseNumber, ReservationPurpose purpose) {
		return reservations.findByCaseNumberAndPurpose(caseNumber, purpose);
	}

	@Transactional(readOnly = true)
	public List<Reservation> reservations(String caseNumber) {
		return reservations.findByCaseNumber(caseNumber);
	}

	private PartStock usableStock(String partNumber, Collection<String> excludedLotCodes) {
		List<StockLot> usable = genealogy.stock(partNumber, LotStatus.AVAILABLE)
			.stream()
			.filter(lot -> !excludedLotCodes.contains(lot.lotCode()))
			.filter(lot -> lot.quantity().signum() > 0)
			.toList();
		BigDecimal quantity = usable.stream().map(StockLot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new PartStock(partNumber, quantity, usable);
	}

}
