package com.tracecase.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.tracecase.quality.InvestigationFacts.RelatedReport;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The lots of every investigated unit, indexed by lot: how a case finds the other reports
 * that share a lot with its unit without walking the genealogy of unrelated cases.
 */
@Repository
class InvestigatedLots {

	private final NamedParameterJdbcTemplate jdbc;

	InvestigatedLots(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the unit's lots for the case; recording them again changes nothing. */
	void record(String caseNumber, String serialNumber, Collection<String> lotCodes) {
		List<SqlParameterSource> rows = new ArrayList<>();
		for (String lotCode : lotCodes) {
			rows.add(new MapSqlParameterSource("lot", lotCode).addValue("case", caseNumber)
				.addValue("serial", serialNumber));
		}
		jdbc.batchUpdate("""
				INSERT INTO investigation_lot (lot_code, case_number, serial_number)
				VALUES (:lot, :case, :serial)
				ON CONFLICT DO NOTHING
				""", rows.toArray(SqlParameterSource[]::new));
	}

	/** The cases whose investigation recorded the unit's lots. */
	List<String> casesOf(String serialNumber) {
		return jdbc.queryForList("SELECT DISTINCT case_number FROM investigation_lot WHERE serial_number = :serial",
				Map.of("serial", serialNumber), String.class);
	}

	/**
	 * Replaces the lots kept for those cases of the unit, e.g. after a repair swapped
	 * one.
	 */
	void replaceLotsOf(List<String> caseNumbers, String serialNumber, Collection<String> lotCodes) {
		jdbc.update("DELETE FROM investigation_lot WHERE case_number IN (:cases)", Map.of("cases", caseNumbers));
		caseNumbers.forEach(caseNumber -> record(caseNumber, serialNumber, lotCodes));
	}

	/**
	 * Other cases whose unit contains at least one of the lots, with the lots it shares,
	 * oldest case first.
	 */
	List<RelatedReport> sharingAnyOf(String caseNumber, Collection<String> lotCodes) {
		if (lotCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.query("""
				SELECT case_number, serial_number, array_agg(lot_code ORDER BY lot_code) AS lots
				FROM investigation_lot
				WHERE lot_code IN (:lots) AND case_number <> :case
				GROUP BY case_number, serial_number
				ORDER BY case_number
				""", Map.of("lots", lotCodes, "case", caseNumber),
				(rs, i) -> new RelatedReport(rs.getString("case_number"), rs.getString("serial_number"),
						Arrays.asList((String[]) rs.getArray("lots").getArray())));
	}

}
