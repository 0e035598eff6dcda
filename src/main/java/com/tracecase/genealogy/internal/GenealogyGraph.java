package com.tracecase.genealogy.internal;

/**
 * The genealogy walks, as SQL in one place. Both directions follow the same three kinds
 * of edge:
 * <ul>
 * <li>unit-level consumption: {@code consumed lot -> produced lot};</li>
 * <li>build-level consumption, stored once per build: {@code consumed lot -> every output
 * of the build};</li>
 * <li>a repair: {@code installed lot -> device}.</li>
 * </ul>
 * A repair also removes a lot from a device: a walk never passes from the removed lot to
 * the device (or to anything in between), whichever the direction. Each step is an index
 * lookup, so a walk costs time in proportion to its answer. The {@code path} column
 * carries the lots between the start and the current lot for that check; the depth limit
 * only guards against a cycle slipping in.
 */
final class GenealogyGraph {

	static final int MAX_DEPTH = 64;

	/**
	 * Upwards from the lots in {@code :roots}: {@code up(root, lot_id, depth, build_id,
	 * precision, path)}, depth 0 being the root itself.
	 */
	static final String UP = """
			up (root, lot_id, depth, build_id, precision, path) AS (
			    SELECT l.id, l.id, 0, CAST(NULL AS bigint), CAST(NULL AS varchar), ARRAY[l.id]
			    FROM gen_lot l
			    WHERE l.id IN (:roots)
			  UNION ALL
			    SELECT up.root, e.lot_id, up.depth + 1, e.build_id, e.precision, up.path || e.lot_id
			    FROM up
			    JOIN gen_lot o ON o.id = up.lot_id
			    CROSS JOIN LATERAL (
			        SELECT c.lot_id, c.build_id, CAST('UNIT' AS varchar) AS precision
			        FROM gen_consumption c
			        WHERE c.produced_lot_id = o.id
			      UNION ALL
			        SELECT c.lot_id, c.build_id, 'BUILD'
			        FROM gen_consumption c
			        WHERE c.build_id = o.build_id AND c.produced_lot_id IS NULL
			      UNION ALL
			        SELECT r.installed_lot_id, CAST(NULL AS bigint), 'UNIT'
			        FROM gen_repair r
			        WHERE r.device_lot_id = o.id
			    ) e
			    WHERE up.depth < %d
			      AND NOT EXISTS (SELECT 1 FROM gen_repair r
			                      WHERE r.removed_lot_id = e.lot_id AND r.device_lot_id = ANY (up.path))
			)""".formatted(MAX_DEPTH);

	/**
	 * Downwards from the lots in {@code :roots}: {@code down(root, lot_id, depth, path)},
	 * depth 0 being the root itself.
	 */
	static final String DOWN = """
			down (root, lot_id, depth, path) AS (
			    SELECT l.id, l.id, 0, ARRAY[l.id]
			    FROM gen_lot l
			    WHERE l.id IN (:roots)
			  UNION ALL
			    SELECT down.root, e.lot_id, down.depth + 1, down.path || e.lot_id
			    FROM down
			    %s
			    WHERE down.depth < %d
			      AND NOT EXISTS (SELECT 1 FROM gen_repair r
			                      WHERE r.device_lot_id = e.lot_id AND r.removed_lot_id = ANY (down.path))
			)""".formatted(downstreamOf("down"), MAX_DEPTH);

	/**
	 * The lots one step downstream of {@code <walk>.lot_id} over the three kinds of edge,
	 * as {@code e(lot_id)}, for the recursive term of a downward walk.
	 */
	private static String downstreamOf(String walk) {
		return """
				CROSS JOIN LATERAL (
				        SELECT c.produced_lot_id AS lot_id
				        FROM gen_consumption c
				        WHERE c.lot_id = walk.lot_id AND c.produced_lot_id IS NOT NULL
				      UNION ALL
				        SELECT o.id
				        FROM gen_consumption c
				        JOIN gen_lot o ON o.build_id = c.build_id
				        WHERE c.lot_id = walk.lot_id AND c.produced_lot_id IS NULL
				      UNION ALL
				        SELECT r.device_lot_id
				        FROM gen_repair r
				        WHERE r.installed_lot_id = walk.lot_id
				    ) e""".replace("walk.", walk + ".");
	}

