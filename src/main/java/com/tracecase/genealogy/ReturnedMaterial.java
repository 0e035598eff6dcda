package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.tracecase.genealogy.internal.DispositionProperties;
import com.tracecase.genealogy.internal.DispositionRecords;
import com.tracecase.genealogy.internal.GenealogyQueries;
import com.tracecase.genealogy.internal.GenealogyWrites;
import com.tracecase.genealogy.internal.GenealogyWrites.LotState;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.TextInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Removed parts and returned units: a component taken out in a repair and a customer's
 * unit that came back and is not repaired go to recycling, scrap or failure analysis in a
 * lot of their own, linked to where they came from and to their case. Each is disposed of
 * once per case; {@link MaterialDisposed} tells the warranty ledger, and nothing here
 * touches stock on hand or reservations.
 */
@Service
public class ReturnedMaterial {

	static final int LOCATION_MAX_LENGTH = 200;

	private final LotManagement lots;

	private final GenealogyWrites writes;

	private final GenealogyQueries queries;

	private final DispositionRecords records;

	private final DispositionProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReturnedMaterial(LotManagement lots, GenealogyWrites writes, GenealogyQueries queries, DispositionRecords records,
			DispositionProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.lots = lots;
		this.writes = writes;
		this.queries = queries;
		this.records = records;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The disposition a removed part gets unless production chooses another: a component
	 * that failed goes to failure analysis.
	 */
	public static Disposition defaultForRemovedPart() {
		return Disposition.FAILURE_ANALYSIS;
	}

	/**
	 * @return where items of the disposition go unless a person names another place,
	 * never {@literal null}
	 */
	public String defaultLocation(Disposition disposition) {
		return properties.location(disposition);
	}

	/**
	 * Records a case's repair ({@link LotManagement#recordRepair}) and books the removed
	 * component (quantity 1, of the removed lot's part and supplier) into a lot of its
	 * own, e.g. {@code RM-FC-2026-000001-1}, in the disposition's status and location,
	 * all in one transaction: a refused repair or disposition writes nothing.
	 * @param disposition what happens to the removed part, a {@link Disposition} name
	 * @param location where it goes, {@literal null} for the disposition's default
	 * @return the removed part's lot, never {@literal null}
	 * @throws InvalidInputException naming {@code removedPartDisposition} or
	 * {@code removedPartLocation}, or for the reasons of
	 * {@link LotManagement#recordRepair}
	 */
	@Transactional
	public Disposal recordRepair(String caseNumber, String serialNumber, String removedLotCode, String installedLotCode,
			String disposition, String location, String actor, String reason) {
		Disposition chosen = Disposition.of("removedPartDisposition", "the removed part", disposition);
		String place = location("removedPartLocation", location, chosen);
		checkCaseNumber(caseNumber);
		lots.recordRepair(serialNumber, removedLotCode, installedLotCode, actor, reason);
		return disposeRemovedPart(caseNumber, serialNumber.trim(), removedLotCode.trim(), chosen, place, actor);
	}

	private Disposal disposeRemovedPart(String caseNumber, String serialNumber, String removedLotCode,
			Disposition disposition, String location, String actor) {
		LotState unit = writes.lockLotOfSerial(serialNumber)
			.orElseThrow(() -> new NotFoundException("Serial number", serialNumber));
		LotState origin = writes.lockLot(removedLotCode)
			.orElseThrow(() -> new NotFoundException("Lot", removedLotCode));
		Optional<Disposal> booked = records.removedPart(caseNumber, unit.id(), origin.id());
		if (booked.isPresent()) {
			return booked.get();
		}
		Lot from = queries.findLot(origin.lotCode()).orElseThrow();
		int number = records.removedPartsOfCase(caseNumber) + 1;
		String lotCode = "RM-%s-%d".formatted(caseNumber, number);
		while (writes.lotExists(lotCode)) {
			lotCode = "RM-%s-%d".formatted(caseNumber, ++number);
		}
		Instant now = clock.instant();
		long lotId = writes.insertLot(lotCode, from.partNumber(), from.supplier(), from.dateCode(), BigDecimal.ONE,
				LocalDate.now(clock), location, disposition.lotStatus(), null, null, null);
		records.insert(lotId, DisposedItem.REMOVED_PART, disposition, caseNumber, origin.id(), unit.id(), now, actor,
				null);
		String where = sentTo(disposition, location);
		writes.insertServiceEvent(lotId, "DISPOSED", "Taken out of unit %s (from lot %s) in the repair for case %s; %s"
			.formatted(serialNumber, origin.lotCode(), caseNumber, where), actor, now);
		writes.insertServiceEvent(unit.id(), "PART_REMOVED", "Removed part of lot %s booked as lot %s for case %s; %s"
			.formatted(origin.lotCode(), lotCode, caseNumber, where), actor, now);
		Disposal disposal = records.ofLot(lotId).orElseThrow();
		publish(disposal,
				"Removed part %s (%s, from lot %s of unit %s), %s".formatted(lotCode, from.partNumber(),
						origin.lotCode(), serialNumber, Labels.label(disposition).toLowerCase(Locale.ROOT)),
				actor, now);
		return disposal;
	}

	/**
	 * Disposes of a case's unit that came back and is not repaired: a unit still shipped
	 * is booked returned first; the unit then moves to the disposition's status and
	 * location, carrying its case. Disposing of the same unit for the same case again
	 * answers the first disposal and books nothing.
	 * @param disposition what happens to the unit, a {@link Disposition} name
	 * @param location where it goes, {@literal null} for the disposition's default
	 * @param note what production noticed, may be {@literal null}
	 * @return the unit's disposal, never {@literal null}
	 * @throws NotFoundException when the serial number is unknown
	 * @throws InvalidInputException naming {@code unitDisposition}, {@code unitLocation}
	 * or {@code unitNotes}, or when the unit is neither shipped nor returned
	 */
	@Transactional
	public Disposal disposeReturnedUnit(String caseNumber, String serialNumber, String disposition, String location,
			String actor, String note) {
		Disposition chosen = Disposition.of("unitDisposition", "the returned unit", disposition);
		String place = location("unitLocation", location, chosen);
		TextInput.check("unitNotes", "The note", note, 2000, true);
		checkCaseNumber(caseNumber);
		TextInput.check("serialNumber", "The serial number", serialNumber, InputRules.CODE_MAX_LENGTH, false);
		LotState unit = writes.lockLotOfSerial(serialNumber == null ? "" : serialNumber.trim())
			.orElseThrow(() -> new NotFoundException("Serial number", serialNumber));
		Optional<Disposal> booked = records.returnedUnit(caseNumber, unit.id());
		if (booked.isPresent()) {
			return booked.get();
		}
		String notes = StringUtils.hasText(note) ? note.trim() : null;
		Instant now = clock.instant();
		LotStatus status = unit.status();
		if (status == LotStatus.SHIPPED) {
			change(unit, status, LotStatus.RETURNED, actor, "Returned for case " + caseNumber, now);
			status = LotStatus.RETURNED;
		}
		if (status != LotStatus.RETURNED) {
			throw new InvalidInputException("unitDisposition",
					"Unit %s is %s, not back from the customer: only a returned unit can be disposed of."
						.formatted(unit.serialNumber(), Labels.label(status).toLowerCase(Locale.ROOT)));
		}
		String where = sentTo(chosen, place);
		change(unit, status, chosen.lotStatus(), actor,
				"Returned unit of case " + caseNumber + "; " + where + (notes == null ? "" : ": " + notes), now);
		records.updateLocation(unit.id(), place);
		records.insert(unit.id(), DisposedItem.RETURNED_UNIT, chosen, caseNumber, null, unit.id(), now, actor, notes);
		writes.insertServiceEvent(unit.id(), "DISPOSED", "Returned unit of case %s; %s".formatted(caseNumber, where),
				actor, now);
		Disposal disposal = records.ofLot(unit.id()).orElseThrow();
		publish(disposal, "Returned unit %s (%s), %s".formatted(unit.serialNumber(), disposal.partNumber(),
				Labels.label(chosen).toLowerCase(Locale.ROOT)), actor, now);
		return disposal;
	}

	/**
	 * Moves a removed part or returned unit on from failure analysis to scrap or
	 * recycling, with the reason, which joins its history with who and when.
	 * @param disposition {@code SCRAP} or {@code RECYCLING}
	 * @param location where it goes, {@literal null} for the disposition's default
	 * @return the item as it is now, never {@literal null}
	 * @throws NotFoundException when the lot is unknown
	 * @throws InvalidInputException naming {@code disposition}, {@code location} or
	 * {@code reason}: no reason, another disposition, or a lot that is not a removed part
	 * or returned unit in failure analysis
	 */
	@Transactional
	public Disposal move(String lotCode, String disposition, String location, String actor, String reason) {
		if (!StringUtils.hasText(disposition)) {
			throw new InvalidInputException("disposition", "Choose scrap or recycling for lot " + lotCode + ".");
		}
		Disposition to = Disposition.of("disposition", "the item", disposition);
		if (!to.isFinal()) {
			throw new InvalidInputException("disposition", "Choose scrap or recycling.");
		}
		String place = location("location", location, to);
		if (!StringUtils.hasText(reason)) {
			throw new InvalidInputException("reason", "Give the reason for moving lot " + lotCode + " on.");
		}
		TextInput.check("reason", "The reason", reason, 1000, true);
		TextInput.check("lotCode", "The lot code", lotCode, InputRules.CODE_MAX_LENGTH, false);
		LotState lot = writes.lockLot(lotCode).orElseThrow(() -> new NotFoundException("Lot", lotCode));
		if (records.ofLot(lot.id()).isEmpty()) {
			throw new InvalidInputException("disposition",
					"Lot " + lotCode + " is not a removed part or returned unit of a case.");
		}
		if (lot.status() != LotStatus.FAILURE_ANALYSIS) {
			throw new InvalidInputException("disposition", "Lot %s is %s; only what is in failure analysis moves on."
				.formatted(lotCode, Labels.label(lot.status()).toLowerCase(Locale.ROOT)));
		}
		change(lot, lot.status(), to.lotStatus(), actor, reason.trim() + " (" + sentTo(to, place) + ")",
				clock.instant());
		records.updateLocation(lot.id(), place);
		return records.ofLot(lot.id()).orElseThrow();
	}

	/**
	 * @return the removed part or returned unit the lot holds, empty for any other lot
	 */
	@Transactional(readOnly = true)
	public Optional<Disposal> disposal(String lotCode) {
		return queries.lotId(lotCode).flatMap(records::ofLot);
	}

	/**
	 * @return the case's removed parts and returned units, oldest first, never
	 * {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<Disposal> ofCase(String caseNumber) {
		return records.ofCase(caseNumber);
	}

	/**
	 * One page of removed parts and returned units, most recently disposed of first.
	 * @param now where they are now, {@literal null} for every disposition
	 * @param item which kind, {@literal null} for both
	 * @throws InvalidInputException for a negative page or a size outside 1 to
	 * {@value Genealogy#MAX_PAGE_SIZE}
	 */
	@Transactional(readOnly = true)
	public DisposalPage disposals(Disposition now, DisposedItem item, int page, int size) {
		if (page < 0) {
			throw new InvalidInputException("page", "The page must not be negative.");
		}
		if (size < 1 || size > Genealogy.MAX_PAGE_SIZE) {
			throw new InvalidInputException("size",
					"The page size must be between 1 and " + Genealogy.MAX_PAGE_SIZE + ".");
		}
		LotStatus status = now == null ? null : now.lotStatus();
		return new DisposalPage(page, size, records.count(status, item),
				records.page(status, item, (long) page * size, size));
	}

	private void change(LotState lot, LotStatus from, LotStatus to, String actor, String reason, Instant at) {
		writes.updateStatus(lot.id(), from, to, actor, reason, at);
		events.publishEvent(new LotStatusChanged(lot.lotCode(), lot.serialNumber(), from, to, actor, reason, at));
	}

	private void publish(Disposal disposal, String description, String actor, Instant at) {
		events.publishEvent(new MaterialDisposed(disposal.caseNumber(), disposal.lotCode(), disposal.item(),
				disposal.sentTo(), disposal.partNumber(), disposal.unitCost(), description, actor, at));
	}

	private String location(String field, String location, Disposition disposition) {
		TextInput.check(field, "The location", location, LOCATION_MAX_LENGTH, false);
		return StringUtils.hasText(location) ? location.trim() : properties.location(disposition);
	}

	private static void checkCaseNumber(String caseNumber) {
		if (!StringUtils.hasText(caseNumber)) {
			throw new InvalidInputException("caseNumber", "The case number is required.");
		}
		TextInput.check("caseNumber", "The case number", caseNumber, 32, false);
	}

	private static String sentTo(Disposition disposition, String location) {
		return "sent to " + Labels.label(disposition).toLowerCase(Locale.ROOT) + " at " + location;
	}

}
