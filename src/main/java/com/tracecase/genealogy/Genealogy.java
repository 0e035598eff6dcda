package com.tracecase.genealogy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.tracecase.genealogy.internal.GenealogyQueries;
import com.tracecase.genealogy.internal.Hypergeometric;
import com.tracecase.genealogy.internal.LotLabels;
import com.tracecase.genealogy.internal.UnitAncestors;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The genealogy's read side: devices, traces, where-used, at-risk lots, stock, files and
 * service history.
 */
@Service
@Transactional(readOnly = true)
public class Genealogy {

	/** Largest where-used page. */
	public static final int MAX_PAGE_SIZE = 10_000;

	private static final double LN_10 = Math.log(10);

	/** Lot codes per query of a recall's lookups. */
	private static final int RECALL_CHUNK = 10_000;

	private final GenealogyQueries queries;

	private final LotLabels labels;

	private final UnitAncestors unitAncestors;

	Genealogy(GenealogyQueries queries, LotLabels labels, UnitAncestors unitAncestors) {
		this.queries = queries;
		this.labels = labels;
		this.unitAncestors = unitAncestors;
	}

	/**
	 * @param serialNumber a serial number, or a build code and sequence
	 * ({@code B-DEV-00012#37}), must not be {@literal null}
	 * @return the device, empty when unknown
	 */
	public Optional<Device> findDevice(String serialNumber) {
		return queries.findDevice(serialNumber);
	}

	/**
	 * Checks a serial number a person entered.
	 * @param field the input field, for the message
	 * @param serialNumber as entered, may be {@literal null}
	 * @return the device, never {@literal null}
	 * @throws InvalidInputException when nothing was entered or no device has it
	 */
	public Device checkDevice(String field, String serialNumber) {
		if (serialNumber == null || serialNumber.isBlank()) {
			throw new InvalidInputException(field, "Enter the device's serial number.");
		}
		return queries.findDevice(serialNumber.trim())
			.orElseThrow(() -> new InvalidInputException(field, "There is no device with serial number "
					+ serialNumber.trim() + "; check the label, or close the report as invalid."));
	}

	/**
	 * @param serialNumber must not be {@literal null}
	 * @return the device and every lot in it at any depth, nearest first, never
	 * {@literal null}
	 * @throws NotFoundException when the serial number is unknown
	 */
	public DeviceTrace traceDevice(String serialNumber) {
		Device device = queries.findDevice(serialNumber)
			.orElseThrow(() -> new NotFoundException("Serial number", serialNumber));
		long lotId = queries.lotId(device.lotCode()).orElseThrow();
		return new DeviceTrace(device, queries.trace(lotId));
	}

	/**
	 * @param lotCode must not be {@literal null}
	 * @return the lot and every lot in it at any depth, nearest first, never
	 * {@literal null}
	 * @throws NotFoundException when the lot is unknown
	 */
	public LotTrace traceLot(String lotCode) {
		Lot lot = getLot(lotCode);
		return new LotTrace(lot, queries.trace(lotId(lotCode)));
	}

	public Optional<Lot> findLot(String lotCode) {
		return queries.findLot(lotCode);
	}

	/**
	 * @return the lots with these codes, in the order of the codes; unknown codes are
	 * left out
	 */
	public List<Lot> findLots(Collection<String> lotCodes) {
		Map<String, Lot> found = new HashMap<>();
		queries.findLots(lotCodes).forEach(lot -> found.put(lot.lotCode(), lot));
		return lotCodes.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
	}

	/**
	 * @throws NotFoundException when the lot is unknown
	 */
	public Lot getLot(String lotCode) {
		return queries.findLot(lotCode).orElseThrow(() -> new NotFoundException("Lot", lotCode));
	}

	/**
	 * Ranks the ancestor lots of failed units by how strongly the failures concentrate in
	 * them. With more than one failed unit only lots shared by at least two of them are
	 * ranked. Unknown serial numbers are ignored.
	 * @param failedSerialNumbers must not be {@literal null}
	 * @return most suspect first, never {@literal null}
	 */
	public List<AtRiskLot> atRisk(Collection<String> failedSerialNumbers) {
		return atRiskReport(failedSerialNumbers).lots();
	}