	/**
	 * Every ancestor of one lot once, at its smallest depth, a unit-level link preferred
	 * over a build-level one at the same depth.
	 */
	static final String TRACE = """
			WITH RECURSIVE %s,
			nearest AS (
			    SELECT DISTINCT ON (up.lot_id) up.lot_id, up.depth, up.build_id, up.precision
			    FROM up
			    WHERE up.depth > 0
			    ORDER BY up.lot_id, up.depth, up.precision DESC
			)
			SELECT l.lot_code, p.part_number, p.kind, p.description, l.supplier, l.date_code,
			       n.depth, b.build_code, n.precision
			FROM nearest n
			JOIN gen_lot l ON l.id = n.lot_id
			JOIN gen_part p ON p.id = l.part_id
			LEFT JOIN gen_build b ON b.id = n.build_id
			ORDER BY n.depth, l.lot_code
			""".formatted(UP);

	/**
	 * Every lot downstream of one lot once, at its smallest depth; {@code :kind} filters
	 * by part kind when not null.
	 */
	private static final String WHERE_USED_HITS = """
			WITH RECURSIVE %s,
			hits AS MATERIALIZED (
			    SELECT n.lot_id, n.depth, l.lot_code, l.serial_number, l.status, p.part_number, p.kind
			    FROM (SELECT DISTINCT ON (down.lot_id) down.lot_id, down.depth
			          FROM down
			          WHERE down.depth > 0
			          ORDER BY down.lot_id, down.depth) n
			    JOIN gen_lot l ON l.id = n.lot_id
			    JOIN gen_part p ON p.id = l.part_id
			    WHERE CAST(:kind AS varchar) IS NULL OR p.kind = CAST(:kind AS varchar)
			)""".formatted(DOWN);

	/**
	 * One page of the where-used answer with the counts per status over all of it, in one
	 * walk. Columns {@code counts} (JSON object status to count) and {@code total} repeat
	 * on every row; with a page beyond the end there is one row with null lot columns.
	 */
	static final String WHERE_USED_PAGE = WHERE_USED_HITS + """
			,
			counts AS (
			    SELECT COALESCE(json_object_agg(s.status, s.n), '{}') AS counts, COALESCE(sum(s.n), 0) AS total
			    FROM (SELECT status, count(*) AS n FROM hits GROUP BY status) s
			),
			page AS (
			    SELECT * FROM hits ORDER BY depth, lot_code LIMIT :limit OFFSET :offset
			)
			SELECT counts.counts, counts.total, page.lot_code, page.serial_number, page.part_number, page.kind,
			       page.status, page.depth
			FROM counts
			LEFT JOIN page ON true
			ORDER BY page.depth, page.lot_code
			""";

	/** Every row of the where-used answer, for streaming. */
	static final String WHERE_USED_ALL = WHERE_USED_HITS + """

			SELECT lot_code, serial_number, part_number, kind, status, depth
			FROM hits
			ORDER BY depth, lot_code
			""";

	/**
	 * The CTEs {@code unit_parts} and {@code totals} of the at-risk queries: for each lot
	 * of {@code failed}, how many units of the failed units' parts contain it.
	 */
	private static final String FAILED_LOT_TOTALS = """
			unit_parts AS MATERIALIZED (
			    SELECT DISTINCT l.part_id FROM gen_lot l WHERE l.id IN (:roots)
			),
			%s,
			totals AS (
			    SELECT down.root, count(DISTINCT down.lot_id) AS total_units
			    FROM down
			    JOIN gen_lot l ON l.id = down.lot_id
			    WHERE l.part_id IN (SELECT part_id FROM unit_parts)
			    GROUP BY down.root
			)""".formatted(DOWN.replace("WHERE l.id IN (:roots)", "WHERE l.id IN (SELECT lot_id FROM failed)"));

	/**
	 * For the failed units in {@code :roots}: each ancestor lot, how many of them contain
	 * it, and how many units of the failed units' parts contain it in total. Lots with
	 * fewer than {@code :minShared} failed units are left out before the downward walks,
	 * which are the costly part.
	 */
	static final String AT_RISK = """
			WITH RECURSIVE %s,
			failed AS MATERIALIZED (
			    SELECT up.lot_id, count(DISTINCT up.root) AS failed_units
			    FROM up
			    WHERE up.depth > 0
			    GROUP BY up.lot_id
			    HAVING count(DISTINCT up.root) >= :minShared
			),
			%s
			SELECT l.lot_code, p.part_number, l.supplier, f.failed_units, COALESCE(t.total_units, 0) AS total_units
			FROM failed f
			JOIN gen_lot l ON l.id = f.lot_id
			JOIN gen_part p ON p.id = l.part_id
			LEFT JOIN totals t ON t.root = f.lot_id
			""".formatted(UP, FAILED_LOT_TOTALS);

