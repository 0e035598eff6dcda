package com.tracecase.quality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tracecase.genealogy.AtRiskLot;
import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.DeviceTrace;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Lot;
import com.tracecase.genealogy.LotFile;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.SharedLot;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.genealogy.UnitRepaired;
import com.tracecase.genealogy.WhereUsedLot;
import com.tracecase.quality.InvestigationFacts.RelatedReport;
import com.tracecase.quality.InvestigationFacts.Warranty;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.StateConflictException;
import com.tracecase.shared.TextInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The quality API: investigations, containment and supplier corrective actions. Every
 * write is idempotent per case, so a process step that runs twice leaves one record.
 */
@Service
public class QualityManagement {

	/** Stock that is not yet with a customer and can still be held back. */
	private static final Set<LotStatus> CONTAINABLE = EnumSet.of(LotStatus.AVAILABLE, LotStatus.IN_PRODUCTION,
			LotStatus.RESERVED, LotStatus.RETURNED);

	private static final int AT_RISK_SHOWN = 20;

	private static final String SYSTEM_ACTOR = "tracecase";

	private static final int MAX_REASON_LENGTH = 1000;

	private final Genealogy genealogy;

	private final LotManagement lots;

	private final Investigations investigations;

	private final Containments containments;

	private final SupplierCorrectiveActions supplierActions;

	private final QualityProperties properties;

	private final InvestigatedLots investigatedLots;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Recalls recalls;

	private final SupplierManagement suppliers;

