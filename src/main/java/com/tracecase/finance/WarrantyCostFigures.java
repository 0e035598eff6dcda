package com.tracecase.finance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warranty cost from the ledger, by cost kind, for managers and monitoring.
 */
@Component
@Transactional(readOnly = true)
public class WarrantyCostFigures {

	private final NamedParameterJdbcTemplate jdbc;

	WarrantyCostFigures(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Everything ever posted in the currency, per cost kind.
	 * @param currency an ISO currency code, must not be {@literal null}
	 * @return every kind, with zero where nothing was posted
	 */
	public Map<CostKind, BigDecimal> totals(String currency) {
		Map<CostKind, BigDecimal> totals = new EnumMap<>(CostKind.class);
		for (CostKind kind : CostKind.values()) {
			totals.put(kind, BigDecimal.ZERO);
		}
		jdbc.query("""
				SELECT kind, sum(amount) AS amount FROM warranty_ledger_entry WHERE currency = :currency GROUP BY kind
				""", Map.of("currency", currency), (RowCallbackHandler) rs -> totals
			.put(CostKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount")));
		return totals;
	}

	/** Cost posted per month (UTC) and kind in the period, half-open. */
	public List<MonthlyCost> perMonth(Instant from, Instant to) {
		return jdbc.query("""
				SELECT date_trunc('month', posted_at AT TIME ZONE 'UTC')::date AS month, kind, currency,
				       sum(amount) AS amount, count(*) AS entries
				FROM warranty_ledger_entry
				WHERE posted_at >= :from AND posted_at < :to
				GROUP BY 1, 2, 3
				ORDER BY 1, 2, 3
				""", Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)),
				(rs, i) -> new MonthlyCost(rs.getObject("month", LocalDate.class),
						CostKind.valueOf(rs.getString("kind")), rs.getString("currency"), rs.getBigDecimal("amount"),
						rs.getLong("entries")));
	}

	public record MonthlyCost(LocalDate month, CostKind category, String currency, BigDecimal amount, long entries) {
	}

}
