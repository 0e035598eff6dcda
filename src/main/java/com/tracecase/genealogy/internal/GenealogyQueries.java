package com.tracecase.genealogy.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.genealogy.Build;
import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.LinkPrecision;
import com.tracecase.genealogy.Lot;
import com.tracecase.genealogy.LotFile;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.Part;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.QuarantinedLot;
import com.tracecase.genealogy.ServiceEvent;
import com.tracecase.genealogy.Shipment;
import com.tracecase.genealogy.StockLot;
import com.tracecase.genealogy.StockSummary;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.genealogy.WhereUsed;
import com.tracecase.genealogy.WhereUsedLot;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read side of the genealogy in SQL. Callers hold the transaction.
 */
@Repository
public class GenealogyQueries {

	private static final String LOT_COLUMNS = """
			SELECT l.id, l.lot_code, p.part_number, p.kind, p.description, l.supplier, l.date_code, l.quantity,
			       l.created_on, l.location, l.status, l.serial_number, b.build_code, l.sequence_in_build,
			       b.started_on, b.completed_on
			FROM gen_lot l
			JOIN gen_part p ON p.id = l.part_id
			LEFT JOIN gen_build b ON b.id = l.build_id
			""";

	private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final ObjectMapper json;

	private final UnitAncestors unitAncestors;

	GenealogyQueries(DataSource dataSource, ObjectMapper json, UnitAncestors unitAncestors) {
		this.unitAncestors = unitAncestors;
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		JdbcTemplate cursor = new JdbcTemplate(dataSource);
		cursor.setFetchSize(2000);
		this.streaming = new NamedParameterJdbcTemplate(cursor);
		this.json = json;
	}

	public Optional<Long> lotId(String lotCode) {
		return single(jdbc.queryForList("SELECT id FROM gen_lot WHERE lot_code = :code", Map.of("code", lotCode),
				Long.class));
	}

	public Optional<Long> lotIdOfSerial(String serialNumber) {
		return findDeviceRow(serialNumber).map(LotRow::id);
	}

	public Optional<Lot> findLot(String lotCode) {
		return single(
				jdbc.query(LOT_COLUMNS + "WHERE l.lot_code = :code", Map.of("code", lotCode), GenealogyQueries::lotRow))
			.map(LotRow::lot);
	}

	/** The lots with these codes, in one query; unknown codes are left out. */
	public List<Lot> findLots(Collection<String> lotCodes) {
		if (lotCodes.isEmpty()) {
			return List.of();
		}
		return jdbc
			.query(LOT_COLUMNS + "WHERE l.lot_code IN (:codes)", Map.of("codes", lotCodes), GenealogyQueries::lotRow)
			.stream()
			.map(LotRow::lot)
			.toList();
	}

	/**
	 * A device by its serial number, or by its build code and sequence
	 * ({@code B-DEV-00012#37}).
	 */
	public Optional<Device> findDevice(String serialNumber) {
		return findDeviceRow(serialNumber).map(LotRow::device);
	}

