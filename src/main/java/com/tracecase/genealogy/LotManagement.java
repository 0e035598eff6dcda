package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.tracecase.genealogy.internal.FileNames;
import com.tracecase.genealogy.internal.GenealogyProperties;
import com.tracecase.genealogy.internal.GenealogyQueries;
import com.tracecase.genealogy.internal.GenealogyWrites;
import com.tracecase.genealogy.internal.GenealogyWrites.BuildRow;
import com.tracecase.genealogy.internal.GenealogyWrites.LotState;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.TextInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.StringUtils;

/**
 * The genealogy's write side: parts, lots and builds through the API, guarded status
 * changes, service events, repairs and files. Every change records who made it.
 */
@Service
public class LotManagement {

	/**
	 * An email address: one @, a dot in the domain, no spaces (as the import checks it).
	 */
	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
		.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

	private final GenealogyWrites writes;

	private final GenealogyQueries queries;

	private final ApplicationEventPublisher events;

	private final GenealogyProperties properties;

	private final Clock clock;

	LotManagement(GenealogyWrites writes, GenealogyQueries queries, ApplicationEventPublisher events,
			GenealogyProperties properties, Clock clock) {
		this.writes = writes;
		this.queries = queries;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param part the part, must not be {@literal null}
	 * @throws InvalidInputException when a field is missing or the part number is taken
	 */
	@Transactional
	public Part createPart(Part part) {
		require(part.partNumber(), "partNumber", "The part number is required.");
		InputRules.checkCode("partNumber", "Part number", part.partNumber());
		require(part.description(), "description", "The description is required.");
		TextInput.check("description", "The description", part.description(), 500, false);
		TextInput.check("manufacturer", "The manufacturer", part.manufacturer(), 200, false);
		if (part.kind() == null) {
			throw new InvalidInputException("kind", "The part kind is required.");
		}
		InputRules.checkAmount("unitCost", "The unit cost", part.unitCost());
		if (writes.partExists(part.partNumber())) {
			throw new InvalidInputException("partNumber", "Part '" + part.partNumber() + "' already exists.");
		}
		writes.insertPart(part.partNumber(), part.description(), part.kind(), part.unitCost(), part.manufacturer(),
				part.serialized());
		events.publishEvent(new PartCreated(part.partNumber(), part.description(), clock.instant()));
		return queries.findPart(part.partNumber()).orElseThrow();
	}

	/**
	 * Registers a lot that no build of ours produced, e.g. a reel from a supplier.
	 * @throws InvalidInputException when a field is missing or a code is taken
	 */
	@Transactional
	public Lot createLot(NewLot lot) {
		require(lot.lotCode(), "lotCode", "The lot code is required.");
		require(lot.partNumber(), "partNumber", "The part number is required.");
		InputRules.checkCode("lotCode", "Lot code", lot.lotCode());
		reference("partNumber", "part number", lot.partNumber());
		if (lot.quantity() == null) {
			throw new InvalidInputException("quantity", "The quantity is required.");
		}
		InputRules.checkAmount("quantity", "The quantity", lot.quantity());
		InputRules.checkCode("serialNumber", "Serial number", lot.serialNumber());
		TextInput.check("supplier", "The supplier", lot.supplier(), 200, false);
		TextInput.check("dateCode", "The date code", lot.dateCode(), 100, false);
		TextInput.check("location", "The location", lot.location(), 200, false);
		if (!writes.partExists(lot.partNumber())) {
			throw new InvalidInputException("partNumber", "Part '" + lot.partNumber() + "' does not exist.");
		}
		if (writes.lotExists(lot.lotCode())) {
			throw new InvalidInputException("lotCode", "Lot '" + lot.lotCode() + "' already exists.");
		}
		if (lot.serialNumber() != null && writes.serialExists(lot.serialNumber())) {
			throw new InvalidInputException("serialNumber",
					"Serial number '" + lot.serialNumber() + "' already exists.");
		}
		writes.insertLot(lot.lotCode(), lot.partNumber(), lot.supplier(), lot.dateCode(), lot.quantity(),
				lot.createdOn() != null ? lot.createdOn() : LocalDate.now(clock), lot.location(),
				lot.status() != null ? lot.status() : LotStatus.AVAILABLE, lot.serialNumber(), null, null);
		events.publishEvent(new LotCreated(lot.lotCode(), lot.partNumber(), lot.quantity(),
				lot.status() != null ? lot.status() : LotStatus.AVAILABLE, clock.instant()));
		return queries.findLot(lot.lotCode()).orElseThrow();
	}

	/**
	 * Starts a build and creates its outputs, in production until
	 * {@link #completeBuild(String, String)}.
	 * @return the output lots in build order, never {@literal null}
	 * @throws InvalidInputException when a field is missing, a code is taken or the part
	 * is unknown
	 */
	@Transactional
	public List<Lot> createBuild(NewBuild build) {
		require(build.buildCode(), "buildCode", "The build code is required.");
		require(build.partNumber(), "partNumber", "The part number is required.");
		InputRules.checkCode("buildCode", "Build code", build.buildCode());
		reference("partNumber", "part number", build.partNumber());
		InputRules.checkBuildQuantity("quantity", build.quantity());
		InputRules.checkCode("serialPrefix", "Serial prefix", build.serialPrefix());
		InputRules.checkCode("outputLotCode", "Output lot code", build.outputLotCode());
		Part part = queries.findPart(build.partNumber())
			.orElseThrow(
					() -> new InvalidInputException("partNumber", "Part '" + build.partNumber() + "' does not exist."));
		if (writes.buildExists(build.buildCode())) {
			throw new InvalidInputException("buildCode", "Build '" + build.buildCode() + "' already exists.");
		}
		LocalDate started = build.startedOn() != null ? build.startedOn() : LocalDate.now(clock);
		long buildId = writes.insertBuild(build.buildCode(), part.partNumber(), build.quantity(), started, null,
				"IN_PROGRESS");
		boolean separately = build.trackOutputsSeparately() != null ? build.trackOutputsSeparately()
				: part.serialized();
		if (separately) {
			int units;
			try {
				units = build.quantity().intValueExact();
			}
			catch (ArithmeticException ex) {
				throw new InvalidInputException("quantity", "Outputs tracked separately need a whole quantity.");
			}
			if (units > 100_000) {
				throw new InvalidInputException("quantity", "At most 100000 outputs per build.");
			}
			String prefix = StringUtils.hasText(build.serialPrefix()) ? build.serialPrefix() : part.partNumber();
			// outputs are <buildCode>-0001 and <prefix>-000001: they must fit the code
			// length too
			if (build.buildCode().length() + 5 > InputRules.CODE_MAX_LENGTH) {
				throw new InvalidInputException("buildCode", "Build code is longer than "
						+ (InputRules.CODE_MAX_LENGTH - 5) + " characters, too long to number its outputs.");
			}
			if (prefix.length() + 7 > InputRules.CODE_MAX_LENGTH) {
				throw new InvalidInputException("serialPrefix", "Serial prefix is longer than "
						+ (InputRules.CODE_MAX_LENGTH - 7) + " characters, too long to number serial numbers.");
			}
			List<String> serials = writes.nextSerials(part.partNumber(), prefix, units);
			for (int i = 0; i < units; i++) {
				String lotCode = "%s-%04d".formatted(build.buildCode(), i + 1);
				if (writes.lotExists(lotCode)) {
					throw new InvalidInputException("buildCode", "Output lot '" + lotCode + "' already exists.");
				}
				writes.insertLot(lotCode, part.partNumber(), null, null, BigDecimal.ONE, started, null,
						LotStatus.IN_PRODUCTION, serials.get(i), buildId, i + 1);
			}
		}
		else {
			String lotCode = StringUtils.hasText(build.outputLotCode()) ? build.outputLotCode()
					: build.buildCode() + "-OUT";
			InputRules.checkCode("outputLotCode", "Output lot code", lotCode);
			if (writes.lotExists(lotCode)) {
				throw new InvalidInputException("outputLotCode", "Lot '" + lotCode + "' already exists.");
			}
			writes.insertLot(lotCode, part.partNumber(), null, null, build.quantity(), started, null,
					LotStatus.IN_PRODUCTION, null, buildId, 1);
		}
		List<Lot> outputs = queries.outputs(build.buildCode());
		events.publishEvent(new BuildStarted(build.buildCode(), part.partNumber(), build.quantity(), outputs.size(),
				clock.instant()));
		return outputs;
	}

	/**
	 * Records that a build consumed a lot, for one output (unit-level) or for all of them
	 * (build-level).
	 * @throws NotFoundException when the build is unknown
	 * @throws InvalidInputException when a lot is unknown, the produced lot is not an
	 * output of the build, or the link would make the genealogy cyclic
	 */
	@Transactional
	public void recordConsumption(String buildCode, NewConsumption consumption) {
		reference("buildCode", "build code", buildCode);
		BuildRow build = writes.build(buildCode).orElseThrow(() -> new NotFoundException("Build", buildCode));
		if (consumption == null) {
			throw new InvalidInputException("consumedLotCode", "The consumed lot is required.");
		}
		require(consumption.consumedLotCode(), "consumedLotCode", "The consumed lot is required.");
		reference("consumedLotCode", "lot code", consumption.consumedLotCode());
		reference("producedLotCode", "lot code", consumption.producedLotCode());
		BigDecimal quantity = consumption.quantity() != null ? consumption.quantity() : BigDecimal.ONE;
		InputRules.checkAmount("quantity", "The quantity", quantity);
		LotState consumed = writes.lockLot(consumption.consumedLotCode())
			.orElseThrow(() -> new InvalidInputException("consumedLotCode",
					"Lot '" + consumption.consumedLotCode() + "' does not exist."));
		Long producedId = null;
		String producedCode = null;
		if (StringUtils.hasText(consumption.producedLotCode())) {
			LotState produced = writes.lockLot(consumption.producedLotCode())
				.orElseThrow(() -> new InvalidInputException("producedLotCode",
						"Lot '" + consumption.producedLotCode() + "' does not exist."));
			if (produced.buildId() == null || produced.buildId() != build.id()) {
				throw new InvalidInputException("producedLotCode",
						"Lot '" + produced.lotCode() + "' is not an output of build '" + buildCode + "'.");
			}
			producedId = produced.id();
			producedCode = produced.lotCode();
		}
		if (consumed.buildId() != null) {
			if (consumed.buildId() == build.id() || writes.linkBuilds(consumed.buildId(), build.id())) {
				throw new InvalidInputException("consumedLotCode", "Build '" + buildCode + "' consuming lot '"
						+ consumed.lotCode() + "' would make the genealogy cyclic.");
			}
		}
		writes.insertConsumption(build.id(), consumed.id(), quantity, producedId);
		events
			.publishEvent(new MaterialConsumed(buildCode, consumed.lotCode(), producedCode, quantity, clock.instant()));
	}

	/**
	 * Records what a build consumed, all or nothing: when one consumption is refused none
	 * is kept.
	 * @param consumptions at least one
	 * @throws NotFoundException when the build is unknown
	 * @throws InvalidInputException naming the refused consumption by its position, e.g.
	 * {@code [1].consumedLotCode}, for the reasons of
	 * {@link #recordConsumption(String, NewConsumption)}
	 */
	@Transactional
	public void recordConsumptions(String buildCode, List<NewConsumption> consumptions) {
		if (consumptions == null || consumptions.isEmpty()) {
			throw new InvalidInputException("consumptions", "Send at least one consumption.");
		}
		for (int i = 0; i < consumptions.size(); i++) {
			try {
				recordConsumption(buildCode, consumptions.get(i));
			}
			catch (InvalidInputException ex) {
				String position = "[" + i + "].";
				throw new InvalidInputException("Consumption " + (i + 1) + ": " + ex.getMessage(),
						ex.violations()
							.stream()
							.map(v -> new InvalidInputException.Violation(position + v.field(), v.message()))
							.toList());
			}
		}
	}

	/**
	 * Completes a build: its outputs in production become available.
	 * @throws NotFoundException when the build is unknown
	 * @throws InvalidInputException when it is completed already
	 */
	@Transactional
	public Build completeBuild(String buildCode, String actor) {
		BuildRow build = writes.build(buildCode).orElseThrow(() -> new NotFoundException("Build", buildCode));
		if ("COMPLETED".equals(build.status())) {
			throw new InvalidInputException("buildCode", "Build '" + buildCode + "' is completed already.");
		}
		writes.completeBuild(build.id(), LocalDate.now(clock), actor, clock.instant());
		events.publishEvent(new BuildCompleted(buildCode, actor, clock.instant()));
		return queries.findBuild(buildCode).orElseThrow();
	}

	/**
	 * Changes a lot's status if the transition is allowed
	 * ({@link LotStatus#successors()}), recording who, when and why, and publishes
	 * {@link LotStatusChanged}.
	 * @throws NotFoundException when the lot is unknown
	 * @throws InvalidInputException for a forbidden transition
	 */
	@Transactional
	public void changeStatus(String lotCode, LotStatus newStatus, String actor, String reason) {
		if (newStatus == null) {
			throw new InvalidInputException("status", "The new status is required.");
		}
		TextInput.check("reason", "The reason", reason, 1000, true);
		LotState lot = writes.lockLot(lotCode).orElseThrow(() -> new NotFoundException("Lot", lotCode));
		change(lot, newStatus, actor, reason);
	}

	/**
	 * Books a unit back from its customer: a shipped unit becomes returned; a unit
	 * already returned (booked by a recall campaign and by its case, say) stays so and
	 * the second booking joins its history, so that no step that takes the unit in fails
	 * on the other.
	 * @throws NotFoundException when the lot is unknown
	 * @throws InvalidInputException when the unit is neither with a customer nor returned
	 */
	@Transactional
	public void receiveReturn(String lotCode, String actor, String reason) {
		TextInput.check("reason", "The reason", reason, 1000, true);
		LotState lot = writes.lockLot(lotCode).orElseThrow(() -> new NotFoundException("Lot", lotCode));
		if (lot.status() == LotStatus.RETURNED) {
			writes.insertServiceEvent(lot.id(), "RECEIVED", "Booked in again: " + reason, actor, clock.instant());
			return;
		}
		if (lot.status() != LotStatus.SHIPPED) {
			throw new InvalidInputException("status",
					"Unit %s is %s, not with a customer: it cannot come back.".formatted(
							lot.serialNumber() != null ? lot.serialNumber() : lot.lotCode(),
							Labels.label(lot.status()).toLowerCase(Labels.LOCALE)));
		}
		change(lot, LotStatus.RETURNED, actor, reason);
	}

	private void change(LotState lot, LotStatus newStatus, String actor, String reason) {
		if (!lot.status().canChangeTo(newStatus)) {
			throw new InvalidInputException("status", "Lot '%s' cannot change from %s to %s (allowed: %s)."
				.formatted(lot.lotCode(), lot.status(), newStatus, lot.status().successors()));
		}
		Instant now = clock.instant();
		writes.updateStatus(lot.id(), lot.status(), newStatus, actor, reason, now);
		events.publishEvent(
				new LotStatusChanged(lot.lotCode(), lot.serialNumber(), lot.status(), newStatus, actor, reason, now));
	}

	/**
	 * Adds an entry to a unit's service history.
	 * @param type e.g. {@code REPORTED_FAILING}, {@code INVESTIGATED}, {@code SHIPPED},
	 * must not be {@literal null}
	 * @throws NotFoundException when the serial number is unknown
	 */
	@Transactional
	public void recordServiceEvent(String serialNumber, String type, String summary, String actor) {
		require(type, "type", "The event type is required.");
		TextInput.check("type", "The event type", type.trim(), 64, false);
		TextInput.check("summary", "The summary", summary, 4000, true);
		reference("serialNumber", "serial number", serialNumber);
		LotState device = writes.lockLotOfSerial(serialNumber)
			.orElseThrow(() -> new NotFoundException("Serial number", serialNumber));
		writes.insertServiceEvent(device.id(), type.trim().toUpperCase(), summary == null ? "" : summary, actor,
				clock.instant());
	}

	/**
	 * Records who a unit was shipped to. Every rule broken is reported at once, by field.
	 * @throws NotFoundException when the serial number is unknown
	 * @throws InvalidInputException naming {@code customerName}, {@code customerEmail},
	 * {@code shippedOn} or {@code reference}
	 */
	@Transactional
	public void recordShipment(String serialNumber, Shipment shipment) {
		reference("serialNumber", "serial number", serialNumber);
		List<InvalidInputException.Violation> violations = new ArrayList<>();
		String name = shipment == null || shipment.customerName() == null ? null : shipment.customerName().trim();
		if (!StringUtils.hasText(name)) {
			violations.add(new InvalidInputException.Violation("customerName", "The customer's name is required."));
		}
		else {
			addIfPresent(violations, TextInput.violation("customerName", "The customer's name", name, 200, false));
		}
		String email = shipment == null || !StringUtils.hasText(shipment.customerEmail()) ? null
				: shipment.customerEmail().trim().toLowerCase(java.util.Locale.ROOT);
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			violations.add(new InvalidInputException.Violation("customerEmail",
					"'" + shipment.customerEmail() + "' is not an email address."));
		}
		LocalDate shippedOn = shipment == null ? null : shipment.shippedOn();
		if (shippedOn == null) {
			violations.add(new InvalidInputException.Violation("shippedOn", "The shipping date is required."));
		}
		else if (shippedOn.isAfter(LocalDate.now(clock))) {
			violations.add(new InvalidInputException.Violation("shippedOn", "The shipping date is in the future."));
		}
		String ref = shipment == null || !StringUtils.hasText(shipment.reference()) ? null
				: shipment.reference().trim();
		addIfPresent(violations, TextInput.violation("reference", "The reference", ref, 100, false));
		if (!violations.isEmpty()) {
			throw new InvalidInputException(
					violations.stream().map(InvalidInputException.Violation::message).collect(Collectors.joining(" ")),
					violations);
		}
		LotState unit = writes.lockLotOfSerial(serialNumber.trim())
			.orElseThrow(() -> new NotFoundException("Serial number", serialNumber));
		writes.insertShipment(unit.id(), new Shipment(name, email, shippedOn, ref));
		events.publishEvent(new UnitShipped(serialNumber.trim(), unit.lotCode(), ref, clock.instant()));
	}

