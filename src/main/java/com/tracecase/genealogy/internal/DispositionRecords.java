package com.tracecase.genealogy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.tracecase.genealogy.Disposal;
import com.tracecase.genealogy.DisposedItem;
import com.tracecase.genealogy.Disposition;
import com.tracecase.genealogy.LotStatus;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Removed parts and returned units in SQL: which lot holds each, where it came from and
 * the case it came back through ({@code gen_disposal}).
 */
@Repository
public class DispositionRecords {

	private static final String COLUMNS = """
			SELECT l.lot_code, d.item, d.sent_to, l.status, l.location, p.part_number, p.description, l.supplier,
			       p.unit_cost, o.lot_code AS origin_lot_code, u.serial_number, d.case_number, d.disposed_at,
			       d.disposed_by, d.note
			FROM gen_disposal d
			JOIN gen_lot l ON l.id = d.lot_id
			JOIN gen_part p ON p.id = l.part_id
			JOIN gen_lot u ON u.id = d.unit_lot_id
			LEFT JOIN gen_lot o ON o.id = d.origin_lot_id
			""";

	private static final String FILTER = """
			WHERE (CAST(:status AS varchar) IS NULL OR l.status = :status)
			  AND (CAST(:item AS varchar) IS NULL OR d.item = :item)
			""";

	private final NamedParameterJdbcTemplate jdbc;

	DispositionRecords(DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
	}

	public void insert(long lotId, DisposedItem item, Disposition sentTo, String caseNumber, Long originLotId,
			long unitLotId, Instant at, String actor, String note) {
		jdbc.update("""
				INSERT INTO gen_disposal (lot_id, item, sent_to, case_number, origin_lot_id, unit_lot_id, disposed_at,
				                          disposed_by, note)
				VALUES (:lot, :item, :sentTo, :caseNumber, :origin, :unit, :at, :actor, :note)
				""",
				new MapSqlParameterSource("lot", lotId).addValue("item", item.name())
					.addValue("sentTo", sentTo.name())
					.addValue("caseNumber", caseNumber)
					.addValue("origin", originLotId)
					.addValue("unit", unitLotId)
					.addValue("at", Timestamp.from(at))
					.addValue("actor", actor)
					.addValue("note", note));
	}

	public void updateLocation(long lotId, String location) {
		jdbc.update("UPDATE gen_lot SET location = :location WHERE id = :id",
				new MapSqlParameterSource("location", location).addValue("id", lotId));
	}

	/** The part a case already took out of the unit from the lot, if it did. */
	public Optional<Disposal> removedPart(String caseNumber, long unitLotId, long originLotId) {
		return first(COLUMNS + """
				WHERE d.item = 'REMOVED_PART' AND d.case_number = :caseNumber AND d.unit_lot_id = :unit
				  AND d.origin_lot_id = :origin
				""", new MapSqlParameterSource("caseNumber", caseNumber).addValue("unit", unitLotId)
			.addValue("origin", originLotId));
	}

	/** The case's disposal of the returned unit, if it made one. */
	public Optional<Disposal> returnedUnit(String caseNumber, long unitLotId) {
		return first(COLUMNS + """
				WHERE d.item = 'RETURNED_UNIT' AND d.case_number = :caseNumber AND d.unit_lot_id = :unit
				""", new MapSqlParameterSource("caseNumber", caseNumber).addValue("unit", unitLotId));
	}

	public Optional<Disposal> ofLot(long lotId) {
		return first(COLUMNS + "WHERE d.lot_id = :lot", new MapSqlParameterSource("lot", lotId));
	}

	public List<Disposal> ofCase(String caseNumber) {
		return jdbc.query(COLUMNS + "WHERE d.case_number = :caseNumber ORDER BY d.disposed_at, l.lot_code",
				Map.of("caseNumber", caseNumber), DispositionRecords::disposal);
	}

	/** How many parts the case has taken out of units so far: the next one's number. */
	public int removedPartsOfCase(String caseNumber) {
		Integer count = jdbc.queryForObject(
				"SELECT count(*) FROM gen_disposal WHERE case_number = :caseNumber AND item = 'REMOVED_PART'",
				Map.of("caseNumber", caseNumber), Integer.class);
		return count == null ? 0 : count;
	}

	public long count(LotStatus status, DisposedItem item) {
		Long count = jdbc.queryForObject("""
				SELECT count(*) FROM gen_disposal d JOIN gen_lot l ON l.id = d.lot_id
				""" + FILTER, filter(status, item), Long.class);
		return count == null ? 0 : count;
	}

	/** Most recent first. */
	public List<Disposal> page(LotStatus status, DisposedItem item, long offset, int limit) {
		return jdbc.query(COLUMNS + FILTER + """
				ORDER BY d.disposed_at DESC, l.lot_code
				OFFSET :offset LIMIT :limit
				""", filter(status, item).addValue("offset", offset).addValue("limit", limit),
				DispositionRecords::disposal);
	}

	private static MapSqlParameterSource filter(LotStatus status, DisposedItem item) {
		return new MapSqlParameterSource("status", status == null ? null : status.name()).addValue("item",
				item == null ? null : item.name());
	}

	private Optional<Disposal> first(String sql, MapSqlParameterSource params) {
		return jdbc.query(sql, params, DispositionRecords::disposal).stream().findFirst();
	}

	private static Disposal disposal(ResultSet rs, int row) throws SQLException {
		return new Disposal(rs.getString("lot_code"), DisposedItem.valueOf(rs.getString("item")),
				Disposition.valueOf(rs.getString("sent_to")), LotStatus.valueOf(rs.getString("status")),
				rs.getString("location"), rs.getString("part_number"), rs.getString("description"),
				rs.getString("supplier"), rs.getBigDecimal("unit_cost"), rs.getString("origin_lot_code"),
				rs.getString("serial_number"), rs.getString("case_number"), rs.getTimestamp("disposed_at").toInstant(),
				rs.getString("disposed_by"), rs.getString("note"));
	}

}
