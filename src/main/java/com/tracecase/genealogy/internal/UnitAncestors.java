package com.tracecase.genealogy.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every ancestor lot of every unit, kept in {@code gen_unit_ancestor} by the transaction
 * that changes the genealogy: how many units contain a lot, and which, is then an index
 * range of the lot's reach instead of a walk. Every write that adds or removes an input
 * of a lot refreshes the units downstream of it (their trace, recomputed); the walks stay
 * the definition and the tests compare the two.
 */
@Repository
public class UnitAncestors {

	private static final String LOTS = "SELECT l.id FROM gen_lot l WHERE l.id IN (:lots)";

	private static final String OUTPUTS = "SELECT o.id FROM gen_lot o WHERE o.build_id = :build";

	private static final String ANY_KEPT = "SELECT EXISTS (SELECT 1 FROM gen_unit_ancestor)";

	/** Above this many units the planner gets statistics of the list before the walk. */
	private static final int ANALYZE_THRESHOLD = 5_000;

	private final NamedParameterJdbcTemplate jdbc;

	UnitAncestors(DataSource dataSource) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
	}

	/**
	 * After the lots gained or lost an input, e.g. a unit-level consumption or a repair.
	 */
	public void refreshDownstreamOf(Collection<Long> lotIds) {
		if (!lotIds.isEmpty()) {
			refresh(LOTS, Map.of("lots", lotIds));
		}
	}

	/** After a build-level consumption: every output of the build gained an input. */
	public void refreshOutputsOf(long buildId) {
		refresh(OUTPUTS, Map.of("build", buildId));
	}

	/**
	 * After the lots the query selects (column {@code lot_id}) gained or lost an input,
	 * e.g. everything an import linked. Must run inside the transaction that changed
	 * them.
	 */
	void refresh(String lotIds, Map<String, ?> params) {
		jdbc.getJdbcOperations().execute(GenealogyGraph.UNIT_REFRESH_TABLES);
		jdbc.getJdbcOperations().execute("DELETE FROM unit_refresh");
		keepAncestorsOfRefreshed(jdbc.update(GenealogyGraph.unitsToRefresh(lotIds), params));
	}

	/**
	 * After an import linked the lots the query selects (column {@code lot_id}). Into a
	 * genealogy that keeps no ancestors yet (the first import) every unit is traced:
	 * finding the units by walking down from each imported input costs far more than
	 * taking them all (at a million devices, minutes against seconds).
	 */
	void refreshImported(String lotIds) {
		if (Boolean.TRUE.equals(jdbc.getJdbcOperations().queryForObject(ANY_KEPT, Boolean.class))) {
			refresh(lotIds, Map.of());
		}
		else {
			refreshAll();
		}
	}

	/** Keeps the ancestors of every unit, e.g. when the table is new. */
	void refreshAll() {
		jdbc.getJdbcOperations().execute(GenealogyGraph.UNIT_REFRESH_TABLES);
		jdbc.getJdbcOperations().execute("DELETE FROM unit_refresh");
		keepAncestorsOfRefreshed(jdbc.getJdbcOperations().update(GenealogyGraph.ALL_UNITS_TO_REFRESH));
	}

	private void keepAncestorsOfRefreshed(int units) {
		if (units == 0) {
			return;
		}
		JdbcOperations sql = jdbc.getJdbcOperations();
		if (units >= ANALYZE_THRESHOLD) {
			sql.execute("ANALYZE unit_refresh");
		}
		sql.execute(GenealogyGraph.FORGET_UNIT_ANCESTORS);
		sql.execute("DELETE FROM ancestor_frontier");
		sql.update(GenealogyGraph.SEED_ANCESTOR_FRONTIER);
		for (int step = 0; step < GenealogyGraph.MAX_DEPTH; step++) {
			sql.execute("DELETE FROM ancestor_next");
			if (sql.update(GenealogyGraph.ANCESTOR_STEP) == 0) {
				break;
			}
			sql.execute("DELETE FROM ancestor_frontier");
			sql.update("INSERT INTO ancestor_frontier SELECT root, part_id, lot_id FROM ancestor_next");
		}
		// a repair removes a lot from a unit, which the steps above do not follow: the
		// units a repair can touch are traced again, path by path
		if (sql.update(GenealogyGraph.MARK_REPAIRED_UNITS) > 0) {
			sql.execute(GenealogyGraph.FORGET_REPAIRED_UNIT_ANCESTORS);
			sql.execute(GenealogyGraph.KEEP_REPAIRED_UNIT_ANCESTORS);
		}
	}

	/**
	 * How many units of the given parts contain each lot (the lot itself counted when it
	 * is of one of them), or nothing when a part has lots that are not units: then only
	 * the walk counts right.
	 * @return the counts as {@link GenealogyQueries#lotTotals} gives them, or
	 * {@literal null} when the kept ancestors cannot answer
	 */
	List<GenealogyQueries.AtRiskCounts> lotTotals(Collection<Long> partIds, Map<String, Long> failedUnitsByLot) {
		if (!Boolean.TRUE
			.equals(jdbc.queryForObject(GenealogyGraph.PARTS_OF_UNITS_ONLY, Map.of("parts", partIds), Boolean.class))) {
			return null;
		}
		return jdbc.query(GenealogyGraph.LOT_TOTALS_KEPT, Map.of("parts", partIds, "lots", failedUnitsByLot.keySet()),
				(rs, i) -> new GenealogyQueries.AtRiskCounts(rs.getString("lot_code"), rs.getString("part_number"),
						rs.getString("supplier"), failedUnitsByLot.get(rs.getString("lot_code")),
						rs.getLong("total_units")));
	}

	/**
	 * The counts of {@link GenealogyQueries#atRiskCounts} from the kept ancestors: index
	 * ranges per failed unit and per shared lot instead of a walk up from every unit and
	 * down from every shared lot (about 40 times faster for 100 failed units, see
	 * docs/benchmarks.md).
	 * @param unitLotIds the failed units
	 * @param partIds their parts
	 * @return the counts, or {@literal null} when the kept ancestors cannot answer (a
	 * part of the failed units has lots that are not units)
	 */
	List<GenealogyQueries.AtRiskCounts> atRiskCounts(Collection<Long> unitLotIds, Collection<Long> partIds,
			int minShared) {
		if (unitLotIds.isEmpty() || !Boolean.TRUE
			.equals(jdbc.queryForObject(GenealogyGraph.PARTS_OF_UNITS_ONLY, Map.of("parts", partIds), Boolean.class))) {
			return null;
		}
		return jdbc.query(GenealogyGraph.AT_RISK_KEPT,
				Map.of("roots", unitLotIds, "parts", partIds, "minShared", minShared),
				(rs, i) -> new GenealogyQueries.AtRiskCounts(rs.getString("lot_code"), rs.getString("part_number"),
						rs.getString("supplier"), rs.getLong("failed_units"), rs.getLong("total_units")));
	}

	/**
	 * @return of the products containing either lot, how many hold only the first and how
	 * many only the second; {@code [0, 0]} when a lot is unknown
	 */
	public long[] productsApart(String firstLotCode, String secondLotCode) {
		List<long[]> rows = jdbc.query(GenealogyGraph.PRODUCTS_APART,
				Map.of("first", firstLotCode, "second", secondLotCode),
				(rs, i) -> new long[] { rs.getLong("only_first"), rs.getLong("only_second") });
		return rows.isEmpty() ? new long[] { 0, 0 } : rows.get(0);
	}

}