	private static void addIfPresent(List<InvalidInputException.Violation> violations,
			InvalidInputException.Violation violation) {
		if (violation != null) {
			violations.add(violation);
		}
	}

	/**
	 * Swaps a lot in a device: the removed lot (at any depth) leaves the device's trace,
	 * the installed one joins it at depth 1 with unit precision and its quantity on hand
	 * goes down by one (a lot left empty is consumed).
	 * @throws NotFoundException when the serial number or a lot is unknown
	 * @throws InvalidInputException when the removed lot is not in the device, the
	 * installed lot has nothing on hand or is not available, or installing it would make
	 * the genealogy cyclic
	 */
	@Transactional
	public void recordRepair(String serialNumber, String removedLotCode, String installedLotCode, String actor,
			String reason) {
		TextInput.check("reason", "The reason", reason, 1000, true);
		checkRepair(serialNumber, removedLotCode, installedLotCode);
		LotState device = writes.lockLotOfSerial(serialNumber).orElseThrow();
		LotState removed = writes.lockLot(removedLotCode.trim()).orElseThrow();
		LotState installed = writes.lockLot(installedLotCode.trim()).orElseThrow();
		Instant now = clock.instant();
		writes.insertRepair(device.id(), removed.id(), installed.id(), actor, reason, now);
		BigDecimal left = installed.quantity().subtract(BigDecimal.ONE);
		writes.updateQuantity(installed.id(), left);
		if (left.signum() == 0) {
			change(installed, LotStatus.CONSUMED, actor, "Installed in " + serialNumber);
		}
		events
			.publishEvent(new UnitRepaired(device.serialNumber(), removed.lotCode(), installed.lotCode(), actor, now));
	}

