package com.tracecase.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.tracecase.genealogy.AtRiskLot;
import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.DeviceTrace;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotFile;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.genealogy.WhereUsedLot;
import com.tracecase.quality.InvestigationFacts.RelatedReport;
import com.tracecase.quality.InvestigationFacts.Warranty;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.NotFoundException;

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

	private final Genealogy genealogy;

	private final LotManagement lots;

	private final Investigations investigations;

	private final Containments containments;

	private final SupplierCorrectiveActions supplierActions;

	private final QualityProperties properties;

	private final Clock clock;

	QualityManagement(Genealogy genealogy, LotManagement lots, Investigations investigations, Containments containments,
			SupplierCorrectiveActions supplierActions, QualityProperties properties, Clock clock) {
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
	 * its siblings. Opening it again returns the existing one.
	 * @param caseNumber the case, must not be {@literal null}
	 * @param serialNumber the reported unit, must exist in the genealogy
	 * @param purchaseDate when the customer bought it, may be {@literal null}
	 * @param otherReportedSerials serial number to case number of every other reported
	 * unit
	 * @return the investigation, never {@literal null}
	 */
	@Transactional
	public Investigation openInvestigation(String caseNumber, String serialNumber, LocalDate purchaseDate,
			Map<String, String> otherReportedSerials) {
		Optional<Investigation> existing = investigations.findByCaseNumber(caseNumber);
		if (existing.isPresent()) {
			return existing.get();
		}
		DeviceTrace trace = genealogy.traceDevice(serialNumber);
		Device device = trace.device();
		List<LotFile> files = new ArrayList<>(genealogy.files(device.lotCode()));
		trace.lots().stream().map(TracedLot::lotCode).distinct().forEach(lot -> files.addAll(genealogy.files(lot)));

		Set<String> failedSerials = new LinkedHashSet<>(otherReportedSerials.keySet());
		failedSerials.add(serialNumber);
		List<AtRiskLot> atRisk = genealogy.atRisk(failedSerials);
		InvestigationFacts facts = new InvestigationFacts(device, trace.lots(), files,
				genealogy.serviceHistory(serialNumber), warranty(purchaseDate, device),
				relatedReports(trace, atRisk, otherReportedSerials), atRisk.stream().limit(AT_RISK_SHOWN).toList());
		Investigation investigation = investigations.save(new Investigation(caseNumber, facts, clock.instant()));
		lots.recordServiceEvent(serialNumber, "INVESTIGATION_OPENED", "QC investigation opened for case " + caseNumber,
				SYSTEM_ACTOR);
		return investigation;
	}

	/**
	 * Records QC's review.
	 * @throws InvalidInputException when a confirmed failure lacks its failure mode or
	 * root cause, names a suspect lot that is not in the unit, or asks for containment
	 * without a suspect lot
	 */
	@Transactional
	public Investigation recordReview(String caseNumber, QcReview review, String reviewer) {
		Investigation investigation = getInvestigation(caseNumber);
		if (review.failureConfirmed()) {
			List<InvalidInputException.Violation> violations = new ArrayList<>();
			if (!StringUtils.hasText(review.failureMode())) {
				violations.add(new InvalidInputException.Violation("failureMode",
						"A confirmed failure needs its failure mode."));
			}
			if (!StringUtils.hasText(review.rootCauseCategory())) {
				violations.add(new InvalidInputException.Violation("rootCauseCategory",
						"A confirmed failure needs a root cause category."));
			}
			String suspectLot = review.suspectLotCode();
			if (review.containmentNeeded() && !StringUtils.hasText(suspectLot)) {
				violations
					.add(new InvalidInputException.Violation("suspectLotCode", "Containment needs a suspect lot."));
			}
			if (StringUtils.hasText(suspectLot) && findComponentLot(investigation, suspectLot).isEmpty()) {
				violations.add(new InvalidInputException.Violation("suspectLotCode",
						"Lot '" + suspectLot + "' is not inside unit " + investigation.getSerialNumber() + "."));
			}
			if (!violations.isEmpty()) {
				throw new InvalidInputException(violations.stream()
					.map(InvalidInputException.Violation::message)
					.collect(Collectors.joining(" ")), violations);
			}
		}
		investigation.review(review, reviewer, clock.instant());
		lots.recordServiceEvent(investigation.getSerialNumber(), "INVESTIGATED",
				review.failureConfirmed() ? "Failure confirmed: " + review.failureMode() : "No fault found", reviewer);
		return investigations.save(investigation);
	}

	/**
	 * Quarantines every lot downstream of the suspect lot that is still in our hands, and
	 * lists the shipped units that contain it. Containing a case twice returns the first
	 * containment.
	 */
	@Transactional
	public Containment contain(String caseNumber, String suspectLotCode, String actor) {
		Optional<Containment> existing = containments.findByCaseNumber(caseNumber);
		if (existing.isPresent()) {
			return existing.get();
		}
		List<WhereUsedLot> downstream = genealogy.whereUsed(suspectLotCode, null);
		String reason = "Containment for case " + caseNumber + ": contains suspect lot " + suspectLotCode;
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
		return containments
			.save(new Containment(caseNumber, suspectLotCode, quarantined, shippedAtRisk, clock.instant()));
	}

	/**
	 * Raises one corrective action request per case and lot against the lot's supplier.
	 */
	@Transactional
	public SupplierCorrectiveAction requestSupplierAction(String caseNumber, String suspectLotCode,
			String description) {
		Optional<SupplierCorrectiveAction> existing = supplierActions.findByCaseNumberAndLotCode(caseNumber,
				suspectLotCode);
		if (existing.isPresent()) {
			return existing.get();
		}
		TracedLot lot = findComponentLot(getInvestigation(caseNumber), suspectLotCode)
			.orElseThrow(() -> new NotFoundException("Lot in the investigated unit", suspectLotCode));
		String supplier = StringUtils.hasText(lot.supplier()) ? lot.supplier() : "unknown supplier";
		return supplierActions.save(new SupplierCorrectiveAction(caseNumber, supplier, suspectLotCode, lot.partNumber(),
				description, clock.instant()));
	}

	/**
	 * Records the managers' decision on a field action or recall.
	 * @param approved the explicit choice; {@literal null} (nothing chosen) is refused
	 * @throws InvalidInputException when nothing was chosen, or a rejection gives no
	 * reason
	 */
	@Transactional
	public Containment decideFieldAction(String caseNumber, Boolean approved, String notes, String decidedBy) {
		if (approved == null) {
			throw new InvalidInputException("fieldActionVerdict", "Choose whether a field action is approved.");
		}
		if (!approved && !StringUtils.hasText(notes)) {
			throw new InvalidInputException("fieldActionNotes",
					"Say why no field action is taken; the notes stay with the containment.");
		}
		Containment containment = containments.findByCaseNumber(caseNumber)
			.orElseThrow(() -> new NotFoundException("Containment of case", caseNumber));
		containment.decideFieldAction(approved, notes, decidedBy, clock.instant());
		return containments.save(containment);
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
	 * Other reports on units that share a lot with this one. Only lots that at least one
	 * other reported unit contains (the at-risk ranking counts them) are walked down, so
	 * the cost follows the overlap.
	 */
	private List<RelatedReport> relatedReports(DeviceTrace trace, List<AtRiskLot> atRisk,
			Map<String, String> otherReportedSerials) {
		Set<String> unitLots = trace.lots().stream().map(TracedLot::lotCode).collect(Collectors.toSet());
		Map<String, List<String>> sharedBySerial = new LinkedHashMap<>();
		for (AtRiskLot lot : atRisk) {
			if (lot.failedUnits() < 2 || !unitLots.contains(lot.lotCode())) {
				continue;
			}
			for (WhereUsedLot unit : genealogy.whereUsed(lot.lotCode(), PartKind.PRODUCT)) {
				if (unit.serialNumber() != null && otherReportedSerials.containsKey(unit.serialNumber())) {
					sharedBySerial.computeIfAbsent(unit.serialNumber(), serial -> new ArrayList<>()).add(lot.lotCode());
				}
			}
		}
		return sharedBySerial.entrySet()
			.stream()
			.map(entry -> new RelatedReport(otherReportedSerials.get(entry.getKey()), entry.getKey(), entry.getValue()))
			.toList();
	}

}