	/**
	 * For the lots in {@code :lots}: how many units of the parts of the units in
	 * {@code :roots} contain each, with its part and supplier. Only those lots are walked
	 * downwards, so the cost follows their reach, not the size of the genealogy.
	 */
	static final String LOT_TOTALS = """
			WITH RECURSIVE failed AS MATERIALIZED (
			    SELECT c.id AS lot_id FROM gen_lot c WHERE c.lot_code IN (:lots)
			),
			%s
			SELECT l.lot_code, p.part_number, l.supplier, COALESCE(t.total_units, 0) AS total_units
			FROM failed f
			JOIN gen_lot l ON l.id = f.lot_id
			JOIN gen_part p ON p.id = l.part_id
			LEFT JOIN totals t ON t.root = f.lot_id
			""".formatted(FAILED_LOT_TOTALS);

	/**
	 * Which lots are units, the lots {@code gen_unit_ancestor} keeps the ancestors of: a
	 * serial number, a serialized part or a product. Over {@code gen_lot l} and
	 * {@code gen_part p}.
	 */
	private static final String IS_UNIT = "(l.serial_number IS NOT NULL OR p.serialized OR p.kind = 'PRODUCT')";

	/**
	 * Fills {@code unit_refresh(id, part_id)} with the units whose ancestors may change
	 * when the lots the query given selects (column {@code lot_id}) gain or lose an
	 * input: those lots and everything downstream that is a unit, each once. Removals by
	 * repairs are not followed, so it may name a unit more than needed, never fewer. A
	 * table, not a CTE, so the planner knows how many there are: a recursive CTE's
	 * estimate runs to millions and turns the joins after it into huge hashes.
	 */
	static String unitsToRefresh(String lotIds) {
		return """
				WITH RECURSIVE reach (lot_id) AS (
				    %s
				  UNION
				    SELECT e.lot_id
				    FROM reach
				    %s
				)
				INSERT INTO unit_refresh (id, part_id)
				SELECT l.id, l.part_id
				FROM reach
				JOIN gen_lot l ON l.id = reach.lot_id
				JOIN gen_part p ON p.id = l.part_id
				WHERE %s
				""".formatted(lotIds, downstreamOf("reach"), IS_UNIT);
	}

	/**
	 * The session's working tables of a refresh, emptied at every commit: the units, and
	 * the ancestors found at the last step and the next.
	 */
	static final String UNIT_REFRESH_TABLES = """
			CREATE TEMP TABLE IF NOT EXISTS unit_refresh (
			    id bigint PRIMARY KEY, part_id bigint NOT NULL, repaired boolean NOT NULL DEFAULT false
			) ON COMMIT DELETE ROWS;
			CREATE TEMP TABLE IF NOT EXISTS ancestor_frontier (root bigint, part_id bigint, lot_id bigint)
			ON COMMIT DELETE ROWS;
			CREATE TEMP TABLE IF NOT EXISTS ancestor_next (root bigint, part_id bigint, lot_id bigint)
			ON COMMIT DELETE ROWS
			""";

	/** Every unit of the genealogy, into {@code unit_refresh}. */
	static final String ALL_UNITS_TO_REFRESH = """
			INSERT INTO unit_refresh (id, part_id)
			SELECT l.id, l.part_id FROM gen_lot l JOIN gen_part p ON p.id = l.part_id WHERE %s
			""".formatted(IS_UNIT);

	/** Forgets the kept ancestors of the units in {@code unit_refresh}. */
	static final String FORGET_UNIT_ANCESTORS = """
			DELETE FROM gen_unit_ancestor a USING unit_refresh u WHERE a.unit_lot_id = u.id
			""";

	/** The units themselves are where the search for their ancestors starts. */
	static final String SEED_ANCESTOR_FRONTIER = """
			INSERT INTO ancestor_frontier (root, part_id, lot_id) SELECT id, part_id, id FROM unit_refresh
			""";