	/**
	 * Checks a repair before anything is written: the removed lot is inside the device,
	 * the installed lot exists, is in stock and is not built from the device itself.
	 * Every broken rule is reported at once, by field.
	 * @param serialNumber the repaired device
	 * @param removedLotCode the lot taken out, may be {@literal null} (then refused)
	 * @param installedLotCode the lot put in, may be {@literal null} (then refused)
	 * @throws InvalidInputException naming {@code removedLotCode} and
	 * {@code installedLotCode}
	 */
	@Transactional
	public void checkRepair(String serialNumber, String removedLotCode, String installedLotCode) {
		List<InvalidInputException.Violation> violations = new ArrayList<>();
		reference("serialNumber", "serial number", serialNumber);
		reference("removedLotCode", "lot code", removedLotCode);
		reference("installedLotCode", "lot code", installedLotCode);
		LotState device = writes.lockLotOfSerial(serialNumber)
			.orElseThrow(() -> new NotFoundException("Serial number", serialNumber));
		Optional<Lot> removed = lot(removedLotCode, "removedLotCode", "the lot taken out of the unit", violations);
		Optional<Lot> installed = lot(installedLotCode, "installedLotCode", "the lot put into the unit", violations);
		removed.ifPresent(lot -> {
			boolean inDevice = queries.trace(device.id())
				.stream()
				.anyMatch(traced -> traced.lotCode().equals(lot.lotCode()));
			if (!inDevice) {
				violations.add(new InvalidInputException.Violation("removedLotCode",
						"Lot " + lot.lotCode() + " is not inside unit " + serialNumber + "."));
			}
		});
		installed.ifPresent(lot -> {
			if (removed.isPresent() && removed.get().lotCode().equals(lot.lotCode())) {
				violations.add(new InvalidInputException.Violation("installedLotCode",
						"The lot put in must differ from the lot taken out."));
				return;
			}
			if (lot.status() != LotStatus.AVAILABLE && lot.status() != LotStatus.RESERVED) {
				violations.add(new InvalidInputException.Violation("installedLotCode",
						"Lot " + lot.lotCode() + " is "
								+ lot.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
								+ ", not in stock."));
			}
			else if (lot.quantity() == null || lot.quantity().compareTo(BigDecimal.ONE) < 0) {
				violations.add(new InvalidInputException.Violation("installedLotCode",
						"Lot " + lot.lotCode() + " has nothing on hand."));
			}
			writes.lockLot(lot.lotCode())
				.filter(state -> queries.isDownstream(device.id(), state.id()))
				.ifPresent(state -> violations.add(new InvalidInputException.Violation("installedLotCode",
						"Lot " + lot.lotCode() + " is built from unit " + serialNumber + " itself.")));
		});
		if (!violations.isEmpty()) {
			throw new InvalidInputException(
					violations.stream().map(InvalidInputException.Violation::message).collect(Collectors.joining(" ")),
					violations);
		}
	}

