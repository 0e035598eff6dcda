package com.tracecase.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.tracecase.finance.Remedy;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures over all failure cases for managers and monitoring, computed in SQL from the
 * case table, so they are right after a restart and the same on every node. Periods are
 * half-open ({@code from} inclusive, {@code to} exclusive); weeks start on Monday, UTC.
 */
@Component
@Transactional(readOnly = true)
public class CaseFigures {

	private final NamedParameterJdbcTemplate jdbc;

	CaseFigures(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every case ever filed, the closed ones by outcome, and the cycle time of closed
	 * cases, in one pass over the case table's (status, closure) index.
	 * @return the totals, never {@literal null}
	 */
	public Totals totals() {
		Map<CaseOutcome, Long> closed = new EnumMap<>(CaseOutcome.class);
		for (CaseOutcome outcome : CaseOutcome.values()) {
			closed.put(outcome, 0L);
		}
		long[] opened = { 0 };
		long[] cycleCount = { 0 };
		double[] cycleSeconds = { 0 };
		jdbc.query("""
				SELECT status, closure, count(*) AS cases,
				       coalesce(sum(extract(epoch FROM closed_at - reported_at)), 0) AS seconds
				FROM failure_case
				GROUP BY status, closure
				""", rs -> {
			long cases = rs.getLong("cases");
			opened[0] += cases;
			CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
			String closure = rs.getString("closure");
			if (status == CaseStatus.CLOSED && closure != null) {
				closed.merge(CaseOutcome.valueOf(closure), cases, Long::sum);
				cycleCount[0] += cases;
				cycleSeconds[0] += rs.getDouble("seconds");
			}
			else if (status == CaseStatus.CANCELLED) {
				closed.merge(CaseOutcome.CANCELLED, cases, Long::sum);
			}
		});
		return new Totals(opened[0], closed, cycleCount[0], cycleSeconds[0]);
	}

	/** Cases filed and closed per week of the period. */
	public List<WeeklyCases> perWeek(Instant from, Instant to) {
		return jdbc.query("""
				WITH opened AS (
				    SELECT date_trunc('week', reported_at AT TIME ZONE 'UTC')::date AS week, count(*) AS cases
				    FROM failure_case WHERE reported_at >= :from AND reported_at < :to GROUP BY 1),
				closed AS (
				    SELECT date_trunc('week', closed_at AT TIME ZONE 'UTC')::date AS week, count(*) AS cases
				    FROM failure_case WHERE closed_at >= :from AND closed_at < :to AND status = 'CLOSED' GROUP BY 1)
				SELECT coalesce(o.week, c.week) AS week, coalesce(o.cases, 0) AS opened, coalesce(c.cases, 0) AS closed
				FROM opened o FULL JOIN closed c ON o.week = c.week
				ORDER BY 1
				""", period(from, to), (rs, i) -> new WeeklyCases(rs.getObject("week", LocalDate.class),
				rs.getLong("opened"), rs.getLong("closed")));
	}

	/**
	 * Median and 90th percentile of the time from report to closing, per week of closing.
	 */
	public List<WeeklyCycleTime> cycleTimePerWeek(Instant from, Instant to) {
		return jdbc.query(
				"""
						SELECT date_trunc('week', closed_at AT TIME ZONE 'UTC')::date AS week, count(*) AS cases,
						       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - reported_at)) AS median,
						       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - reported_at)) AS p90
						FROM failure_case
						WHERE closed_at >= :from AND closed_at < :to AND status = 'CLOSED'
						GROUP BY 1
						ORDER BY 1
						""",
				period(from, to), (rs, i) -> new WeeklyCycleTime(rs.getObject("week", LocalDate.class),
						rs.getLong("cases"), rs.getDouble("median"), rs.getDouble("p90")));
	}

	/** Repair-or-replace decisions per week and remedy. */
	public List<WeeklyDecisions> decisionsPerWeek(Instant from, Instant to) {
		return jdbc.query(
				"""
						SELECT date_trunc('week', decided_at AT TIME ZONE 'UTC')::date AS week, decision_action, count(*) AS cases
						FROM failure_case
						WHERE decided_at >= :from AND decided_at < :to AND decision_action IS NOT NULL
						GROUP BY 1, 2
						ORDER BY 1, 2
						""",
				period(from, to), (rs, i) -> new WeeklyDecisions(rs.getObject("week", LocalDate.class),
						Remedy.valueOf(rs.getString("decision_action")), rs.getLong("cases")));
	}

	/** Cases a failed step stops, oldest problem first. */
	public List<CaseNeedingAttention> needingAttention() {
		return jdbc.query("""
				SELECT c.case_number, a.step, a.message, a.since
				FROM failure_case c JOIN case_attention a ON a.case_id = c.id
				WHERE c.status = 'NEEDS_ATTENTION'
				ORDER BY a.since, c.case_number
				""", Map.of(), (rs, i) -> new CaseNeedingAttention(rs.getString("case_number"), rs.getString("step"),
				rs.getString("message"), rs.getTimestamp("since").toInstant()));
	}

	private static Map<String, Object> period(Instant from, Instant to) {
		return Map.of("from", Timestamp.from(from), "to", Timestamp.from(to));
	}

	/**
	 * How a case left the work: its closure, or cancelled.
	 */
	public enum CaseOutcome {

		RESOLVED, NO_FAULT_FOUND, INVALID, DENIED, CANCELLED

	}

	/**
	 * @param opened cases ever filed
	 * @param closed cases closed or cancelled, by outcome (every outcome present)
	 * @param cycleCount closed cases with a cycle time
	 * @param cycleSeconds their summed time from report to closing
	 */
	public record Totals(long opened, Map<CaseOutcome, Long> closed, long cycleCount, double cycleSeconds) {
	}

	public record WeeklyCases(LocalDate week, long opened, long closed) {
	}

	public record WeeklyCycleTime(LocalDate week, long closedCases, double medianSeconds, double p90Seconds) {
	}

	public record WeeklyDecisions(LocalDate week, Remedy remedy, long cases) {
	}

	public record CaseNeedingAttention(String caseNumber, String step, String problem, Instant since) {
	}

}