	/**
	 * {@link #atRisk(Collection)} with the counts it stands on and the unknown serials.
	 */
	public AtRiskReport atRiskReport(Collection<String> failedSerialNumbers) {
		FailedUnits failed = failedUnits(failedSerialNumbers);
		if (failed.lotIds().isEmpty()) {
			return new AtRiskReport(0, failed.unknown(), 0, 0, List.of());
		}
		long population = queries.unitPopulation(failed.lotIds());
		List<AtRiskLot> lots = queries.atRiskCounts(failed.lotIds(), failed.minShared())
			.stream()
			.map(counts -> atRiskLot(counts, population, failed.count()))
			.sorted(MOST_SUSPECT_FIRST)
			.toList();
		return new AtRiskReport(failed.count(), failed.unknown(), population, (double) failed.count() / population,
				lots);
	}

	/**
	 * Ranks lots whose failed units are known already (for instance from the lots each
	 * investigation recorded): the counts and scores {@link #atRisk(Collection)} gives
	 * those lots over the same failed units. Only the given lots are walked, downwards
	 * for their totals, so the cost follows their reach, not the number of failed units
	 * nor the size of the genealogy.
	 * @param failedSerialNumbers every failed unit compared, as the genealogy stores its
	 * serial number; must not be {@literal null}
	 * @param failedSerialsByLot for each lot to rank, the failed units that contain it in
	 * the order to show; with more than one failed unit, lots in fewer than two are not
	 * ranked; must not be {@literal null}
	 * @return most suspect first, never {@literal null}
	 */
	public List<SharedLot> rankLots(Collection<String> failedSerialNumbers,
			Map<String, List<String>> failedSerialsByLot) {
		List<Long> units = queries.lotIdsOfSerials(new LinkedHashSet<>(failedSerialNumbers));
		int minShared = units.size() > 1 ? 2 : 1;
		Map<String, Long> failedUnitsByLot = new LinkedHashMap<>();
		failedSerialsByLot.forEach((lot, serials) -> {
			if (serials.size() >= minShared) {
				failedUnitsByLot.put(lot, (long) serials.size());
			}
		});
		if (units.isEmpty() || failedUnitsByLot.isEmpty()) {
			return List.of();
		}
		List<Long> parts = queries.partsOf(units);
		long population = queries.population(parts);
		return queries.lotTotals(units, parts, failedUnitsByLot)
			.stream()
			.map(counts -> new SharedLot(atRiskLot(counts, population, units.size()),
					failedSerialsByLot.get(counts.lotCode())))
			.sorted(Comparator.comparing(SharedLot::lot, MOST_SUSPECT_FIRST))
			.toList();
	}

	/**
	 * Of the products containing either lot, how many hold only one of them: what a
	 * report would need to tell the two apart. Read from the kept unit ancestors, so it
	 * costs an index range of each lot's reach.
	 * @return never {@literal null}; both counts 0 when a lot is unknown
	 */
	public LotsApart lotsApart(String lotCode, String otherLotCode) {
		long[] apart = unitAncestors.productsApart(lotCode, otherLotCode);
		return new LotsApart(lotCode, otherLotCode, apart[0], apart[1]);
	}

	/**
	 * @param lotCodes must not be {@literal null}
	 * @return those of the lots that are single units (serialized, such as a device or a
	 * serialized board), never {@literal null}
	 */
	public Set<String> singleUnitLots(Collection<String> lotCodes) {
		return new LinkedHashSet<>(queries.serializedLots(new LinkedHashSet<>(lotCodes)));
	}

	private static final Comparator<AtRiskLot> MOST_SUSPECT_FIRST = Comparator.comparingDouble(AtRiskLot::score)
		.reversed()
		.thenComparing(Comparator.comparingLong(AtRiskLot::failedUnits).reversed())
		.thenComparing(AtRiskLot::lotCode);

	private static AtRiskLot atRiskLot(GenealogyQueries.AtRiskCounts counts, long population, long failed) {
		double logP = Hypergeometric.logUpperTail(population, failed, counts.totalUnits(), counts.failedUnits());
		double rate = counts.totalUnits() == 0 ? 0 : (double) counts.failedUnits() / counts.totalUnits();
		return new AtRiskLot(counts.lotCode(), counts.partNumber(), counts.supplier(), counts.failedUnits(),
				counts.totalUnits(), rate, Math.exp(logP), logP == 0 ? 0 : -logP / LN_10);
	}