	private Optional<Lot> lot(String lotCode, String field, String what,
			List<InvalidInputException.Violation> violations) {
		if (lotCode == null || lotCode.isBlank()) {
			violations.add(new InvalidInputException.Violation(field, "Enter " + what + "."));
			return Optional.empty();
		}
		Optional<Lot> lot = queries.findLot(lotCode.trim());
		if (lot.isEmpty()) {
			violations.add(new InvalidInputException.Violation(field,
					"There is no lot " + lotCode.trim() + "; check the code on its label."));
		}
		return lot;
	}

	/**
	 * Attaches a file to a lot.
	 * @param fileName the client's name, made safe
	 * @throws NotFoundException when the lot is unknown
	 * @throws InvalidInputException when the file is empty or too large, its name has
	 * control characters or its content type is not a media type
	 */
	@Transactional
	public LotFile attachFile(String lotCode, String fileName, String contentType, byte[] content, String actor) {
		reference("lotCode", "lot code", lotCode);
		// longer names are shortened by FileNames.safe; control characters are refused
		TextInput.check("file.fileName", "The file name", fileName, 4096, false);
		TextInput.check("file.contentType", "The file's content type", contentType, 200, false);
		if (StringUtils.hasText(contentType)) {
			try {
				MimeTypeUtils.parseMimeType(contentType);
			}
			catch (InvalidMimeTypeException ex) {
				throw new InvalidInputException("file.contentType",
						"The file's content type '" + contentType + "' is not a media type such as text/plain.");
			}
		}
		LotState lot = writes.lockLot(lotCode).orElseThrow(() -> new NotFoundException("Lot", lotCode));
		if (content.length == 0) {
			throw new InvalidInputException("file", "The file is empty.");
		}
		if (content.length > properties.maxFileSize().toBytes()) {
			throw new InvalidInputException("file",
					"The file is larger than the limit of " + properties.maxFileSize().toMegabytes() + " MB.");
		}
		UUID id = UUID.randomUUID();
		String type = StringUtils.hasText(contentType) ? contentType : "application/octet-stream";
		String safeName = FileNames.safe(fileName);
		writes.insertFile(id, lot.id(), safeName, type, content, actor, clock.instant());
		events.publishEvent(new LotFileAttached(lot.lotCode(), safeName, actor, clock.instant()));
		return queries.file(lot.id(), id).orElseThrow();
	}

	private static void require(String value, String field, String message) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidInputException(field, message);
		}
	}

	/**
	 * A code that refers to something stored: no rule on its characters (it is looked
	 * up), but it must be something the database can compare.
	 */
	private static void reference(String field, String what, String code) {
		TextInput.check(field, "The " + what, code, InputRules.CODE_MAX_LENGTH, false);
	}

}