	Optional<LotRow> findDeviceRow(String serialNumber) {
		Optional<LotRow> bySerial = single(jdbc.query(LOT_COLUMNS + "WHERE l.serial_number = :serial",
				Map.of("serial", serialNumber), GenealogyQueries::lotRow));
		if (bySerial.isPresent()) {
			return bySerial;
		}
		int hash = serialNumber.lastIndexOf('#');
		if (hash > 0 && hash < serialNumber.length() - 1) {
			try {
				int sequence = Integer.parseInt(serialNumber.substring(hash + 1));
				return single(jdbc.query(LOT_COLUMNS + """
						WHERE l.build_id = (SELECT id FROM gen_build WHERE build_code = :build)
						  AND l.sequence_in_build = :sequence
						""", Map.of("build", serialNumber.substring(0, hash), "sequence", sequence),
						GenealogyQueries::lotRow))
					.filter(row -> row.lot().serialNumber() != null);
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	public List<TracedLot> trace(long lotId) {
		return jdbc.query(GenealogyGraph.TRACE, Map.of("roots", List.of(lotId)),
				(rs, i) -> new TracedLot(rs.getString("lot_code"), rs.getString("part_number"),
						PartKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getString("supplier"),
						rs.getString("date_code"), rs.getInt("depth"), rs.getString("build_code"),
						LinkPrecision.valueOf(rs.getString("precision"))));
	}

	public WhereUsed whereUsed(long lotId, String lotCode, PartKind kind, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource("roots", List.of(lotId))
			.addValue("kind", kind == null ? null : kind.name())
			.addValue("limit", size)
			.addValue("offset", (long) page * size);
		List<WhereUsedLot> lots = new ArrayList<>();
		Map<LotStatus, Long> counts = new EnumMap<>(LotStatus.class);
		long[] total = new long[1];
		jdbc.query(GenealogyGraph.WHERE_USED_PAGE, params, (ResultSet rs) -> {
			if (counts.isEmpty() && total[0] == 0) {
				total[0] = rs.getLong("total");
				readCounts(rs.getString("counts")).forEach((status, n) -> counts.put(LotStatus.valueOf(status), n));
			}
			if (rs.getString("lot_code") != null) {
				lots.add(whereUsedLot(rs));
			}
		});
		long inStock = counts.entrySet()
			.stream()
			.filter(e -> e.getKey().inStock())
			.mapToLong(Map.Entry::getValue)
			.sum();
		return new WhereUsed(lotCode, page, size, total[0], counts, inStock,
				counts.getOrDefault(LotStatus.IN_PRODUCTION, 0L), counts.getOrDefault(LotStatus.SHIPPED, 0L), lots);
	}

	/**
	 * Hands every downstream lot to the consumer while reading them with a cursor; the
	 * caller must hold a transaction for the cursor to stream.
	 */
	public void streamWhereUsed(long lotId, PartKind kind, Consumer<WhereUsedLot> consumer) {
		MapSqlParameterSource params = new MapSqlParameterSource("roots", List.of(lotId)).addValue("kind",
				kind == null ? null : kind.name());
		streaming.query(GenealogyGraph.WHERE_USED_ALL, params, (ResultSet rs) -> {
			consumer.accept(whereUsedLot(rs));
		});
	}

	public boolean isDownstream(long fromLotId, long candidateLotId) {
		return Boolean.TRUE.equals(jdbc.queryForObject(GenealogyGraph.IS_DOWNSTREAM,
				Map.of("roots", List.of(fromLotId), "candidate", candidateLotId), Boolean.class));
	}

	/**
	 * Ancestor lots of the given units with failed and total unit counts: from the kept
	 * unit ancestors when they can answer, by walking otherwise.
	 */
	public List<AtRiskCounts> atRiskCounts(Collection<Long> unitLotIds, int minShared) {
		List<AtRiskCounts> kept = unitAncestors.atRiskCounts(unitLotIds, partsOf(unitLotIds), minShared);
		return kept != null ? kept : walkedAtRiskCounts(unitLotIds, minShared);
	}

	/**
	 * {@link #atRiskCounts} by walking up from every unit and down from every shared lot:
	 * the definition, and the answer when the kept ancestors cannot give it.
	 */
	public List<AtRiskCounts> walkedAtRiskCounts(Collection<Long> unitLotIds, int minShared) {
		return jdbc.query(GenealogyGraph.AT_RISK, Map.of("roots", unitLotIds, "minShared", minShared),
				(rs, i) -> new AtRiskCounts(rs.getString("lot_code"), rs.getString("part_number"),
						rs.getString("supplier"), rs.getLong("failed_units"), rs.getLong("total_units")));
	}

	/**
	 * Counts behind the given lots, whose failed units are known already: how many units
	 * of the parts of {@code unitLotIds} contain each.
	 * @param parts the parts of {@code unitLotIds} ({@link #partsOf})
	 * @param failedUnitsByLot lot code to the number of failed units containing it
	 */
	public List<AtRiskCounts> lotTotals(Collection<Long> unitLotIds, Collection<Long> parts,
			Map<String, Long> failedUnitsByLot) {
		if (failedUnitsByLot.isEmpty()) {
			return List.of();
		}
		List<AtRiskCounts> kept = unitAncestors.lotTotals(parts, failedUnitsByLot);
		if (kept != null) {
			return kept;
		}
		return jdbc.query(GenealogyGraph.LOT_TOTALS, Map.of("roots", unitLotIds, "lots", failedUnitsByLot.keySet()),
				(rs, i) -> new AtRiskCounts(rs.getString("lot_code"), rs.getString("part_number"),
						rs.getString("supplier"), failedUnitsByLot.get(rs.getString("lot_code")),
						rs.getLong("total_units")));
	}

	/**
	 * @param serialNumbers serial numbers as the genealogy stores them
	 * @return the lot ids of those units that exist, never {@literal null}
	 */
	public List<Long> lotIdsOfSerials(Collection<String> serialNumbers) {
		if (serialNumbers.isEmpty()) {
			return List.of();
		}
		return jdbc.queryForList("SELECT id FROM gen_lot WHERE serial_number IN (:serials) ORDER BY id",
				Map.of("serials", serialNumbers), Long.class);
	}

	/**
	 * The lots among the given ones that are single units: they carry a serial number.
	 */
	public List<String> serializedLots(Collection<String> lotCodes) {
		if (lotCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.queryForList(
				"SELECT lot_code FROM gen_lot WHERE lot_code IN (:codes) AND serial_number IS NOT NULL ORDER BY lot_code",
				Map.of("codes", lotCodes), String.class);
	}

	/**
	 * All units (lots) of the parts of the given units: the population at-risk compares
	 * against.
	 */
	public long unitPopulation(Collection<Long> unitLotIds) {
		return population(partsOf(unitLotIds));
	}

	/** The parts of the given units, each once. */
	public List<Long> partsOf(Collection<Long> unitLotIds) {
		return jdbc.queryForList("SELECT DISTINCT part_id FROM gen_lot WHERE id IN (:roots)",
				Map.of("roots", unitLotIds), Long.class);
	}

	/** All units (lots) of the parts: the population at-risk compares against. */
	public long population(Collection<Long> parts) {
		if (parts.isEmpty()) {
			return 0;
		}
		Long n = jdbc.queryForObject("SELECT COALESCE(sum(lot_count), 0) FROM gen_part WHERE id IN (:parts)",
				Map.of("parts", parts), Long.class);
		return n == null ? 0 : n;
	}

	public Optional<Part> findPart(String partNumber) {
		return single(jdbc.query("""
				SELECT part_number, description, kind, unit_cost, manufacturer, serialized
				FROM gen_part WHERE part_number = :pn
				""", Map.of("pn", partNumber),
				(rs, i) -> new Part(rs.getString("part_number"), rs.getString("description"),
						PartKind.valueOf(rs.getString("kind")), rs.getBigDecimal("unit_cost"),
						rs.getString("manufacturer"), rs.getBoolean("serialized"))));
	}

	public Optional<Build> findBuild(String buildCode) {
		return single(jdbc.query("""
				SELECT b.build_code, p.part_number, b.quantity, b.started_on, b.completed_on, b.status,
				       (SELECT count(*) FROM gen_lot o WHERE o.build_id = b.id) AS outputs
				FROM gen_build b JOIN gen_part p ON p.id = b.part_id
				WHERE b.build_code = :code
				""", Map.of("code", buildCode),
				(rs, i) -> new Build(rs.getString("build_code"), rs.getString("part_number"),
						rs.getBigDecimal("quantity"), date(rs, "started_on"), date(rs, "completed_on"),
						rs.getString("status"), rs.getLong("outputs"))));
	}

	/** Lots of the build, in build order. */
	public List<Lot> outputs(String buildCode) {
		return jdbc.query(LOT_COLUMNS + """
				WHERE l.build_id = (SELECT id FROM gen_build WHERE build_code = :code)
				ORDER BY l.sequence_in_build
				""", Map.of("code", buildCode), GenealogyQueries::lotRow).stream().map(LotRow::lot).toList();
	}

	/**
	 * Of the lots, the single units (with a serial number) that went into another lot:
	 * they are inside it.
	 */
	public Set<String> unitsBuiltIn(Collection<String> lotCodes) {
		if (lotCodes.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.queryForList("""
				SELECT l.lot_code FROM gen_lot l
				WHERE l.lot_code IN (:codes) AND l.serial_number IS NOT NULL
				  AND EXISTS (SELECT 1 FROM gen_consumption c WHERE c.lot_id = l.id)
				""", Map.of("codes", lotCodes), String.class));
	}

	/** The latest shipment of each of the lots that has one, by lot code. */
	public Map<String, Shipment> latestShipments(Collection<String> lotCodes) {
		Map<String, Shipment> latest = new HashMap<>();
		if (lotCodes.isEmpty()) {
			return latest;
		}
		jdbc.query("""
				SELECT DISTINCT ON (l.lot_code) l.lot_code, s.customer_name, s.customer_email, s.shipped_on, s.reference
				FROM gen_lot l JOIN gen_shipment s ON s.lot_id = l.id
				WHERE l.lot_code IN (:codes)
				ORDER BY l.lot_code, s.shipped_on DESC, s.id DESC
				""", Map.of("codes", lotCodes), (ResultSet rs) -> {
			latest.put(rs.getString("lot_code"),
					new Shipment(rs.getString("customer_name"), rs.getString("customer_email"),
							rs.getObject("shipped_on", LocalDate.class), rs.getString("reference")));
		});
		return latest;
	}

	/** A unit's shipments, latest first. */
	public List<Shipment> shipments(long lotId) {
		return jdbc.query("""
				SELECT customer_name, customer_email, shipped_on, reference FROM gen_shipment
				WHERE lot_id = :lot ORDER BY shipped_on DESC, id DESC
				""", Map.of("lot", lotId),
				(rs, i) -> new Shipment(rs.getString("customer_name"), rs.getString("customer_email"),
						rs.getObject("shipped_on", LocalDate.class), rs.getString("reference")));
	}

	public long countQuarantined() {
		Long count = jdbc.queryForObject("SELECT count(*) FROM gen_lot WHERE status = 'QUARANTINED'", Map.of(),
				Long.class);
		return count == null ? 0 : count;
	}

	public List<QuarantinedLot> quarantined(long offset, int limit) {
		return jdbc.query("""
				SELECT l.lot_code, p.part_number, p.description, l.supplier, l.quantity, l.location, l.serial_number,
				       s.changed_at, s.changed_by, s.reason
				FROM gen_lot l
				JOIN gen_part p ON p.id = l.part_id
				LEFT JOIN LATERAL (
				    SELECT c.changed_at, c.changed_by, c.reason FROM gen_lot_status_change c
				    WHERE c.lot_id = l.id AND c.to_status = 'QUARANTINED'
				    ORDER BY c.changed_at DESC LIMIT 1) s ON true
				WHERE l.status = 'QUARANTINED'
				ORDER BY s.changed_at DESC NULLS LAST, l.lot_code
				OFFSET :offset LIMIT :limit
				""", Map.of("offset", offset, "limit", limit),
				(rs, i) -> new QuarantinedLot(rs.getString("lot_code"), rs.getString("part_number"),
						rs.getString("description"), rs.getString("supplier"), rs.getBigDecimal("quantity"),
						rs.getString("location"), rs.getString("serial_number"),
						rs.getTimestamp("changed_at") == null ? null : rs.getTimestamp("changed_at").toInstant(),
						rs.getString("changed_by"), rs.getString("reason")));
	}

	public List<StockLot> stock(String partNumber, LotStatus status) {
		return jdbc.query("""
				SELECT l.lot_code, p.part_number, l.supplier, l.quantity, l.location, l.status, l.serial_number
				FROM gen_lot l JOIN gen_part p ON p.id = l.part_id
				WHERE p.part_number = :pn AND l.status = :status AND l.quantity > 0
				ORDER BY l.created_on NULLS LAST, l.lot_code
				""", Map.of("pn", partNumber, "status", status.name()), GenealogyQueries::stockLot);
	}

	/**
	 * The part's lots in the status with quantity on hand, apart from some: their number
	 * and quantity, and the oldest {@code oldest} of them.
	 */
	public StockSummary stockSummary(String partNumber, LotStatus status, Collection<String> apart, int oldest) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("pn", partNumber)
			.addValue("status", status.name())
			.addValue("apart", apart)
			.addValue("oldest", oldest);
		// the part's id as a value, so that both read gen_lot_part_status_idx in its
		// order
		// (part, status, date, code) and stop at the oldest; the totals come from the
		// index alone
		String lots = """
				FROM gen_lot l
				WHERE l.part_id = (SELECT id FROM gen_part WHERE part_number = :pn)
				  AND l.status = :status AND l.quantity > 0
				""" + (apart.isEmpty() ? "" : " AND l.lot_code NOT IN (:apart)");
		Map<String, Object> totals = jdbc
			.queryForMap("SELECT count(*) AS lots, coalesce(sum(l.quantity), 0) AS quantity " + lots, params);
		List<StockLot> first = jdbc.query(
				"SELECT l.lot_code, :pn AS part_number, l.supplier, l.quantity, l.location, l.status, l.serial_number "
						+ lots + " ORDER BY l.created_on NULLS LAST, l.lot_code LIMIT :oldest",
				params, GenealogyQueries::stockLot);
		return new StockSummary(((Number) totals.get("lots")).intValue(), (BigDecimal) totals.get("quantity"), first);
	}

	/** The part's lots among the codes that are in the status with quantity on hand. */
	public List<StockLot> stockAmong(String partNumber, LotStatus status, Collection<String> lotCodes) {
		if (lotCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.query("""
				SELECT l.lot_code, p.part_number, l.supplier, l.quantity, l.location, l.status, l.serial_number
				FROM gen_lot l JOIN gen_part p ON p.id = l.part_id
				WHERE l.lot_code IN (:codes) AND p.part_number = :pn AND l.status = :status AND l.quantity > 0
				ORDER BY l.created_on NULLS LAST, l.lot_code
				""", Map.of("codes", lotCodes, "pn", partNumber, "status", status.name()), GenealogyQueries::stockLot);
	}

	private static StockLot stockLot(ResultSet rs, int row) throws SQLException {
		return new StockLot(rs.getString("lot_code"), rs.getString("part_number"), rs.getString("supplier"),
				rs.getBigDecimal("quantity"), rs.getString("location"), LotStatus.valueOf(rs.getString("status")),
				rs.getString("serial_number"));
	}

	/**
	 * The files of the lots with these codes, in one query, each lot's in upload order.
	 */
	public List<LotFile> files(Collection<String> lotCodes) {
		if (lotCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.query("""
				SELECT f.id, l.lot_code, f.file_name, f.content_type, f.size, f.uploaded_at, f.uploaded_by
				FROM gen_lot_file f JOIN gen_lot l ON l.id = f.lot_id
				WHERE l.lot_code IN (:codes)
				ORDER BY l.lot_code, f.uploaded_at, f.file_name
				""", Map.of("codes", lotCodes), GenealogyQueries::lotFile);
	}

	public List<LotFile> files(long lotId) {
		return jdbc.query("""
				SELECT f.id, l.lot_code, f.file_name, f.content_type, f.size, f.uploaded_at, f.uploaded_by
				FROM gen_lot_file f JOIN gen_lot l ON l.id = f.lot_id
				WHERE f.lot_id = :lot
				ORDER BY f.uploaded_at, f.file_name
				""", Map.of("lot", lotId), GenealogyQueries::lotFile);
	}

	public Optional<LotFile> file(long lotId, java.util.UUID fileId) {
		return single(jdbc.query("""
				SELECT f.id, l.lot_code, f.file_name, f.content_type, f.size, f.uploaded_at, f.uploaded_by
				FROM gen_lot_file f JOIN gen_lot l ON l.id = f.lot_id
				WHERE f.lot_id = :lot AND f.id = :id
				""", Map.of("lot", lotId, "id", fileId), GenealogyQueries::lotFile));
	}

	public byte[] fileContent(java.util.UUID fileId) {
		return jdbc.queryForObject("SELECT content FROM gen_lot_file WHERE id = :id", Map.of("id", fileId),
				byte[].class);
	}

	/**
	 * The unit's timeline: built, status changes, files, service events and repairs,
	 * oldest first.
	 */
	public List<ServiceEvent> history(long lotId) {
		List<ServiceEvent> events = new ArrayList<>();
		jdbc.query("""
				SELECT b.build_code, l.sequence_in_build, b.started_on, b.completed_on, p.part_number
				FROM gen_lot l JOIN gen_build b ON b.id = l.build_id JOIN gen_part p ON p.id = b.part_id
				WHERE l.id = :lot
				""", Map.of("lot", lotId), (ResultSet rs) -> {
			LocalDate completed = date(rs, "completed_on");
			LocalDate started = date(rs, "started_on");
			String where = "%s in build %s as #%d".formatted(rs.getString("part_number"), rs.getString("build_code"),
					rs.getInt("sequence_in_build"));
			if (started != null) {
				events.add(new ServiceEvent(started.atStartOfDay(ZoneOffset.UTC).toInstant(), "BUILD_STARTED",
						"Build started: " + where, null));
			}
			if (completed != null) {
				events.add(new ServiceEvent(completed.atStartOfDay(ZoneOffset.UTC).toInstant(), "BUILT",
						"Built: " + where, null));
			}
		});
		events.addAll(jdbc.query("""
				SELECT changed_at, from_status, to_status, changed_by, reason
				FROM gen_lot_status_change WHERE lot_id = :lot
				""", Map.of("lot", lotId),
				(rs, i) -> new ServiceEvent(instant(rs, "changed_at"), "STATUS_CHANGED", "Status %s \u2192 %s%s"
					.formatted(rs.getString("from_status"), rs.getString("to_status"), reason(rs.getString("reason"))),
						rs.getString("changed_by"))));
		events.addAll(jdbc.query("""
				SELECT uploaded_at, file_name, uploaded_by FROM gen_lot_file WHERE lot_id = :lot
				""", Map.of("lot", lotId), (rs, i) -> new ServiceEvent(instant(rs, "uploaded_at"), "FILE_ATTACHED",
				"File attached: " + rs.getString("file_name"), rs.getString("uploaded_by"))));
		events.addAll(jdbc.query("""
				SELECT at, type, summary, actor FROM gen_service_event WHERE lot_id = :lot
				""", Map.of("lot", lotId), (rs, i) -> new ServiceEvent(instant(rs, "at"), rs.getString("type"),
				rs.getString("summary"), rs.getString("actor"))));
		events.addAll(jdbc.query("""
				SELECT r.at, r.actor, r.reason, rl.lot_code AS removed, rp.part_number AS removed_part,
				       il.lot_code AS installed, ip.part_number AS installed_part
				FROM gen_repair r
				JOIN gen_lot rl ON rl.id = r.removed_lot_id JOIN gen_part rp ON rp.id = rl.part_id
				JOIN gen_lot il ON il.id = r.installed_lot_id JOIN gen_part ip ON ip.id = il.part_id
				WHERE r.device_lot_id = :lot
				""", Map.of("lot", lotId), (rs, i) -> new ServiceEvent(instant(rs, "at"), "REPAIRED",
				"Removed %s (%s), installed %s (%s)%s".formatted(rs.getString("removed"), rs.getString("removed_part"),
						rs.getString("installed"), rs.getString("installed_part"), reason(rs.getString("reason"))),
				rs.getString("actor"))));
		events.sort(Comparator.comparing(ServiceEvent::at));
		return events;
	}

	private static String reason(String reason) {
		return (reason == null || reason.isBlank()) ? "" : ": " + reason;
	}

	private Map<String, Long> readCounts(String counts) {
		try {
			return json.readValue(counts, COUNTS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Unreadable status counts " + counts, ex);
		}
	}

	private static WhereUsedLot whereUsedLot(ResultSet rs) throws SQLException {
		return new WhereUsedLot(rs.getString("lot_code"), rs.getString("serial_number"), rs.getString("part_number"),
				PartKind.valueOf(rs.getString("kind")), LotStatus.valueOf(rs.getString("status")), rs.getInt("depth"));
	}

	private static LotFile lotFile(ResultSet rs, int i) throws SQLException {
		return new LotFile(rs.getString("id"), rs.getString("lot_code"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size"), instant(rs, "uploaded_at"),
				rs.getString("uploaded_by"));
	}

	static LotRow lotRow(ResultSet rs, int i) throws SQLException {
		return new LotRow(rs.getLong("id"),
				new Lot(rs.getString("lot_code"), rs.getString("part_number"), PartKind.valueOf(rs.getString("kind")),
						rs.getString("description"), rs.getString("supplier"), rs.getString("date_code"),
						rs.getBigDecimal("quantity"), date(rs, "created_on"), rs.getString("location"),
						LotStatus.valueOf(rs.getString("status")), rs.getString("serial_number"),
						rs.getString("build_code"), rs.getInt("sequence_in_build")),
				date(rs, "started_on"), date(rs, "completed_on"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static <T> Optional<T> single(List<T> rows) {
		return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
	}

	/** A lot with its id and its build's dates. */
	record LotRow(long id, Lot lot, LocalDate buildStartedOn, LocalDate buildCompletedOn) {

		Device device() {
			return new Device(lot.serialNumber(), lot.lotCode(), lot.partNumber(), lot.partDescription(),
					lot.buildCode(), lot.sequenceInBuild(), buildStartedOn, buildCompletedOn, lot.status());
		}

	}

	/** Counts behind one at-risk lot and the failed units that contain it. */
	/** Counts behind one at-risk lot. */
	public record AtRiskCounts(String lotCode, String partNumber, String supplier, long failedUnits, long totalUnits) {
	}

	/** Whether no part has been registered yet, e.g. before the first import. */
	public boolean isEmpty() {
		return jdbc.queryForList("SELECT 1 FROM gen_part LIMIT 1", Map.of()).isEmpty();
	}

}