	/** The known failed units, once each, and the serial numbers the genealogy lacks. */
	private FailedUnits failedUnits(Collection<String> failedSerialNumbers) {
		List<Long> units = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String serial : new LinkedHashSet<>(failedSerialNumbers)) {
			queries.lotIdOfSerial(serial).ifPresentOrElse(id -> {
				if (!units.contains(id)) {
					units.add(id);
				}
			}, () -> unknown.add(serial));
		}
		return new FailedUnits(units, unknown);
	}

	private record FailedUnits(List<Long> lotIds, List<String> unknown) {

		long count() {
			return lotIds.size();
		}

		/** With more than one failed unit only lots shared by at least two are ranked. */
		int minShared() {
			return lotIds.size() > 1 ? 2 : 1;
		}

	}

	/**
	 * @param lotCode must not be {@literal null}
	 * @param kindOrNull only lots of parts of this kind, or all when {@literal null}
	 * @return every lot downstream of the lot, by depth then lot code, never
	 * {@literal null}
	 * @throws NotFoundException when the lot is unknown
	 */
	public List<WhereUsedLot> whereUsed(String lotCode, PartKind kindOrNull) {
		List<WhereUsedLot> lots = new ArrayList<>();
		queries.streamWhereUsed(lotId(lotCode), kindOrNull, lots::add);
		return lots;
	}

	/**
	 * One page of {@link #whereUsed(String, PartKind)} with counts by status over all of
	 * it.
	 * @throws InvalidInputException for a negative page or a size outside 1 to
	 * {@value #MAX_PAGE_SIZE}
	 */
	public WhereUsed whereUsed(String lotCode, PartKind kindOrNull, int page, int size) {
		if (page < 0) {
			throw new InvalidInputException("page", "The page must not be negative.");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "The page size must be between 1 and " + MAX_PAGE_SIZE + ".");
		}
		return queries.whereUsed(lotId(lotCode), lotCode, kindOrNull, page, size);
	}

	/**
	 * Hands every downstream lot to the consumer as it is read, for answers too large to
	 * hold.
	 * @throws NotFoundException when the lot is unknown (before anything is handed over)
	 */
	public void streamWhereUsed(String lotCode, PartKind kindOrNull, Consumer<WhereUsedLot> consumer) {
		queries.streamWhereUsed(lotId(lotCode), kindOrNull, consumer);
	}

	/**
	 * @return whether the genealogy holds nothing yet (no part registered or imported)
	 */
	public boolean isEmpty() {
		return queries.isEmpty();
	}

	public Optional<Part> findPart(String partNumber) {
		return queries.findPart(partNumber);
	}

	public Optional<Build> findBuild(String buildCode) {
		return queries.findBuild(buildCode);
	}

	/**
	 * @throws NotFoundException when the build is unknown
	 */
	public List<Lot> buildOutputs(String buildCode) {
		if (queries.findBuild(buildCode).isEmpty()) {
			throw new NotFoundException("Build", buildCode);
		}
		return queries.outputs(buildCode);
	}

	/**
	 * @param partNumber must not be {@literal null}
	 * @param status must not be {@literal null}
	 * @return the part's lots in that status with quantity on hand, oldest first, never
	 * {@literal null}
	 */
	public List<StockLot> stock(String partNumber, LotStatus status) {
		return queries.stock(partNumber, status);
	}

	/**
	 * The part's stock in one status, apart from some lots, without reading every lot:
	 * the number of lots, their quantity and the oldest few.
	 * @param apart lots to leave out, e.g. suspect lots; must not be {@literal null}
	 * @param oldest how many of the oldest lots to return
	 */
	public StockSummary stock(String partNumber, LotStatus status, Collection<String> apart, int oldest) {
		return queries.stockSummary(partNumber, status, apart, oldest);
	}

	/**
	 * @return those of the lots that are the part's, in the status and with quantity on
	 * hand, oldest first
	 */
	public List<StockLot> stockAmong(String partNumber, LotStatus status, Collection<String> lotCodes) {
		return queries.stockAmong(partNumber, status, lotCodes);
	}

	/**
	 * @throws NotFoundException when the lot is unknown
	 */
	public List<LotFile> files(String lotCode) {
		return queries.files(lotId(lotCode));
	}

	/**
	 * @return the files of the lots, lot by lot in the order of the codes, each lot's in
	 * upload order; unknown codes have none
	 */
	public List<LotFile> files(Collection<String> lotCodes) {
		Map<String, List<LotFile>> byLot = new HashMap<>();
		queries.files(lotCodes)
			.forEach(file -> byLot.computeIfAbsent(file.lotCode(), code -> new ArrayList<>()).add(file));
		return lotCodes.stream().distinct().flatMap(code -> byLot.getOrDefault(code, List.of()).stream()).toList();
	}

	/**
	 * @throws NotFoundException when the lot or the file is unknown
	 */
	public LotFile file(String lotCode, String fileId) {
		return queries.file(lotId(lotCode), uuid(fileId)).orElseThrow(() -> new NotFoundException("File", fileId));
	}

	/**
	 * @throws NotFoundException when the lot or the file is unknown
	 */
	public byte[] fileContent(String lotCode, String fileId) {
		LotFile file = file(lotCode, fileId);
		return queries.fileContent(UUID.fromString(file.fileId()));
	}

	/**
	 * What a recall of the lot must reach: the lot itself while it is in stock (depth 0),
	 * and every lot built from it at any depth that is still somewhere (in the field, in
	 * stock, in production), with who has each shipped one. Lots consumed into another
	 * (listed itself) and scrapped lots are left out.
	 * @return by depth, then lot code, never {@literal null}
	 * @throws NotFoundException when the lot is unknown
	 */
	public List<RecallUnit> recallUnits(String lotCode) {
		Lot recalled = getLot(lotCode);
		List<WhereUsedLot> reached = new ArrayList<>();
		if (Whereabouts.of(recalled.status()).isPresent()) {
			reached.add(new WhereUsedLot(recalled.lotCode(), recalled.serialNumber(), recalled.partNumber(),
					recalled.partKind(), recalled.status(), 0));
		}
		queries.streamWhereUsed(lotId(lotCode), null, lot -> {
			if (Whereabouts.of(lot.status()).isPresent()) {
				reached.add(lot);
			}
		});
		// a serialized sub-assembly keeps its status inside the unit it was built into:
		// the
		// unit is listed, the part inside it is not somewhere of its own
		Set<String> builtIn = new HashSet<>();
		Map<String, Shipment> shipments = new HashMap<>();
		for (int from = 0; from < reached.size(); from += RECALL_CHUNK) {
			List<String> codes = reached.subList(from, Math.min(reached.size(), from + RECALL_CHUNK))
				.stream()
				.map(WhereUsedLot::lotCode)
				.toList();
			builtIn.addAll(queries.unitsBuiltIn(codes));
			shipments.putAll(queries.latestShipments(codes));
		}
		return reached.stream()
			.filter(lot -> !builtIn.contains(lot.lotCode()))
			.map(lot -> new RecallUnit(lot.lotCode(), lot.serialNumber(), lot.partNumber(), lot.partKind(),
					lot.status(), lot.depth(), Whereabouts.of(lot.status()).orElseThrow(),
					shipments.get(lot.lotCode())))
			.toList();
	}

	/**
	 * @return who the unit was shipped to, latest first, never {@literal null}
	 * @throws NotFoundException when the serial number is unknown
	 */
	public List<Shipment> shipments(String serialNumber) {
		return queries.shipments(queries.lotIdOfSerial(serialNumber)
			.orElseThrow(() -> new NotFoundException("Serial number", serialNumber)));
	}

	/**
	 * @param serialNumber must not be {@literal null}
	 * @return built, status changes, files, service events and repairs, oldest first,
	 * never {@literal null}
	 * @throws NotFoundException when the serial number is unknown
	 */
	public List<ServiceEvent> serviceHistory(String serialNumber) {
		return queries.history(queries.lotIdOfSerial(serialNumber)
			.orElseThrow(() -> new NotFoundException("Serial number", serialNumber)));
	}

	/**
	 * One page of the lots held in quarantine, most recently quarantined first, each with
	 * who quarantined it, when and why.
	 * @throws InvalidInputException for a negative page or a size outside 1 to
	 * {@value #MAX_PAGE_SIZE}
	 */
	public QuarantinedStock quarantined(int page, int size) {
		if (page < 0) {
			throw new InvalidInputException("page", "The page must not be negative.");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("size", "The page size must be between 1 and " + MAX_PAGE_SIZE + ".");
		}
		return new QuarantinedStock(page, size, queries.countQuarantined(),
				queries.quarantined((long) page * size, size));
	}

	/**
	 * @param lotCode must not be {@literal null}
	 * @return the lot's history: built, status changes with who and why, files, service
	 * events and repairs, oldest first, never {@literal null}
	 * @throws NotFoundException when the lot is unknown
	 */
	public List<ServiceEvent> lotHistory(String lotCode) {
		return queries.history(lotId(lotCode));
	}

	/**
	 * @return the lot's label as PNG with a QR code of its URL, never {@literal null}
	 * @throws NotFoundException when the lot is unknown
	 */
	public byte[] label(String lotCode) {
		return labels.png(getLot(lotCode));
	}

	/**
	 * @return the lot's URL in Tracecase, as its label encodes it
	 */
	public String lotUrl(String lotCode) {
		return labels.url(lotCode);
	}

	private long lotId(String lotCode) {
		return queries.lotId(lotCode).orElseThrow(() -> new NotFoundException("Lot", lotCode));
	}

	private static UUID uuid(String fileId) {
		try {
			return UUID.fromString(fileId);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("File", fileId);
		}
	}

}