	QualityManagement(Genealogy genealogy, LotManagement lots, Investigations investigations, Containments containments,
			SupplierCorrectiveActions supplierActions, QualityProperties properties, InvestigatedLots investigatedLots,
			Recalls recalls, Clock clock, ApplicationEventPublisher events, SupplierManagement suppliers) {
		this.events = events;
		this.recalls = recalls;
		this.suppliers = suppliers;
		this.investigatedLots = investigatedLots;
		this.genealogy = genealogy;
		this.lots = lots;
		this.investigations = investigations;
		this.containments = containments;
		this.supplierActions = supplierActions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Opens the investigation of a case, filled with everything known about the unit and
	 * the evidence of the other reports that share a lot with it. Those reports are found
	 * by lot among the investigated units, so opening costs time in proportion to the
	 * overlap, not to the number of cases ever filed. A unit that an open recall campaign
	 * follows joins the campaign with the case. Opening it again returns the existing
	 * one.
	 * @param caseNumber the case, must not be {@literal null}
	 * @param serialNumber the reported unit, must exist in the genealogy
	 * @param purchaseDate when the customer bought it, may be {@literal null}
	 * @return the investigation, never {@literal null}
	 */
	@Transactional
	public Investigation openInvestigation(String caseNumber, String serialNumber, LocalDate purchaseDate) {
		Optional<Investigation> existing = investigations.findByCaseNumber(caseNumber);
		if (existing.isPresent()) {
			return existing.get();
		}
		DeviceTrace trace = genealogy.traceDevice(serialNumber);
		Device device = trace.device();
		List<String> unitLots = trace.lots().stream().map(TracedLot::lotCode).distinct().toList();
		List<String> withDevice = new ArrayList<>();
		withDevice.add(device.lotCode());
		withDevice.addAll(unitLots);
		List<LotFile> files = genealogy.files(withDevice);

		investigatedLots.record(caseNumber, device.serialNumber(), unitLots);
		// a report on a unit an open recall campaign follows joins the campaign
		recalls.joinCase(device.serialNumber(), caseNumber);
		List<RelatedReport> related = investigatedLots.sharingAnyOf(caseNumber, unitLots);
		Set<String> failedSerials = new LinkedHashSet<>();
		failedSerials.add(device.serialNumber());
		related.forEach(report -> failedSerials.add(report.serialNumber()));
		Set<String> singleUnitLots = genealogy.singleUnitLots(unitLots);
		List<SharedLot> ranked = failedSerials.size() < 2 ? List.of()
				: genealogy.rankLots(failedSerials, failedUnitsByLot(device.serialNumber(),
						unitLots.stream().filter(lot -> !singleUnitLots.contains(lot)).toList(), related));

		Map<String, TracedLot> lotsByCode = new LinkedHashMap<>();
		trace.lots().forEach(lot -> lotsByCode.putIfAbsent(lot.lotCode(), lot));
		Map<String, String> origins = origins(trace.lots());
		LotSignal signal = LotEvidence.signal(failedSerials.size(), ranked, singleUnitLots,
				lot -> InvestigationText.label(lotsByCode, origins, lot), genealogy);
		List<AtRiskLot> atRisk = LotEvidence.suspects(ranked, singleUnitLots)
			.stream()
			.map(SharedLot::lot)
			.limit(AT_RISK_SHOWN)
			.toList();
		InvestigationFacts facts = new InvestigationFacts(device, trace.lots(), files,
				genealogy.serviceHistory(serialNumber), warranty(purchaseDate, device), related, atRisk, signal,
				suspectOptions(lotsByCode, origins, singleUnitLots, signal), origins);
		Investigation investigation = investigations.save(new Investigation(caseNumber, facts, clock.instant()));
		lots.recordServiceEvent(serialNumber, "INVESTIGATION_OPENED", "QC investigation opened for case " + caseNumber,
				SYSTEM_ACTOR);
		return investigation;
	}

	/**
	 * For each lot, the reported units that held it when their investigation opened: this
	 * unit and the related reports that share it, sorted. The lots recorded per
	 * investigation answer this without walking the other units' genealogy again.
	 */
	private static Map<String, List<String>> failedUnitsByLot(String serialNumber, List<String> lotCodes,
			List<RelatedReport> related) {
		Map<String, Set<String>> units = new LinkedHashMap<>();
		for (String lot : lotCodes) {
			units.computeIfAbsent(lot, key -> new TreeSet<>()).add(serialNumber);
		}
		for (RelatedReport report : related) {
			for (String lot : report.sharedLotCodes()) {
				Set<String> serials = units.get(lot);
				if (serials != null) {
					serials.add(report.serialNumber());
				}
			}
		}
		Map<String, List<String>> sorted = new LinkedHashMap<>();
		units.forEach((lot, serials) -> sorted.put(lot, List.copyOf(serials)));
		return sorted;
	}

	/**
	 * Keeps the lots recorded for an investigated unit equal to what it holds after a
	 * repair, so later cases weigh it by its genealogy as the at-risk answer does. Runs
	 * in the repair's transaction.
	 */
	@EventListener
	void on(UnitRepaired event) {
		List<String> caseNumbers = investigatedLots.casesOf(event.serialNumber());
		if (!caseNumbers.isEmpty()) {
			investigatedLots.replaceLotsOf(caseNumbers, event.serialNumber(),
					genealogy.traceDevice(event.serialNumber())
						.lots()
						.stream()
						.map(TracedLot::lotCode)
						.distinct()
						.toList());
		}
	}

	/**
	 * Records QC's review. The suspect part follows from the suspect lot.
	 * @throws InvalidInputException naming every broken rule at once: no verdict, a
	 * confirmed failure without its failure mode or root cause, a suspect lot that is not
	 * one the unit's lots QC may name, containment without a suspect lot
	 */
	@Transactional
	public Investigation recordReview(String caseNumber, ReviewInput input, String reviewer) {
		Investigation investigation = getInvestigation(caseNumber);
		List<InvalidInputException.Violation> violations = new ArrayList<>();
		Optional<QcVerdict> verdict = QcVerdict.parse(input.verdict());
		if (verdict.isEmpty()) {
			violations.add(new InvalidInputException.Violation("qcVerdict", "Choose a verdict: "
					+ QcVerdict.FAILURE_CONFIRMED.label() + " or " + QcVerdict.NO_FAULT_FOUND.label() + "."));
		}
		boolean confirmed = verdict.orElse(null) == QcVerdict.FAILURE_CONFIRMED;
		String suspectLot = confirmed ? input.suspectLotCode() : null;
		Optional<TracedLot> suspect = StringUtils.hasText(suspectLot) ? findComponentLot(investigation, suspectLot)
				: Optional.empty();
		if (confirmed) {
			if (!StringUtils.hasText(input.failureMode())) {
				violations.add(new InvalidInputException.Violation("failureMode",
						"A confirmed failure needs its failure mode."));
			}
			if (!StringUtils.hasText(input.rootCauseCategory())) {
				violations.add(new InvalidInputException.Violation("rootCauseCategory",
						"A confirmed failure needs a root cause category."));
			}
			if (input.containmentNeeded() && !StringUtils.hasText(suspectLot)) {
				violations
					.add(new InvalidInputException.Violation("suspectLotCode", "Containment needs a suspect lot."));
			}
			if (StringUtils.hasText(suspectLot) && suspect.isEmpty()) {
				violations.add(new InvalidInputException.Violation("suspectLotCode",
						"Lot '" + suspectLot + "' is not inside unit " + investigation.getSerialNumber() + "."));
			}
			else if (suspect.isPresent() && !isSuspectOption(investigation, suspectLot)) {
				violations.add(new InvalidInputException.Violation("suspectLotCode",
						"Lot '" + suspectLot
								+ "' is a single unit inside this device only and cannot explain other failures;"
								+ " choose one of the lots offered."));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(
					violations.stream().map(InvalidInputException.Violation::message).collect(Collectors.joining(" ")),
					violations);
		}
		QcReview review = confirmed
				? new QcReview(true, input.failureMode(), suspect.map(TracedLot::partNumber).orElse(null),
						suspect.map(TracedLot::lotCode).orElse(null), input.rootCauseCategory(),
						input.containmentNeeded(), input.notes())
				: new QcReview(false, null, null, null, null, false, input.notes());
		Instant reviewedAt = clock.instant();
		investigation.review(review, reviewer, reviewedAt);
		events.publishEvent(
				new InvestigationReviewed(caseNumber, verdict.get(), review.suspectLotCode(), reviewer, reviewedAt));
		lots.recordServiceEvent(investigation.getSerialNumber(), "INVESTIGATED",
				review.failureConfirmed() ? "Failure confirmed: " + review.failureMode() : "No fault found", reviewer);
		return investigations.save(investigation);
	}

	/**
	 * Asks to contain a lot at risk on its own, outside any case: its containment process
	 * then quarantines the stock built from it, asks its supplier for corrective action
	 * and lets the managers decide on a field action. Publishes
	 * {@link ContainmentRequested} in this transaction, which starts that process.
	 * @param lotCode the lot, must exist
	 * @param reason why, required, at most 1000 characters
	 * @param requestedBy the user asking, must not be {@literal null}
	 * @return the containment, not yet quarantined, never {@literal null}
	 * @throws InvalidInputException when the reason is missing or too long; nothing is
	 * written
	 * @throws NotFoundException when there is no such lot
	 * @throws StateConflictException when the lot is contained already, by a case or on
	 * its own
	 */
	@Transactional
	public Containment requestContainment(String lotCode, String reason, String requestedBy) {
		TextInput.check("lotCode", "The lot code", lotCode, 64, false);
		TextInput.check("reason", "The reason", reason, MAX_REASON_LENGTH, true);
		if (!StringUtils.hasText(reason)) {
			throw new InvalidInputException("reason", "Say why the lot is to be contained.");
		}
		Lot lot = genealogy.getLot(lotCode == null ? "" : lotCode.trim());
		Optional<Containment> existing = containments.findBySuspectLotCodeInOrderByIdAsc(List.of(lot.lotCode()))
			.stream()
			.findFirst();
		if (existing.isPresent()) {
			throw new StateConflictException(
					"Lot " + lot.lotCode() + " is contained already: " + by(existing.get()) + ".");
		}
		Containment containment = containments
			.saveAndFlush(Containment.ofLot(lot.lotCode(), reason.strip(), requestedBy, clock.instant()));
		events.publishEvent(new ContainmentRequested(containment.getReference(), lot.lotCode(), lot.partNumber(),
				containment.getReason(), requestedBy));
		return containment;
	}

	/**
	 * Quarantines every lot downstream of the suspect lot that is still in our hands, and
	 * lists the shipped units that contain it. Containing a reference twice returns the
	 * first containment.
	 * @param reference the business key of the containment process: the case number, or
	 * the reference of a lot contained on its own
	 */
	@Transactional
	public Containment contain(String reference, String suspectLotCode, String actor) {
		Containment containment = containments.findByReference(reference)
			.orElseGet(() -> Containment.ofCase(reference, suspectLotCode));
		if (containment.isContained()) {
			return containment;
		}
		List<WhereUsedLot> downstream = genealogy.whereUsed(suspectLotCode, null);
		String reason = containment.getCaseNumber() != null
				? "Containment for case " + containment.getCaseNumber() + ": contains suspect lot " + suspectLotCode
				: "Containment of lot " + suspectLotCode + " asked for by " + containment.getRequestedBy() + ": "
						+ containment.getReason();
		List<String> quarantined = new ArrayList<>();
		for (WhereUsedLot lot : downstream) {
			if (CONTAINABLE.contains(lot.status())) {
				lots.changeStatus(lot.lotCode(), LotStatus.QUARANTINED, actor, reason);
				quarantined.add(lot.lotCode());
			}
		}
		List<String> shippedAtRisk = downstream.stream()
			.filter(lot -> lot.partKind() == PartKind.PRODUCT && lot.status() == LotStatus.SHIPPED)
			.map(WhereUsedLot::serialNumber)
			.filter(StringUtils::hasText)
			.sorted()
			.toList();
		Instant containedAt = clock.instant();
		containment.quarantined(quarantined, shippedAtRisk, containedAt);
		Containment saved = containments.save(containment);
		events.publishEvent(new LotsContained(reference, suspectLotCode, quarantined.size(), shippedAtRisk.size(),
				actor, containedAt));
		return saved;
	}

	/**
	 * Raises one corrective action request per containment and lot against the lot's
	 * supplier, and publishes {@link SupplierActionRequested} in this transaction, which
	 * starts its process: the request is mailed to the supplier's contact. A supplier not
	 * yet in the master data is added by name, without a contact.
	 * @param reference the containment's reference, see {@link #contain}
	 */
	@Transactional
	public SupplierCorrectiveAction requestSupplierAction(String reference, String suspectLotCode, String description) {
		Optional<SupplierCorrectiveAction> existing = supplierActions.findByContainmentReferenceAndLotCode(reference,
				suspectLotCode);
		if (existing.isPresent()) {
			return existing.get();
		}
		Containment containment = containments.findByReference(reference)
			.orElseThrow(() -> new NotFoundException("Containment", reference));
		String supplier;
		String partNumber;
		String finding;
		if (containment.getCaseNumber() != null) {
			Investigation investigation = getInvestigation(containment.getCaseNumber());
			TracedLot lot = findComponentLot(investigation, suspectLotCode)
				.orElseThrow(() -> new NotFoundException("Lot in the investigated unit", suspectLotCode));
			supplier = lot.supplier();
			partNumber = lot.partNumber();
			String failureMode = investigation.getReview() == null ? null : investigation.getReview().failureMode();
			finding = "A product returned by a customer failed"
					+ (StringUtils.hasText(failureMode) ? " (" + failureMode.strip() + ")" : "")
					+ ", and our investigation traces the failure to this lot.";
		}
		else {
			Lot lot = genealogy.getLot(suspectLotCode);
			supplier = lot.supplier();
			partNumber = lot.partNumber();
			finding = "We hold this lot back from use: " + containment.getReason();
		}
		String supplierName = StringUtils.hasText(supplier) ? supplier.strip() : "unknown supplier";
		if (StringUtils.hasText(supplier)) {
			suppliers.supplierOfAction(supplierName);
		}
		SupplierCorrectiveAction action = supplierActions
			.saveAndFlush(new SupplierCorrectiveAction(reference, containment.getCaseNumber(), supplierName,
					suspectLotCode, partNumber, description, finding, clock.instant()));
		events.publishEvent(new SupplierActionRequested(action.getId(), action.getReference(), supplierName,
				suspectLotCode, containment.getCaseNumber()));
		return action;
	}

	/**
	 * Records the managers' decision on a field action or recall.
	 * @param reference the containment's reference, see {@link #contain}
	 * @param approved the explicit choice; {@literal null} (nothing chosen) is refused
	 * @throws InvalidInputException when nothing was chosen, or a rejection gives no
	 * reason
	 */
	@Transactional
	public Containment decideFieldAction(String reference, Boolean approved, String notes, String decidedBy) {
		if (approved == null) {
			throw new InvalidInputException("fieldActionVerdict", "Choose whether a field action is approved.");
		}
		if (!approved && !StringUtils.hasText(notes)) {
			throw new InvalidInputException("fieldActionNotes",
					"Say why no field action is taken; the notes stay with the containment.");
		}
		Containment containment = containments.findByReference(reference)
			.orElseThrow(() -> new NotFoundException("Containment", reference));
		Instant decidedAt = clock.instant();
		containment.decideFieldAction(approved, notes, decidedBy, decidedAt);
		Containment saved = containments.save(containment);
		events.publishEvent(new FieldActionDecided(reference, approved,
				StringUtils.hasText(notes) ? notes.strip() : null, decidedBy, decidedAt));
		return saved;
	}

	/**
	 * @param lotCodes lots, must not be {@literal null}
	 * @return the first containment of each lot that has one, by lot code, never
	 * {@literal null}
	 */
	@Transactional(readOnly = true)
	public Map<String, Containment> containmentsOf(Collection<String> lotCodes) {
		Map<String, Containment> byLot = new LinkedHashMap<>();
		if (!lotCodes.isEmpty()) {
			containments.findBySuspectLotCodeInOrderByIdAsc(lotCodes)
				.forEach(containment -> byLot.putIfAbsent(containment.getSuspectLotCode(), containment));
		}
		return byLot;
	}

	private String by(Containment containment) {
		return containment.getCaseNumber() != null ? "by case " + containment.getCaseNumber() : "asked for by "
				+ containment.getRequestedBy() + " on " + Labels.dateTime(containment.getRequestedAt());
	}

	@Transactional(readOnly = true)
	public Optional<Investigation> findInvestigation(String caseNumber) {
		return investigations.findByCaseNumber(caseNumber);
	}

	@Transactional(readOnly = true)
	public Optional<Containment> findContainment(String caseNumber) {
		return containments.findByCaseNumber(caseNumber);
	}

	@Transactional(readOnly = true)
	public List<SupplierCorrectiveAction> supplierActions(String caseNumber) {
		return supplierActions.findByCaseNumber(caseNumber);
	}

	private Investigation getInvestigation(String caseNumber) {
		return investigations.findByCaseNumber(caseNumber)
			.orElseThrow(() -> new NotFoundException("Investigation of case", caseNumber));
	}

	private static Optional<TracedLot> findComponentLot(Investigation investigation, String lotCode) {
		return investigation.getFacts()
			.componentLots()
			.stream()
			.filter(lot -> lot.lotCode().equals(lotCode))
			.findFirst();
	}

	/**
	 * The warranty runs from the purchase date; without one, from the build's completion,
	 * which is never later than the purchase and so never shortens the customer's
	 * warranty.
	 */
	Warranty warranty(LocalDate purchaseDate, Device device) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate start = purchaseDate;
		String basis = "purchase date";
		if (start == null) {
			start = device.buildCompletedOn() != null ? device.buildCompletedOn() : device.buildStartedOn();
			basis = "build completion (no purchase date)";
		}
		if (start == null) {
			start = today;
			basis = "report date (no purchase or build date)";
		}
		LocalDate end = start.plus(properties.warrantyPeriod()).minusDays(1);
		int ageMonths = (int) Math.max(0, Period.between(start, today).toTotalMonths());
		WarrantyStatus status = today.isAfter(end) ? WarrantyStatus.OUT_OF_WARRANTY : WarrantyStatus.IN_WARRANTY;
		return new Warranty(status, start, end, basis, ageMonths);
	}

	/**
	 * The lots QC may name: the unit's lots except its own single-unit ones, the most
	 * suspect first, then nearest first.
	 */
	private static List<SuspectLotOption> suspectOptions(Map<String, TracedLot> lotsByCode, Map<String, String> origins,
			Set<String> singleUnitLots, LotSignal signal) {
		Set<String> ordered = new LinkedHashSet<>();
		signal.groups().forEach(group -> ordered.addAll(group.lotCodes()));
		ordered.addAll(lotsByCode.keySet());
		return ordered.stream()
			.filter(lotsByCode::containsKey)
			.filter(lot -> !singleUnitLots.contains(lot))
			.map(lot -> new SuspectLotOption(lot, InvestigationText.label(lotsByCode, origins, lot),
					lotsByCode.get(lot).partNumber()))
			.toList();
	}

	private static boolean isSuspectOption(Investigation investigation, String lotCode) {
		InvestigationFacts facts = investigation.getFacts();
		// investigations opened before options were kept offer every lot of the unit
		return facts.suspectOptions().isEmpty()
				|| facts.suspectOptions().stream().anyMatch(option -> option.value().equals(lotCode));
	}

	/**
	 * Each lot's supplier, or the build that made it in-house. Only lots without a
	 * supplier are looked up, and a unit holds few of them.
	 */
	private Map<String, String> origins(List<TracedLot> unitLots) {
		Map<String, String> origins = new LinkedHashMap<>();
		for (TracedLot lot : unitLots) {
			if (origins.containsKey(lot.lotCode())) {
				continue;
			}
			if (StringUtils.hasText(lot.supplier())) {
				origins.put(lot.lotCode(), lot.supplier());
			}
			else {
				String build = genealogy.findLot(lot.lotCode()).map(Lot::buildCode).orElse(null);
				origins.put(lot.lotCode(), build != null ? "built in-house in build " + build : "built in-house");
			}
		}
		return origins;
	}

}