	/**
	 * One step up from every lot of {@code ancestor_frontier}, for all units at once:
	 * keeps the inputs found and puts those not kept before into {@code ancestor_next}.
	 * Set by set, with hash joins, it costs a fraction of the trace's walk per row;
	 * repairs' removals are left to {@link #KEEP_REPAIRED_UNIT_ANCESTORS}.
	 */
	static final String ANCESTOR_STEP = """
			WITH inputs AS (
			    SELECT f.root, f.part_id, c.lot_id
			    FROM ancestor_frontier f
			    JOIN gen_consumption c ON c.produced_lot_id = f.lot_id
			  UNION
			    SELECT f.root, f.part_id, c.lot_id
			    FROM ancestor_frontier f
			    JOIN gen_lot o ON o.id = f.lot_id
			    JOIN gen_consumption c ON c.build_id = o.build_id AND c.produced_lot_id IS NULL
			  UNION
			    SELECT f.root, f.part_id, r.installed_lot_id
			    FROM ancestor_frontier f
			    JOIN gen_repair r ON r.device_lot_id = f.lot_id
			),
			kept AS (
			    INSERT INTO gen_unit_ancestor (ancestor_lot_id, unit_part_id, unit_lot_id)
			    SELECT lot_id, part_id, root FROM inputs
			    ON CONFLICT DO NOTHING
			    RETURNING ancestor_lot_id, unit_part_id, unit_lot_id
			)
			INSERT INTO ancestor_next (root, part_id, lot_id)
			SELECT unit_lot_id, unit_part_id, ancestor_lot_id FROM kept
			""";

	/**
	 * Marks the units of {@code unit_refresh} that are repaired or hold a repaired lot:
	 * only for them can a repair have removed an ancestor.
	 */
	static final String MARK_REPAIRED_UNITS = """
			UPDATE unit_refresh u SET repaired = true
			WHERE EXISTS (SELECT 1 FROM gen_repair r WHERE r.device_lot_id = u.id)
			   OR EXISTS (SELECT 1 FROM gen_unit_ancestor a JOIN gen_repair r ON r.device_lot_id = a.ancestor_lot_id
			              WHERE a.unit_lot_id = u.id)
			""";

	/** Forgets the ancestors of the marked units. */
	static final String FORGET_REPAIRED_UNIT_ANCESTORS = """
			DELETE FROM gen_unit_ancestor a USING unit_refresh u WHERE a.unit_lot_id = u.id AND u.repaired
			""";

	/**
	 * Keeps the ancestors of the marked units as the trace finds them, removals followed.
	 */
	static final String KEEP_REPAIRED_UNIT_ANCESTORS = keepAncestorsOf("FROM unit_refresh l\n    WHERE l.repaired");

	private static String keepAncestorsOf(String units) {
		String roots = "FROM gen_lot l\n    WHERE l.id IN (:roots)";
		if (!UP.contains(roots)) {
			throw new IllegalStateException("The upward walk no longer starts from :roots");
		}
		return """
				WITH RECURSIVE %s
				INSERT INTO gen_unit_ancestor (ancestor_lot_id, unit_part_id, unit_lot_id)
				SELECT DISTINCT up.lot_id, u.part_id, up.root
				FROM up
				JOIN gen_lot u ON u.id = up.root
				WHERE up.depth > 0
				ON CONFLICT DO NOTHING
				""".formatted(UP.replace(roots, units));
	}

	/**
	 * {@link #LOT_TOTALS} from the kept unit ancestors: an index range per lot, as long
	 * as it grows with the lot's reach. Only right when every part in {@code :parts} has
	 * units only (see {@link #PARTS_OF_UNITS_ONLY}).
	 */
	static final String LOT_TOTALS_KEPT = """
			SELECT l.lot_code, p.part_number, l.supplier,
			       (SELECT count(*) FROM gen_unit_ancestor a
			        WHERE a.ancestor_lot_id = l.id AND a.unit_part_id IN (:parts))
			         + CASE WHEN l.part_id IN (:parts) THEN 1 ELSE 0 END AS total_units
			FROM gen_lot l
			JOIN gen_part p ON p.id = l.part_id
			WHERE l.lot_code IN (:lots)
			""";

