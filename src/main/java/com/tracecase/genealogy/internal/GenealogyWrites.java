package com.tracecase.genealogy.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.Shipment;
import com.tracecase.genealogy.PartKind;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The write side of the genealogy in SQL, one statement per change. Callers hold the
 * transaction and check the business rules.
 */
@Repository
public class GenealogyWrites {

	private final NamedParameterJdbcTemplate jdbc;

	private final UnitAncestors unitAncestors;

	GenealogyWrites(DataSource dataSource, UnitAncestors unitAncestors) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.unitAncestors = unitAncestors;
	}

	public boolean partExists(String partNumber) {
		return exists("SELECT 1 FROM gen_part WHERE part_number = :v", partNumber);
	}

	public boolean lotExists(String lotCode) {
		return exists("SELECT 1 FROM gen_lot WHERE lot_code = :v", lotCode);
	}

	public boolean serialExists(String serialNumber) {
		return exists("SELECT 1 FROM gen_lot WHERE serial_number = :v", serialNumber);
	}

	public boolean buildExists(String buildCode) {
		return exists("SELECT 1 FROM gen_build WHERE build_code = :v", buildCode);
	}

	private boolean exists(String sql, String value) {
		return !jdbc.queryForList(sql, Map.of("v", value)).isEmpty();
	}

	public void insertPart(String partNumber, String description, PartKind kind, BigDecimal unitCost,
			String manufacturer, boolean serialized) {
		jdbc.update("""
				INSERT INTO gen_part (part_number, description, kind, unit_cost, manufacturer, serialized)
				VALUES (:pn, :description, :kind, :cost, :manufacturer, :serialized)
				""",
				new MapSqlParameterSource("pn", partNumber).addValue("description", description)
					.addValue("kind", kind.name())
					.addValue("cost", unitCost)
					.addValue("manufacturer", manufacturer)
					.addValue("serialized", serialized));
	}

	public long insertLot(String lotCode, String partNumber, String supplier, String dateCode, BigDecimal quantity,
			LocalDate createdOn, String location, LotStatus status, String serialNumber, Long buildId,
			Integer sequenceInBuild) {
		jdbc.update("UPDATE gen_part SET lot_count = lot_count + 1 WHERE part_number = :pn", Map.of("pn", partNumber));
		return jdbc.queryForObject("""
				INSERT INTO gen_lot (lot_code, part_id, supplier, date_code, quantity, created_on, location, status,
				                     serial_number, build_id, sequence_in_build)
				VALUES (:code, (SELECT id FROM gen_part WHERE part_number = :pn), :supplier, :dateCode, :quantity,
				        :createdOn, :location, :status, :serial, :build, :sequence)
				RETURNING id
				""",
				new MapSqlParameterSource("code", lotCode).addValue("pn", partNumber)
					.addValue("supplier", supplier)
					.addValue("dateCode", dateCode)
					.addValue("quantity", quantity)
					.addValue("createdOn", createdOn)
					.addValue("location", location)
					.addValue("status", status.name())
					.addValue("serial", serialNumber)
					.addValue("build", buildId)
					.addValue("sequence", sequenceInBuild),
				Long.class);
	}

	public long insertBuild(String buildCode, String partNumber, BigDecimal quantity, LocalDate startedOn,
			LocalDate completedOn, String status) {
		return jdbc.queryForObject("""
				INSERT INTO gen_build (build_code, part_id, quantity, started_on, completed_on, status)
				VALUES (:code, (SELECT id FROM gen_part WHERE part_number = :pn), :quantity, :started, :completed,
				        :status)
				RETURNING id
				""",
				new MapSqlParameterSource("code", buildCode).addValue("pn", partNumber)
					.addValue("quantity", quantity)
					.addValue("started", startedOn)
					.addValue("completed", completedOn)
					.addValue("status", status),
				Long.class);
	}

	/**
	 * Reserves serial numbers of a part: the part's counter moves past the ones handed
	 * out, skipping serials already taken (by an import, say).
	 */
	public List<String> nextSerials(String partNumber, String prefix, int count) {
		Long next = jdbc.queryForObject("SELECT next_serial FROM gen_part WHERE part_number = :pn FOR UPDATE",
				Map.of("pn", partNumber), Long.class);
		long counter = next == null ? 1 : next;
		java.util.ArrayList<String> serials = new java.util.ArrayList<>(count);
		while (serials.size() < count) {
			String serial = "%s-%06d".formatted(prefix, counter++);
			if (!serialExists(serial)) {
				serials.add(serial);
			}
		}
		jdbc.update("UPDATE gen_part SET next_serial = :next WHERE part_number = :pn",
				Map.of("next", counter, "pn", partNumber));
		return serials;
	}

	public Optional<BuildRow> build(String buildCode) {
		List<BuildRow> rows = jdbc.query("""
				SELECT b.id, b.status, p.part_number, p.serialized
				FROM gen_build b JOIN gen_part p ON p.id = b.part_id
				WHERE b.build_code = :code
				FOR UPDATE OF b
				""", Map.of("code", buildCode), (rs, i) -> new BuildRow(rs.getLong("id"), rs.getString("status"),
				rs.getString("part_number"), rs.getBoolean("serialized")));
		return rows.stream().findFirst();
	}

	public int maxSequence(long buildId) {
		Integer max = jdbc.queryForObject(
				"SELECT COALESCE(max(sequence_in_build), 0) FROM gen_lot WHERE build_id = :build",
				Map.of("build", buildId), Integer.class);
		return max == null ? 0 : max;
	}

	/**
	 * Locks a lot for a change.
	 */
	public Optional<LotState> lockLot(String lotCode) {
		return lockLot("l.lot_code = :v", lotCode);
	}

	public Optional<LotState> lockLotOfSerial(String serialNumber) {
		return lockLot("l.serial_number = :v", serialNumber);
	}

	private Optional<LotState> lockLot(String condition, String value) {
		List<LotState> rows = jdbc.query("""
				SELECT l.id, l.lot_code, l.serial_number, l.status, l.quantity, l.build_id
				FROM gen_lot l WHERE %s FOR UPDATE
				""".formatted(condition), Map.of("v", value),
				(rs, i) -> new LotState(rs.getLong("id"), rs.getString("lot_code"), rs.getString("serial_number"),
						LotStatus.valueOf(rs.getString("status")), rs.getBigDecimal("quantity"),
						(Long) rs.getObject("build_id")));
		return rows.stream().findFirst();
	}

	public void updateStatus(long lotId, LotStatus from, LotStatus to, String actor, String reason, Instant at) {
		jdbc.update("UPDATE gen_lot SET status = :to WHERE id = :id", Map.of("to", to.name(), "id", lotId));
		jdbc.update("""
				INSERT INTO gen_lot_status_change (lot_id, from_status, to_status, changed_at, changed_by, reason)
				VALUES (:id, :from, :to, :at, :actor, :reason)
				""",
				new MapSqlParameterSource("id", lotId).addValue("from", from.name())
					.addValue("to", to.name())
					.addValue("at", Timestamp.from(at))
					.addValue("actor", actor)
					.addValue("reason", reason));
	}

	public void updateQuantity(long lotId, BigDecimal quantity) {
		jdbc.update("UPDATE gen_lot SET quantity = :q WHERE id = :id", Map.of("q", quantity, "id", lotId));
	}

	/**
	 * Completes a build: its outputs still in production become available, each change
	 * recorded.
	 * @return the number of outputs released
	 */
	public int completeBuild(long buildId, LocalDate completedOn, String actor, Instant at) {
		jdbc.update("UPDATE gen_build SET status = 'COMPLETED', completed_on = :on WHERE id = :id",
				Map.of("on", completedOn, "id", buildId));
		MapSqlParameterSource params = new MapSqlParameterSource("id", buildId).addValue("at", Timestamp.from(at))
			.addValue("actor", actor);
		jdbc.update("""
				INSERT INTO gen_lot_status_change (lot_id, from_status, to_status, changed_at, changed_by, reason)
				SELECT id, 'IN_PRODUCTION', 'AVAILABLE', :at, :actor, 'Build completed'
				FROM gen_lot WHERE build_id = :id AND status = 'IN_PRODUCTION'
				""", params);
		return jdbc.update("UPDATE gen_lot SET status = 'AVAILABLE' WHERE build_id = :id AND status = 'IN_PRODUCTION'",
				params);
	}

	public void insertConsumption(long buildId, long lotId, BigDecimal quantity, Long producedLotId) {
		jdbc.update("""
				INSERT INTO gen_consumption (build_id, lot_id, quantity, produced_lot_id)
				VALUES (:build, :lot, :quantity, :produced)
				""",
				new MapSqlParameterSource("build", buildId).addValue("lot", lotId)
					.addValue("quantity", quantity)
					.addValue("produced", producedLotId));
		if (producedLotId != null) {
			unitAncestors.refreshDownstreamOf(List.of(producedLotId));
		}
		else {
			unitAncestors.refreshOutputsOf(buildId);
		}
	}

	/**
	 * Records that a build consumes an output of another build.
	 * @return whether that link closes a cycle between builds
	 */
	public boolean linkBuilds(long producerBuildId, long consumerBuildId) {
		MapSqlParameterSource params = new MapSqlParameterSource("p", producerBuildId).addValue("c", consumerBuildId);
		boolean cyclic = !jdbc
			.queryForList(GenealogyGraph.cyclicLinks("SELECT CAST(:p AS bigint), CAST(:c AS bigint), 0"), params)
			.isEmpty();
		if (!cyclic) {
			jdbc.update("""
					INSERT INTO gen_build_link (producer_build_id, consumer_build_id) VALUES (:p, :c)
					ON CONFLICT DO NOTHING
					""", params);
		}
		return cyclic;
	}

	public void insertServiceEvent(long lotId, String type, String summary, String actor, Instant at) {
		jdbc.update("""
				INSERT INTO gen_service_event (lot_id, at, type, summary, actor)
				VALUES (:lot, :at, :type, :summary, :actor)
				""",
				new MapSqlParameterSource("lot", lotId).addValue("at", Timestamp.from(at))
					.addValue("type", type)
					.addValue("summary", summary)
					.addValue("actor", actor));
	}

	public void insertShipment(long lotId, Shipment shipment) {
		jdbc.update("""
				INSERT INTO gen_shipment (lot_id, customer_name, customer_email, shipped_on, reference)
				VALUES (:lot, :name, :email, :shippedOn, :reference)
				""",
				new MapSqlParameterSource("lot", lotId).addValue("name", shipment.customerName())
					.addValue("email", shipment.customerEmail())
					.addValue("shippedOn", shipment.shippedOn())
					.addValue("reference", shipment.reference()));
	}

	public void insertRepair(long deviceLotId, long removedLotId, long installedLotId, String actor, String reason,
			Instant at) {
		jdbc.update("""
				INSERT INTO gen_repair (device_lot_id, removed_lot_id, installed_lot_id, at, actor, reason)
				VALUES (:device, :removed, :installed, :at, :actor, :reason)
				""",
				new MapSqlParameterSource("device", deviceLotId).addValue("removed", removedLotId)
					.addValue("installed", installedLotId)
					.addValue("at", Timestamp.from(at))
					.addValue("actor", actor)
					.addValue("reason", reason));
		unitAncestors.refreshDownstreamOf(List.of(deviceLotId));
	}

	public void insertFile(UUID id, long lotId, String fileName, String contentType, byte[] content, String actor,
			Instant at) {
		jdbc.update("""
				INSERT INTO gen_lot_file (id, lot_id, file_name, content_type, size, content, uploaded_at, uploaded_by)
				VALUES (:id, :lot, :name, :type, :size, :content, :at, :actor)
				""",
				new MapSqlParameterSource("id", id).addValue("lot", lotId)
					.addValue("name", fileName)
					.addValue("type", contentType)
					.addValue("size", content.length)
					.addValue("content", content)
					.addValue("at", Timestamp.from(at))
					.addValue("actor", actor));
	}

	/** A build as a change needs it. */
	public record BuildRow(long id, String status, String partNumber, boolean serialized) {
	}

	/** A locked lot. */
	public record LotState(long id, String lotCode, String serialNumber, LotStatus status, BigDecimal quantity,
			Long buildId) {
	}

}
