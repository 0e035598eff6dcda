package com.tracecase.quality;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirmed failures as managers rank them: a Pareto by what QC named as the cause, and
 * the lots inside more failed units than the others.
 */
@Component
@Transactional(readOnly = true)
public class FailureFigures {

	private static final String NOT_NAMED = "(not named)";

	private final NamedParameterJdbcTemplate jdbc;

	FailureFigures(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Failures QC confirmed in the period (by review time, half-open), counted by the
	 * dimension, largest first, with the cumulative share.
	 * @param by what to rank by, must not be {@literal null}
	 */
	public List<ParetoEntry> pareto(FailureDimension by, Instant from, Instant to) {
		String label = switch (by) {
			case PART -> "coalesce(i.review ->> 'suspectPartNumber', s.lot ->> 'partNumber')";
			case SUPPLIER -> "s.lot ->> 'supplier'";
			case LOT -> "i.review ->> 'suspectLotCode'";
			case DATE_CODE -> "s.lot ->> 'dateCode'";
			case FAILURE_MODE -> "lower(trim(i.review ->> 'failureMode'))";
		};
		List<Map.Entry<String, Long>> rows = jdbc.query("""
				SELECT %s AS label, count(*) AS failures
				FROM investigation i
				LEFT JOIN LATERAL (
				    SELECT lot FROM jsonb_array_elements(i.facts -> 'componentLots') lot
				    WHERE lot ->> 'lotCode' = i.review ->> 'suspectLotCode' LIMIT 1) s ON true
				WHERE i.status = 'FAILURE_CONFIRMED' AND i.reviewed_at >= :from AND i.reviewed_at < :to
				GROUP BY 1
				ORDER BY 2 DESC, 1
				""".formatted(label), Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)), (rs, i) -> Map
			.entry(rs.getString("label") == null ? NOT_NAMED : rs.getString("label"), rs.getLong("failures")));
		long total = rows.stream().mapToLong(Map.Entry::getValue).sum();
		List<ParetoEntry> pareto = new ArrayList<>();
		long cumulative = 0;
		for (Map.Entry<String, Long> row : rows) {
			cumulative += row.getValue();
			pareto.add(new ParetoEntry(row.getKey(), row.getValue(), (double) cumulative / total));
		}
		return pareto;
	}

	/**
	 * Lots found in the units of at least {@code minimumCases} investigated cases of the
	 * period (by opening time), with how many of those cases QC confirmed and how that
	 * compares with the average lot: the lots whose failure count stands out.
	 */
	public List<SuspectLot> suspectLots(Instant from, Instant to, int minimumCases) {
		return jdbc.query("""
				WITH per_lot AS (
				    SELECT l.lot_code, count(*) AS cases,
				           count(*) FILTER (WHERE i.status = 'FAILURE_CONFIRMED') AS confirmed
				    FROM investigation_lot l JOIN investigation i ON i.case_number = l.case_number
				    WHERE i.opened_at >= :from AND i.opened_at < :to
				    GROUP BY l.lot_code),
				average AS (SELECT avg(cases) AS cases FROM per_lot)
				SELECT p.lot_code, p.cases, p.confirmed, p.cases / a.cases AS times_average
				FROM per_lot p CROSS JOIN average a
				WHERE p.cases >= :minimum
				ORDER BY p.cases DESC, p.confirmed DESC, p.lot_code
				""", Map.of("from", Timestamp.from(from), "to", Timestamp.from(to), "minimum", minimumCases),
				(rs, i) -> new SuspectLot(rs.getString("lot_code"), rs.getLong("cases"), rs.getLong("confirmed"),
						rs.getDouble("times_average")));
	}

	/** What a Pareto of failures ranks by. */
	public enum FailureDimension {

		PART, SUPPLIER, LOT, DATE_CODE, FAILURE_MODE

	}

	/**
	 * @param label the part number, supplier, lot code, date code or failure mode
	 * @param failures confirmed failures with it
	 * @param cumulativeShare the share of all failures up to and including this entry
	 */
	public record ParetoEntry(String label, long failures, double cumulativeShare) {
	}

	/**
	 * @param lotCode the lot
	 * @param cases investigated cases whose unit contains it
	 * @param confirmedFailures of those, failures QC confirmed
	 * @param timesAverage cases relative to the average lot of the period
	 */
	public record SuspectLot(String lotCode, long cases, long confirmedFailures, double timesAverage) {
	}

}
