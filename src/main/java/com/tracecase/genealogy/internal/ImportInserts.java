package com.tracecase.genealogy.internal;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inserts of checked staging rows, one statement per table, and the planner
 * statistics the later inserts need.
 */
final class ImportInserts {

	private static final int ANALYZE_THRESHOLD = 5_000;

	private ImportInserts() {
	}

	static void parts(JdbcTemplate jdbc) {
		jdbc.update(INSERT_PARTS);
	}

	static void builds(JdbcTemplate jdbc) {
		jdbc.update(INSERT_BUILDS);
	}

	/** Inserts the lots and adds them to their parts' counts. */
	static void lots(JdbcTemplate jdbc) {
		jdbc.update(INSERT_LOTS);
		jdbc.update(COUNT_LOTS);
	}

	static void consumptions(JdbcTemplate jdbc) {
		jdbc.update(INSERT_CONSUMPTIONS);
	}

	/**
	 * Stages the build links of the imported consumptions in {@code stage_links} (for
	 * {@link ImportValidation#cycles}) and inserts the new ones.
	 */
	static void links(JdbcTemplate jdbc) {
		jdbc.execute(STAGE_LINKS);
		jdbc.update(INSERT_LINKS);
	}

	static void shipments(JdbcTemplate jdbc) {
		jdbc.update(INSERT_SHIPMENTS);
	}

	/** Traces the units of the lots that gained an input in this import. */
	static void traceUnits(UnitAncestors unitAncestors) {
		unitAncestors.refreshImported(IMPORTED_INPUTS);
	}

	/**
	 * The planner must see many new rows before joining them: fresh statistics turn
	 * nested loops into hash joins.
	 */
	static void analyzeIfLarge(JdbcTemplate jdbc, long rows, String table) {
		if (rows >= ANALYZE_THRESHOLD) {
			jdbc.execute("ANALYZE " + table);
		}
	}

	private static final String INSERT_PARTS = """
			INSERT INTO gen_part (part_number, description, kind, unit_cost, manufacturer, serialized)
			SELECT s.part_number, s.description, upper(btrim(s.kind)), CAST(btrim(s.unit_cost) AS numeric),
			       s.manufacturer,
			       COALESCE(lower(btrim(s.serialized)) IN ('true', 'yes', '1'), upper(btrim(s.kind)) = 'PRODUCT')
			FROM stage_parts s
			ORDER BY s.line
			""";

	private static final String INSERT_BUILDS = """
			INSERT INTO gen_build (build_code, part_id, quantity, started_on, completed_on, status)
			SELECT s.build_code, p.id, CAST(btrim(s.quantity) AS numeric), CAST(s.started_on AS date),
			       CAST(s.completed_on AS date),
			       CASE WHEN s.completed_on IS NOT NULL THEN 'COMPLETED'
			            WHEN s.started_on IS NOT NULL THEN 'IN_PROGRESS'
			            ELSE 'PLANNED' END
			FROM stage_builds s
			JOIN gen_part p ON p.part_number = s.part_number
			ORDER BY s.line
			""";

	/**
	 * Outputs of a build are numbered in file order after the build's existing outputs;
	 * without a status they are in production until their build completes.
	 */
	private static final String INSERT_LOTS = """
			INSERT INTO gen_lot (lot_code, part_id, supplier, date_code, quantity, created_on, location, status,
			                     serial_number, build_id, sequence_in_build)
			SELECT s.lot_code, p.id, s.supplier, s.date_code, COALESCE(CAST(btrim(s.quantity) AS numeric), 1),
			       CAST(s.created_on AS date), s.location,
			       COALESCE(upper(btrim(s.status)),
			                CASE WHEN b.id IS NOT NULL AND b.status <> 'COMPLETED' THEN 'IN_PRODUCTION'
			                     ELSE 'AVAILABLE' END),
			       s.serial_number, b.id,
			       CASE WHEN b.id IS NOT NULL
			            THEN COALESCE(seq.max_sequence, 0) + row_number() OVER (PARTITION BY b.id ORDER BY s.line) END
			FROM stage_lots s
			JOIN gen_part p ON p.part_number = s.part_number
			LEFT JOIN gen_build b ON b.build_code = s.build_code
			LEFT JOIN (SELECT l.build_id, max(l.sequence_in_build) AS max_sequence
			           FROM gen_lot l
			           WHERE l.build_id IN (SELECT b2.id FROM gen_build b2
			                                WHERE b2.build_code IN (SELECT build_code FROM stage_lots))
			           GROUP BY l.build_id) seq ON seq.build_id = b.id
			ORDER BY s.line
			""";

	/** Adds the imported lots to their parts' counts (every staged lot is new). */
	private static final String COUNT_LOTS = """
			UPDATE gen_part p SET lot_count = p.lot_count + n.lots
			FROM (SELECT pt.id, count(*) AS lots
			      FROM stage_lots s
			      JOIN gen_part pt ON pt.part_number = s.part_number
			      GROUP BY pt.id) n
			WHERE p.id = n.id
			""";

	private static final String INSERT_CONSUMPTIONS = """
			INSERT INTO gen_consumption (build_id, lot_id, quantity, produced_lot_id)
			SELECT b.id, l.id, COALESCE(CAST(btrim(s.quantity) AS numeric), 1), pl.id
			FROM stage_consumptions s
			JOIN gen_build b ON b.build_code = s.build_code
			JOIN gen_lot l ON l.lot_code = s.consumed_lot_code
			LEFT JOIN gen_lot pl ON pl.lot_code = s.produced_lot_code
			ORDER BY s.line
			""";

	/**
	 * Who has each shipped unit: a unit shipped again (after a return) keeps its earlier
	 * shipments.
	 */
	private static final String INSERT_SHIPMENTS = """
			INSERT INTO gen_shipment (lot_id, customer_name, customer_email, shipped_on, reference)
			SELECT l.id, btrim(s.customer_name), lower(btrim(s.customer_email)), CAST(s.shipped_on AS date),
			       NULLIF(btrim(s.reference), '')
			FROM stage_shipments s
			JOIN gen_lot l ON l.serial_number = s.serial_number
			ORDER BY s.line
			""";

	/**
	 * The lots that gained an input in this import: the produced lots of unit-level
	 * consumptions and the outputs of builds with build-level ones.
	 */
	private static final String IMPORTED_INPUTS = """
			SELECT pl.id AS lot_id
			FROM stage_consumptions s
			JOIN gen_lot pl ON pl.lot_code = s.produced_lot_code
			UNION
			SELECT o.id
			FROM stage_consumptions s
			JOIN gen_build b ON b.build_code = s.build_code
			JOIN gen_lot o ON o.build_id = b.id
			WHERE NOT EXISTS (SELECT 1 FROM gen_lot pl WHERE pl.lot_code = s.produced_lot_code)""";

	private static final String STAGE_LINKS = """
			CREATE TEMP TABLE stage_links ON COMMIT DROP AS
			SELECT l.build_id AS producer, b.id AS consumer, min(s.line) AS line
			FROM stage_consumptions s
			JOIN gen_build b ON b.build_code = s.build_code
			JOIN gen_lot l ON l.lot_code = s.consumed_lot_code
			WHERE l.build_id IS NOT NULL
			GROUP BY l.build_id, b.id
			""";

	private static final String INSERT_LINKS = """
			INSERT INTO gen_build_link (producer_build_id, consumer_build_id)
			SELECT producer, consumer FROM stage_links
			ON CONFLICT DO NOTHING
			""";

}
