package com.tracecase.quality;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.InputRules;
import com.tracecase.genealogy.Lot;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.RecallUnit;
import com.tracecase.genealogy.Shipment;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.StateConflictException;
import com.tracecase.shared.TextInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The recall API: campaigns that follow every unit built from a lot to its end. A
 * campaign lists its units once (the shipped ones with who has them, those in stock and
 * production held as contained), its process sends the notices and marks the customers
 * who do not answer, people book what happens to each unit, and a failure report on a
 * unit of an open campaign joins it.
 */
@Service
public class Recalls {

	/** Prefix of a campaign's reference, before the year and its number. */
	public static final String REFERENCE_PREFIX = "RC-";

	private static final int MAX_REASON_LENGTH = 1000;

	private static final int MAX_SUMMARY_LENGTH = 4000;

	private static final String SERVICE_EVENT = "RECALL";

	private final Genealogy genealogy;

	private final LotManagement lots;

	private final RecallCampaigns campaigns;

	private final CampaignUnits units;

	private final Containments containments;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Recalls(Genealogy genealogy, LotManagement lots, RecallCampaigns campaigns, CampaignUnits units,
			Containments containments, Clock clock, ApplicationEventPublisher events) {
		this.containments = containments;
		this.genealogy = genealogy;
		this.lots = lots;
		this.campaigns = campaigns;
		this.units = units;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Starts a recall campaign of the lot, as a person asks; its process starts in the
	 * same transaction (see {@link RecallCampaignStarted}).
	 * @param reason why, required, at most 1000 characters
	 * @throws InvalidInputException naming {@code lotCode} when the lot is missing, too
	 * long or unknown, naming {@code reason} when the reason is missing or too long;
	 * nothing is written
	 * @throws StateConflictException when the lot has an open campaign already
	 */
	@Transactional
	public RecallCampaign start(String lotCode, String reason, String startedBy) {
		TextInput.check("lotCode", "The lot code", lotCode, InputRules.CODE_MAX_LENGTH, false);
		if (lotCode == null || lotCode.isBlank()) {
			throw new InvalidInputException("lotCode", "Enter the lot to recall.");
		}
		checkReason(reason);
		Lot lot = genealogy.findLot(lotCode.trim())
			.orElseThrow(() -> new InvalidInputException("lotCode", "Lot " + lotCode.trim() + " does not exist."));
		return open(lot, reason.strip(), startedBy, null);
	}

	/**
	 * Starts the recall campaign a containment's approved field action asks for. Starting
	 * it twice returns the first; a lot with an open campaign already is followed by that
	 * one.
	 * @param containmentReference the containment, see {@link QualityManagement#contain}
	 * @throws NotFoundException when there is no such containment
	 * @throws StateConflictException when its field action was not approved
	 */
	@Transactional
	public RecallCampaign startForFieldAction(String containmentReference) {
		Containment containment = containments.findByReference(containmentReference)
			.orElseThrow(() -> new NotFoundException("Containment", containmentReference));
		if (!Boolean.TRUE.equals(containment.getFieldActionApproved())) {
			throw new StateConflictException(
					"No field action was approved for containment " + containmentReference + ".");
		}
		Optional<RecallCampaign> started = campaigns.findByContainmentReference(containmentReference);
		if (started.isPresent()) {
			return started.get();
		}
		Optional<RecallCampaign> open = campaigns.findByLotCodeAndStatus(containment.getSuspectLotCode(),
				RecallCampaignStatus.OPEN);
		if (open.isPresent()) {
			return open.get();
		}
		Lot lot = genealogy.getLot(containment.getSuspectLotCode());
		String reason = "Field action approved for containment " + containmentReference
				+ (StringUtils.hasText(containment.getFieldActionNotes()) ? ": " + containment.getFieldActionNotes()
						: "");
		return open(lot, reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason,
				containment.getDecidedBy() != null ? containment.getDecidedBy() : "tracecase", containmentReference);
	}

	private RecallCampaign open(Lot lot, String reason, String startedBy, String containmentReference) {
		campaigns.findByLotCodeAndStatus(lot.lotCode(), RecallCampaignStatus.OPEN).ifPresent(open -> {
			throw new StateConflictException("Lot " + lot.lotCode() + " has an open recall campaign already: "
					+ open.getReference() + ", started " + Labels.dateTime(open.getStartedAt()) + ".");
		});
		Instant now = clock.instant();
		String reference = REFERENCE_PREFIX + Year.from(now.atZone(ZoneOffset.UTC)).getValue() + "-"
				+ String.format("%04d", campaigns.nextNumber());
		RecallCampaign campaign;
		try {
			campaign = campaigns.saveAndFlush(new RecallCampaign(reference, lot.lotCode(), lot.partNumber(),
					containmentReference, reason, startedBy, now));
		}
		catch (DataIntegrityViolationException ex) {
			// the one open campaign per lot (a unique index): another was started at the
			// same moment
			throw new StateConflictException("Lot " + lot.lotCode()
					+ " has an open recall campaign already: it was started at the same moment.");
		}
		events.publishEvent(new RecallCampaignStarted(reference, lot.lotCode(), startedBy));
		return campaign;
	}

	/**
	 * Lists the campaign's units once: every unit built from its lot that is still
	 * somewhere, as the genealogy has it now. Listing twice keeps the first list.
	 * @return the campaign's progress
	 */
	@Transactional
	public RecallProgress listUnits(String reference, String actor) {
		RecallCampaign campaign = get(reference);
		if (campaign.getUnitsListedAt() == null && !units.existsByCampaignId(campaign.getId())) {
			Instant now = clock.instant();
			List<CampaignUnit> listed = new ArrayList<>();
			for (RecallUnit unit : genealogy.recallUnits(campaign.getLotCode())) {
				Shipment shipment = unit.shipment();
				listed.add(new CampaignUnit(campaign.getId(), unit.lotCode(), unit.serialNumber(), unit.partNumber(),
						unit.whereabouts(), shipment == null ? null : shipment.customerName(),
						shipment == null ? null : shipment.customerEmail(),
						shipment == null ? null : shipment.shippedOn(), shipment == null ? null : shipment.reference(),
						actor, now));
			}
			units.saveAll(listed);
			campaign.unitsListed(now);
			campaigns.save(campaign);
		}
		return progress(campaign);
	}

	/**
	 * @param limit at most this many
	 * @return the next notices to send, in the order the units were listed: shipped units
	 * not yet notified whose customer has an email address (the others are told by
	 * customer service, who marks them)
	 */
	@Transactional(readOnly = true)
	public List<RecallNotice> noticesToSend(String reference, int limit) {
		RecallCampaign campaign = get(reference);
		Map<String, String> products = new HashMap<>();
		return units.findToMail(campaign.getId(), PageRequest.of(0, Math.max(1, limit)))
			.stream()
			.map(unit -> new RecallNotice(reference, unit.getLotCode(), unit.getSerialNumber(),
					products.computeIfAbsent(unit.getPartNumber(), this::productWords), unit.getCustomerName(),
					unit.getCustomerEmail()))
			.toList();
	}

	/**
	 * @return how many notices are still to send by mail
	 */
	@Transactional(readOnly = true)
	public long noticesLeft(String reference) {
		return units.countToMail(get(reference).getId());
	}

	private String productWords(String partNumber) {
		return genealogy.findPart(partNumber).map(part -> part.description()).orElse(partNumber);
	}

	/**
	 * The notices of the units went out: each is notified now.
	 */
	@Transactional
	public void noticesSent(String reference, Collection<String> lotCodes, String actor) {
		RecallCampaign campaign = get(reference);
		Instant now = clock.instant();
		for (String lotCode : lotCodes) {
			units.findByCampaignIdAndLotCode(campaign.getId(), lotCode).ifPresent(unit -> {
				unit.notified(actor, now, "Recall notice mailed to the customer");
				units.save(unit);
			});
		}
	}

	/**
	 * The response period is over: notified units whose customer has not answered count
	 * as no response.
	 * @return how many units that were
	 */
	@Transactional
	public int responsePeriodOver(String reference, String actor) {
		RecallCampaign campaign = get(reference);
		Instant now = clock.instant();
		List<CampaignUnit> waiting = units.findByCampaignIdAndStatus(campaign.getId(), RecallUnitStatus.NOTIFIED);
		waiting.forEach(unit -> {
			unit.noResponse(actor, now);
			units.save(unit);
		});
		return waiting.size();
	}

	/**
	 * Books what happened to one unit: notified by other means, returned, repaired,
	 * replaced, or closed with a reason. A returned unit is returned in the genealogy as
	 * well, and every change of a unit with a serial number joins its service history.
	 * @param lotCode the unit's lot code, or its serial number
	 * @param note required to close a unit, at most 1000 characters
	 * @throws InvalidInputException when the unit cannot go there from where it stands,
	 * or the note is missing or too long; nothing is written
	 * @throws NotFoundException when the campaign or the unit is unknown
	 * @throws StateConflictException when the campaign is closed
	 */
	@Transactional
	public CampaignUnit update(String reference, String lotCode, RecallUnitStatus status, String note, String actor) {
		TextInput.check("note", "The note", note, MAX_REASON_LENGTH, true);
		RecallCampaign campaign = get(reference);
		if (!campaign.isOpen()) {
			throw new StateConflictException(
					"Recall campaign " + reference + " is closed; its units stay as they are.");
		}
		CampaignUnit unit = units.findByCampaignIdAndLotCode(campaign.getId(), lotCode)
			.or(() -> units.findByCampaignIdAndSerialNumber(campaign.getId(), lotCode))
			.orElseThrow(() -> new NotFoundException("Unit of recall campaign " + reference, lotCode));
		if (status == RecallUnitStatus.CLOSED && !StringUtils.hasText(note)) {
			throw new InvalidInputException("note", "Say why unit " + unit.displayName()
					+ " is closed without a remedy; the reason stays with the campaign.");
		}
		String cleanNote = StringUtils.hasText(note) ? note.strip() : null;
		Instant now = clock.instant();
		RecallUnitStatus from = unit.getStatus();
		unit.moveTo(status, actor, now, cleanNote);
		if (status == RecallUnitStatus.RETURNED) {
			lots.receiveReturn(unit.getLotCode(), actor,
					"Returned for recall campaign " + reference + (cleanNote == null ? "" : ": " + cleanNote));
		}
		if (unit.getSerialNumber() != null) {
			lots.recordServiceEvent(unit.getSerialNumber(), SERVICE_EVENT,
					"Recall campaign " + reference + ": " + Labels.label(status).toLowerCase(Labels.LOCALE)
							+ (cleanNote == null ? "" : " (" + cleanNote + ")"),
					actor);
		}
		events.publishEvent(new RecallUnitBooked(reference, unit.displayName(), from, status, cleanNote, actor, now));
		return units.save(unit);
	}

	/**
	 * Closes the campaign with a summary. Units not followed to their end are closed with
	 * it; a unit that is back with us and neither repaired nor replaced keeps it open.
	 * @throws InvalidInputException when the summary is missing or too long, or a
	 * returned unit waits for its remedy; nothing is written
	 * @throws StateConflictException when the campaign is closed already
	 */
	@Transactional
	public RecallCampaign close(String reference, String summary, String actor) {
		TextInput.check("summary", "The summary", summary, MAX_SUMMARY_LENGTH, true);
		if (!StringUtils.hasText(summary)) {
			throw new InvalidInputException("summary",
					"Sum up the campaign before closing it: what was found, what was done, what is left.");
		}
		RecallCampaign campaign = get(reference);
		if (!campaign.isOpen()) {
			throw new StateConflictException("Recall campaign " + reference + " is closed already.");
		}
		List<CampaignUnit> returned = units.findByCampaignIdAndStatus(campaign.getId(), RecallUnitStatus.RETURNED);
		if (!returned.isEmpty()) {
			throw new InvalidInputException("summary",
					"Repair or replace the returned units first, or close them with" + " a reason: "
							+ String.join(", ", returned.stream().map(CampaignUnit::displayName).toList()) + ".");
		}
		Instant now = clock.instant();
		for (CampaignUnit unit : units.findByCampaignIdOrderByIdAsc(campaign.getId())) {
			if (!unit.getStatus().isEnd()) {
				unit.closedWithCampaign(actor, now);
				units.save(unit);
			}
		}
		campaign.close(summary.strip(), actor, now);
		events.publishEvent(new RecallCampaignClosed(reference, campaign.getSummary(), actor, now));
		return campaigns.save(campaign);
	}

	/**
	 * A step of the campaign's process failed for good: the campaign shows the step and
	 * what went wrong until the incident is resolved.
	 * @return whether the incident is new to the campaign, so that people are told once
	 */
	@Transactional
	public boolean markNeedsAttention(String reference, String incidentId, String step, String problem) {
		Optional<RecallCampaign> campaign = campaigns.findByReference(reference);
		if (campaign.isEmpty() || !campaign.get().needsAttention(incidentId, step, problem, clock.instant())) {
			return false;
		}
		campaigns.save(campaign.get());
		return true;
	}

	/** The incident is resolved or deleted. */
	@Transactional
	public void attentionResolved(String reference, String incidentId) {
		campaigns.findByReference(reference).ifPresent(campaign -> {
			campaign.attentionResolved(incidentId);
			campaigns.save(campaign);
		});
	}

	/**
	 * A failure report on a unit of open campaigns joins them.
	 * @return the references of the campaigns joined, never {@literal null}
	 */
	@Transactional
	public List<String> joinCase(String serialNumber, String caseNumber) {
		List<String> joined = new ArrayList<>();
		for (CampaignUnit unit : units.findOpenBySerialNumber(serialNumber)) {
			unit.joinCase(caseNumber);
			units.save(unit);
			campaigns.findById(unit.getCampaignId()).ifPresent(campaign -> joined.add(campaign.getReference()));
		}
		return joined;
	}

	/**
	 * @throws NotFoundException when there is no such campaign
	 */
	@Transactional(readOnly = true)
	public RecallCampaign get(String reference) {
		return campaigns.findByReference(reference == null ? "" : reference.trim())
			.orElseThrow(() -> new NotFoundException("Recall campaign", reference));
	}

	/**
	 * @param containmentReference a containment's reference, see
	 * {@link QualityManagement#contain}
	 * @return the campaign its approved field action started
	 */
	@Transactional(readOnly = true)
	public Optional<RecallCampaign> campaignOfContainment(String containmentReference) {
		return campaigns.findByContainmentReference(containmentReference);
	}

	/** The lot's campaigns, newest first. */
	@Transactional(readOnly = true)
	public List<RecallCampaign> campaignsOf(String lotCode) {
		return campaigns.findByLotCodeOrderByStartedAtDesc(lotCode);
	}

	/**
	 * @param status the campaigns' status, {@literal null} for all
	 * @return the newest campaigns, at most {@code limit}
	 */
	@Transactional(readOnly = true)
	public List<RecallCampaign> campaigns(RecallCampaignStatus status, int limit) {
		PageRequest page = PageRequest.of(0, limit);
		return status == null ? campaigns.findByOrderByStartedAtDesc(page)
				: campaigns.findByStatusOrderByStartedAtDesc(status, page);
	}

	/**
	 * @param status only units in this status, {@literal null} for all
	 * @return a page of the campaign's units, in the order they were listed
	 */
	@Transactional(readOnly = true)
	public Page<CampaignUnit> units(String reference, RecallUnitStatus status, int page, int size) {
		RecallCampaign campaign = get(reference);
		PageRequest request = PageRequest.of(Math.max(0, page), size);
		return status == null ? units.findByCampaignIdOrderByIdAsc(campaign.getId(), request)
				: units.findByCampaignIdAndStatusOrderByIdAsc(campaign.getId(), status, request);
	}

	/** Every unit of the campaign, in the order they were listed. */
	@Transactional(readOnly = true)
	public List<CampaignUnit> allUnits(String reference) {
		return units.findByCampaignIdOrderByIdAsc(get(reference).getId());
	}

	/**
	 * @return the campaigns that follow or followed the unit, newest first, never
	 * {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<RecallMembership> campaignsOfUnit(String serialNumber) {
		return units.findBySerialNumberOrderByIdDesc(serialNumber)
			.stream()
			.flatMap(unit -> campaigns.findById(unit.getCampaignId())
				.map(campaign -> new RecallMembership(campaign.getReference(), campaign.isOpen(), unit.getStatus(),
						unit.getCaseNumber()))
				.stream())
			.toList();
	}

	@Transactional(readOnly = true)
	public RecallProgress progress(RecallCampaign campaign) {
		return progressOf(List.of(campaign)).get(campaign.getId());
	}

	/**
	 * @return each campaign's progress, by campaign id
	 */
	@Transactional(readOnly = true)
	public Map<Long, RecallProgress> progressOf(List<RecallCampaign> of) {
		Map<Long, Map<RecallUnitStatus, Long>> counts = new HashMap<>();
		of.forEach(campaign -> counts.put(campaign.getId(), new EnumMap<>(RecallUnitStatus.class)));
		if (!of.isEmpty()) {
			for (Object[] row : units.countByStatus(of.stream().map(RecallCampaign::getId).toList())) {
				counts.get((Long) row[0]).put((RecallUnitStatus) row[1], (Long) row[2]);
			}
		}
		Map<Long, RecallProgress> progress = new HashMap<>();
		counts.forEach((id, byStatus) -> progress.put(id, new RecallProgress(byStatus)));
		return progress;
	}

	/**
	 * The managers' figure: every campaign open at some time in the period, with its age
	 * and how far it has come.
	 * @param from the period's start, inclusive
	 * @param to the period's end, exclusive
	 * @return oldest first, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<RecallCampaignFigure> figures(Instant from, Instant to) {
		List<RecallCampaign> during = campaigns.openDuring(from, to);
		Map<Long, RecallProgress> progress = progressOf(during);
		Instant now = clock.instant();
		return during.stream().map(campaign -> {
			RecallProgress p = progress.get(campaign.getId());
			double days = Math.round(campaign.age(now).toMinutes() / 144.0) / 10.0;
			return new RecallCampaignFigure(campaign.getReference(), campaign.getLotCode(),
					Labels.label(campaign.getStatus()), campaign.getStartedAt(), campaign.getClosedAt(), days,
					p.units(), p.remedied(), p.ended(), p.completionRate());
		}).toList();
	}

	/**
	 * @return the units of the open campaigns by status, every status present
	 */
	@Transactional(readOnly = true)
	public RecallProgress openUnits() {
		Map<RecallUnitStatus, Long> byStatus = new EnumMap<>(RecallUnitStatus.class);
		for (Object[] row : units.countOpenByStatus()) {
			byStatus.put((RecallUnitStatus) row[0], (Long) row[1]);
		}
		return new RecallProgress(byStatus);
	}

	/**
	 * Writes every unit of the campaign as CSV, one row each, in the order they were
	 * listed; statuses and whereabouts in words.
	 * @param withCustomers whether the customers' names and addresses are written
	 */
	@Transactional(readOnly = true)
	public void writeUnitsCsv(String reference, boolean withCustomers, Appendable out) throws IOException {
		List<String> columns = new ArrayList<>(List.of("lot_code", "serial_number", "part_number", "whereabouts",
				"status", "shipped_on", "shipment_reference", "case_number", "updated_at", "updated_by", "note"));
		if (withCustomers) {
			columns.addAll(5, List.of("customer_name", "customer_email"));
		}
		try (CSVPrinter printer = CSVFormat.DEFAULT.builder()
			.setHeader(columns.toArray(String[]::new))
			.get()
			.print(out)) {
			for (CampaignUnit unit : allUnits(reference)) {
				List<Object> row = new ArrayList<>(List.of(unit.getLotCode(), nullable(unit.getSerialNumber()),
						unit.getPartNumber(), Labels.label(unit.getWhereabouts()), Labels.label(unit.getStatus()),
						nullable(unit.getShippedOn()), nullable(unit.getShipmentReference()),
						nullable(unit.getCaseNumber()), unit.getUpdatedAt(), unit.getUpdatedBy(),
						nullable(unit.getNote())));
				if (withCustomers) {
					row.addAll(5, List.of(nullable(unit.getCustomerName()), nullable(unit.getCustomerEmail())));
				}
				printer.printRecord(row);
			}
		}
	}

	private static Object nullable(Object value) {
		return value == null ? "" : value;
	}

	private static void checkReason(String reason) {
		TextInput.check("reason", "The reason", reason, MAX_REASON_LENGTH, true);
		if (!StringUtils.hasText(reason)) {
			throw new InvalidInputException("reason",
					"Say why the lot is recalled; the reason goes with the campaign.");
		}
	}

}