	/**
	 * {@link #AT_RISK} from the kept unit ancestors: the failed units' ancestors are an
	 * index range per unit, each lot's total an index range per lot, so the cost follows
	 * the failed units and the reach of their shared lots, without walking. Only right
	 * when every unit of {@code :roots} is a unit of a part in {@code :parts} and every
	 * part in {@code :parts} has units only (see {@link #PARTS_OF_UNITS_ONLY}).
	 */
	static final String AT_RISK_KEPT = """
			WITH failed AS MATERIALIZED (
			    SELECT a.ancestor_lot_id AS lot_id, count(*) AS failed_units
			    FROM gen_unit_ancestor a
			    WHERE a.unit_lot_id IN (:roots)
			    GROUP BY a.ancestor_lot_id
			    HAVING count(*) >= :minShared
			)
			SELECT l.lot_code, p.part_number, l.supplier, f.failed_units,
			       (SELECT count(*) FROM gen_unit_ancestor a
			        WHERE a.ancestor_lot_id = l.id AND a.unit_part_id IN (:parts))
			         + CASE WHEN l.part_id IN (:parts) THEN 1 ELSE 0 END AS total_units
			FROM failed f
			JOIN gen_lot l ON l.id = f.lot_id
			JOIN gen_part p ON p.id = l.part_id
			""";

	/** Whether every lot of the parts in {@code :parts} is a unit. */
	static final String PARTS_OF_UNITS_ONLY = """
			SELECT bool_and(p.serialized OR p.kind = 'PRODUCT') FROM gen_part p WHERE p.id IN (:parts)
			""";

	/**
	 * Of the products that contain lot {@code :first} or lot {@code :second}, how many
	 * hold only the first ({@code only_first}) and how many only the second
	 * ({@code only_second}).
	 */
	static final String PRODUCTS_APART = """
			WITH first_products AS MATERIALIZED (
			    SELECT a.unit_lot_id
			    FROM gen_unit_ancestor a
			    JOIN gen_part p ON p.id = a.unit_part_id
			    WHERE a.ancestor_lot_id = (SELECT id FROM gen_lot WHERE lot_code = :first) AND p.kind = 'PRODUCT'
			),
			second_products AS MATERIALIZED (
			    SELECT a.unit_lot_id
			    FROM gen_unit_ancestor a
			    JOIN gen_part p ON p.id = a.unit_part_id
			    WHERE a.ancestor_lot_id = (SELECT id FROM gen_lot WHERE lot_code = :second) AND p.kind = 'PRODUCT'
			),
			both_lots AS (
			    SELECT count(*) AS n FROM first_products JOIN second_products USING (unit_lot_id)
			)
			SELECT (SELECT count(*) FROM first_products) - both_lots.n AS only_first,
			       (SELECT count(*) FROM second_products) - both_lots.n AS only_second
			FROM both_lots
			""";

	/**
	 * Whether a lot is downstream of another (or the same), e.g. before installing it
	 * into a device.
	 */
	static final String IS_DOWNSTREAM = """
			WITH RECURSIVE %s
			SELECT EXISTS (SELECT 1 FROM down WHERE down.lot_id = :candidate)
			""".formatted(DOWN);

	/**
	 * New links between builds (the query given defines {@code new_links(producer,
	 * consumer, line)}) that close a cycle: the producer is reachable from the consumer.
	 * The build graph is small, so this costs little even against a large genealogy.
	 */
	static String cyclicLinks(String newLinks) {
		return CYCLIC_LINKS.formatted(newLinks);
	}

	private static final String CYCLIC_LINKS = """
			WITH RECURSIVE new_links (producer, consumer, line) AS (%s),
			reach (producer, consumer, build_id) AS (
			    SELECT n.producer, n.consumer, n.consumer FROM new_links n
			  UNION
			    SELECT r.producer, r.consumer, k.consumer_build_id
			    FROM reach r
			    JOIN gen_build_link k ON k.producer_build_id = r.build_id
			)
			SELECT n.line, pb.build_code AS producer_code, cb.build_code AS consumer_code
			FROM new_links n
			JOIN gen_build pb ON pb.id = n.producer
			JOIN gen_build cb ON cb.id = n.consumer
			WHERE EXISTS (SELECT 1 FROM reach r
			              WHERE r.producer = n.producer AND r.consumer = n.consumer AND r.build_id = n.producer)
			ORDER BY n.line
			LIMIT 100
			""";

	private GenealogyGraph() {
	}

}
