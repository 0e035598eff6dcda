package com.tracecase.genealogy.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.tracecase.genealogy.ImportError;
import com.tracecase.genealogy.ImportFile;
import com.tracecase.genealogy.InputRules;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks of the staged rows, in SQL: one set-based query per file gives every row's
 * errors with their line and column, in file order. At most {@value #MAX_ERRORS} errors
 * are reported.
 */
final class ImportValidation {

	static final int MAX_ERRORS = 100;

	private static final String NUMBER = "'^\\s*\\+?\\d{1,%d}(\\.\\d{1,%d})?\\s*$'"
		.formatted(InputRules.MAX_INTEGER_DIGITS, InputRules.MAX_DECIMALS);

	/** A code as {@link InputRules#CODE_PATTERN} allows it (the same regex in SQL). */
	private static final String CODE = "'^" + InputRules.CODE_PATTERN + "$'";

	private static final String NEGATIVE = "'^\\s*-\\s*\\d+(\\.\\d+)?\\s*$'";

	private static final String DATE = "'^\\d{4}-\\d{2}-\\d{2}$'";

	/** An email address: one @, a dot in the domain, no spaces. */
	private static final String EMAIL = "'^[^@[:space:]]+@[^@[:space:].]+(\\.[^@[:space:].]+)+$'";

	private ImportValidation() {
	}

	/**
	 * Checks the file's staged rows.
	 * @return the errors, in file order, at most {@value #MAX_ERRORS}; never
	 * {@literal null}
	 */
	static List<ImportError> check(JdbcTemplate jdbc, ImportFile file) {
		return jdbc.query(validation(file), (rs, i) -> new ImportError(file.fileName(), rs.getLong("line"),
				rs.getString("col"), rs.getString("msg")));
	}

	/**
	 * Checks that the build links staged in {@code stage_links} (and inserted) leave the
	 * genealogy acyclic.
	 * @return an error on the consumption line of every link that closes a cycle, never
	 * {@literal null}
	 */
	static List<ImportError> cycles(JdbcTemplate jdbc) {
		return jdbc.query(GenealogyGraph.cyclicLinks("SELECT producer, consumer, line FROM stage_links"),
				(rs, i) -> new ImportError(ImportFile.CONSUMPTIONS.fileName(), rs.getLong("line"), "consumed_lot_code",
						"Build '%s' consuming an output of build '%s' would make the genealogy cyclic."
							.formatted(rs.getString("consumer_code"), rs.getString("producer_code"))));
	}

	/**
	 * @return the first {@value #MAX_ERRORS} errors, by file (in import order) and line
	 */
	static List<ImportError> sorted(List<ImportError> errors) {
		List<String> order = java.util.Arrays.stream(ImportFile.values()).map(ImportFile::fileName).toList();
		return errors.stream()
			.sorted(Comparator.comparingInt((ImportError e) -> order.indexOf(e.file()))
				.thenComparingLong(ImportError::line))
			.limit(MAX_ERRORS)
			.toList();
	}

	/**
	 * One query per file: each row's checks as {@code (line, col, msg)}, in file order.
	 */
	private static String validation(ImportFile file) {
		List<String[]> checks = new ArrayList<>();
		for (ImportColumns.Column column : ImportColumns.of(file)) {
			if (column.maxLength() > 0) {
				checks.add(new String[] { column.name(),
						"CASE WHEN length(s.%1$s) > %2$d THEN 'Longer than %2$d characters.' END"
							.formatted(column.name(), column.maxLength()) });
			}
		}
		String joins;
		String with = "";
		switch (file) {
			case PARTS -> {
				joins = "LEFT JOIN gen_part gp ON gp.part_number = s.part_number\n"
						+ repeated(file, "part_number", "dc");
				checks.add(required("part_number", "The part number"));
				checks.add(code("part_number", "Part number"));
				checks.add(duplicate("part_number", "Part number", "gp.id"));
				checks.add(required("description", "The description"));
				checks.add(new String[] { "kind",
						"""
								CASE WHEN s.kind IS NULL THEN 'The kind is required.'
								     WHEN lower(btrim(s.kind)) NOT IN ('component', 'subassembly', 'product')
								     THEN format('''%s'' is not a part kind (component, subassembly or product).', s.kind) END""" });
				checks.add(number("unit_cost"));
				checks.add(new String[] { "serialized", """
						CASE WHEN s.serialized IS NOT NULL
						      AND lower(btrim(s.serialized)) NOT IN ('true', 'false', 'yes', 'no', '1', '0')
						     THEN format('''%s'' is not true or false.', s.serialized) END""" });
			}
			case BUILDS -> {
				joins = repeated(file, "build_code", "dc")
						+ """
								LEFT JOIN gen_build gb ON gb.build_code = s.build_code
								LEFT JOIN gen_part gp ON gp.part_number = s.part_number
								LEFT JOIN (SELECT DISTINCT part_number FROM stage_parts) sp ON sp.part_number = s.part_number""";
				checks.add(required("build_code", "The build code"));
				checks.add(code("build_code", "Build code"));
				checks.add(duplicate("build_code", "Build", "gb.id"));
				checks.add(required("part_number", "The part number"));
				checks.add(unknownPart());
				checks.add(new String[] { "quantity",
						"CASE WHEN s.quantity IS NULL THEN 'The quantity is required.' ELSE COALESCE("
								+ numberCheck("quantity") + ", CASE WHEN CAST(btrim(s.quantity) AS numeric) = 0 THEN '"
								+ InputRules.BUILD_QUANTITY_RULE.replace("'", "''") + "' END) END" });
				checks.add(date("started_on"));
				checks.add(date("completed_on"));
				checks.add(new String[] { "completed_on", """
						CASE WHEN s.started_on ~ %1$s AND s.completed_on ~ %1$s
						      AND pg_input_is_valid(s.started_on, 'date') AND pg_input_is_valid(s.completed_on, 'date')
						      AND CAST(s.completed_on AS date) < CAST(s.started_on AS date)
						     THEN 'The build cannot complete before it started.' END""".formatted(DATE) });
			}
			case LOTS -> {
				joins = repeated(file, "lot_code", "dc") + repeated(file, "serial_number", "ds") + """
						LEFT JOIN gen_lot gl ON gl.lot_code = s.lot_code
						LEFT JOIN gen_lot gs ON gs.serial_number = s.serial_number
						LEFT JOIN gen_part gp ON gp.part_number = s.part_number
						LEFT JOIN (SELECT DISTINCT part_number FROM stage_parts) sp ON sp.part_number = s.part_number
						LEFT JOIN gen_build gb ON gb.build_code = s.build_code
						LEFT JOIN gen_part gbp ON gbp.id = gb.part_id
						LEFT JOIN (SELECT DISTINCT ON (build_code) build_code, part_number
						           FROM stage_builds ORDER BY build_code, line) sb ON sb.build_code = s.build_code""";
				checks.add(required("lot_code", "The lot code"));
				checks.add(code("lot_code", "Lot code"));
				checks.add(code("serial_number", "Serial number"));
				checks.add(duplicate("lot_code", "Lot", "gl.id"));
				checks.add(required("part_number", "The part number"));
				checks.add(unknownPart());
				checks.add(number("quantity"));
				checks.add(date("created_on"));
				checks.add(new String[] { "status", """
						CASE WHEN s.status IS NOT NULL AND upper(btrim(s.status)) NOT IN ('IN_PRODUCTION', 'AVAILABLE',
						          'QUARANTINED', 'RESERVED', 'CONSUMED', 'SHIPPED', 'RETURNED', 'SCRAPPED',
						          'FAILURE_ANALYSIS', 'RECYCLING')
						     THEN format('''%s'' is not a lot status.', s.status) END""" });
				checks.add(new String[] { "serial_number", """
						CASE WHEN s.serial_number IS NULL THEN NULL
						     WHEN s.line > ds.first_line
						     THEN format('Serial number ''%s'' appears more than once (first on line %s).',
						                 s.serial_number, ds.first_line)
						     WHEN gs.id IS NOT NULL THEN format('Serial number ''%s'' already exists.', s.serial_number)
						END""" });
				checks.add(new String[] { "build_code", """
						CASE WHEN s.build_code IS NULL THEN NULL
						     WHEN gb.id IS NULL AND sb.build_code IS NULL
						     THEN format('Build ''%s'' does not exist.', s.build_code)
						     WHEN COALESCE(sb.part_number, gbp.part_number) <> s.part_number
						     THEN format('Build ''%s'' produces part ''%s'', not ''%s''.', s.build_code,
						                 COALESCE(sb.part_number, gbp.part_number), s.part_number)
						END""" });
			}
			case CONSUMPTIONS -> {
				// a lot code's first row in lots.csv (the others are reported as
				// duplicates)
				with = """
						WITH first_lots AS (
						    SELECT t.lot_code, t.build_code
						    FROM stage_lots t
						    LEFT JOIN (SELECT lot_code, min(line) AS first_line FROM stage_lots
						               GROUP BY lot_code HAVING count(*) > 1) d ON d.lot_code = t.lot_code
						    WHERE d.first_line IS NULL OR t.line = d.first_line)
						""";
				joins = """
						LEFT JOIN gen_build gb ON gb.build_code = s.build_code
						LEFT JOIN (SELECT DISTINCT build_code FROM stage_builds) sb ON sb.build_code = s.build_code
						LEFT JOIN gen_lot cl ON cl.lot_code = s.consumed_lot_code
						LEFT JOIN gen_build clb ON clb.id = cl.build_id
						LEFT JOIN first_lots scl ON scl.lot_code = s.consumed_lot_code
						LEFT JOIN gen_lot pl ON pl.lot_code = s.produced_lot_code
						LEFT JOIN gen_build plb ON plb.id = pl.build_id
						LEFT JOIN first_lots spl ON spl.lot_code = s.produced_lot_code""";
				checks.add(new String[] { "build_code", """
						CASE WHEN s.build_code IS NULL THEN 'The build code is required.'
						     WHEN gb.id IS NULL AND sb.build_code IS NULL
						     THEN format('Build ''%s'' does not exist.', s.build_code) END""" });
				checks.add(new String[] { "consumed_lot_code",
						"""
								CASE WHEN s.consumed_lot_code IS NULL THEN 'The consumed lot code is required.'
								     WHEN cl.id IS NULL AND scl.lot_code IS NULL
								     THEN format('Lot ''%s'' does not exist.', s.consumed_lot_code)
								     WHEN s.consumed_lot_code = s.produced_lot_code
								       OR COALESCE(scl.build_code, clb.build_code) = s.build_code
								     THEN format('Build ''%s'' consuming its own output ''%s'' would make the genealogy cyclic.',
								                 s.build_code, s.consumed_lot_code) END""" });
				checks.add(number("quantity"));
				checks.add(new String[] { "produced_lot_code",
						"""
								CASE WHEN s.produced_lot_code IS NULL THEN NULL
								     WHEN pl.id IS NULL AND spl.lot_code IS NULL
								     THEN format('Lot ''%s'' does not exist.', s.produced_lot_code)
								     WHEN COALESCE(spl.build_code, plb.build_code) IS DISTINCT FROM s.build_code
								     THEN format('Lot ''%s'' is not an output of build ''%s''.', s.produced_lot_code, s.build_code)
								END""" });
			}
			case SHIPMENTS -> {
				joins = """
						LEFT JOIN gen_lot gs ON gs.serial_number = s.serial_number
						LEFT JOIN (SELECT DISTINCT serial_number FROM stage_lots) ss ON ss.serial_number = s.serial_number""";
				checks.add(new String[] { "serial_number", """
						CASE WHEN s.serial_number IS NULL THEN 'The serial number is required.'
						     WHEN gs.id IS NULL AND ss.serial_number IS NULL
						     THEN format('Serial number ''%s'' does not exist.', s.serial_number) END""" });
				checks.add(new String[] { "customer_name",
						"""
								CASE WHEN s.customer_name IS NULL OR btrim(s.customer_name) = '' THEN 'The customer''s name is required.'
								     WHEN s.customer_name ~ '[[:cntrl:]]'
								     THEN 'The customer''s name must not contain control characters.' END""" });
				checks.add(new String[] { "customer_email", """
						CASE WHEN s.customer_email IS NOT NULL AND NOT btrim(s.customer_email) ~ %s
						     THEN format('''%%s'' is not an email address.', s.customer_email) END"""
					.formatted(EMAIL) });
				checks.add(required("shipped_on", "The shipping date"));
				checks.add(date("shipped_on"));
				checks.add(new String[] { "reference", """
						CASE WHEN s.reference ~ '[[:cntrl:]]'
						     THEN 'The reference must not contain control characters.' END""" });
			}
			default -> throw new IllegalArgumentException(file.name());
		}
		StringBuilder columns = new StringBuilder();
		StringBuilder names = new StringBuilder();
		StringBuilder values = new StringBuilder();
		for (int i = 0; i < checks.size(); i++) {
			columns.append(",\n").append(checks.get(i)[1]).append(" AS e").append(i);
			names.append(i == 0 ? "" : ", ").append("c.e").append(i);
			values.append(i == 0 ? "" : ", ")
				.append("(")
				.append(i)
				.append(", '")
				.append(checks.get(i)[0])
				.append("', c.e")
				.append(i)
				.append(")");
		}
		// Each check is evaluated once per row as a column; only rows with an error are
		// unfolded into one row per error (a VALUES list builds its expressions anew for
		// every row it is joined to, which costs more than the checks themselves).
		// OFFSET 0 keeps the planner from pulling the checks back into the VALUES list.
		return """
				%s
				SELECT c.line, v.col, v.msg
				FROM (SELECT s.line%s
				      FROM %s s
				      %s
				      OFFSET 0) c
				CROSS JOIN LATERAL (VALUES %s) v (ord, col, msg)
				WHERE num_nonnulls(%s) > 0 AND v.msg IS NOT NULL
				ORDER BY c.line, v.ord
				LIMIT %d
				""".formatted(with, columns, StagingCopy.table(file), joins, values, names, MAX_ERRORS);
	}

	/**
	 * Joins, as {@code alias}, the values of {@code column} that appear on more than one
	 * row, with the first line of each: a hash aggregate instead of a sort of the whole
	 * file.
	 */
	private static String repeated(ImportFile file, String column, String alias) {
		return """
				LEFT JOIN (SELECT %1$s, min(line) AS first_line FROM %3$s
				           WHERE %1$s IS NOT NULL GROUP BY %1$s HAVING count(*) > 1) %2$s ON %2$s.%1$s = s.%1$s
				""".formatted(column, alias, StagingCopy.table(file));
	}

	private static String[] required(String column, String what) {
		return new String[] { column, "CASE WHEN s.%s IS NULL THEN '%s is required.' END".formatted(column, what) };
	}

	private static String[] duplicate(String column, String what, String existing) {
		return new String[] { column, """
				CASE WHEN s.%1$s IS NULL THEN NULL
				     WHEN s.line > dc.first_line
				     THEN format('%2$s ''%%s'' appears more than once (first on line %%s).', s.%1$s, dc.first_line)
				     WHEN %3$s IS NOT NULL THEN format('%2$s ''%%s'' already exists.', s.%1$s)
				END""".formatted(column, what, existing) };
	}

	/** A code that {@link InputRules#CODE_PATTERN} does not allow. */
	private static String[] code(String column, String what) {
		return new String[] { column,
				"CASE WHEN s.%1$s IS NOT NULL AND NOT s.%1$s ~ %2$s THEN format('%3$s ''%%s'' %4$s.', s.%1$s) END"
					.formatted(column, CODE, what, InputRules.CODE_RULE) };
	}

	private static String[] unknownPart() {
		return new String[] { "part_number", """
				CASE WHEN s.part_number IS NOT NULL AND gp.id IS NULL AND sp.part_number IS NULL
				     THEN format('Part ''%s'' does not exist.', s.part_number) END""" };
	}

	private static String[] number(String column) {
		return new String[] { column,
				"CASE WHEN s.%s IS NULL THEN NULL ELSE %s END".formatted(column, numberCheck(column)) };
	}

	private static String numberCheck(String column) {
		return """
				CASE WHEN s.%1$s ~ %3$s THEN NULL
				     WHEN s.%1$s ~ %2$s THEN format('%1$s must not be negative (''%%s'').', s.%1$s)
				     ELSE format('''%%s'' is not a number (up to 12 digits and 6 decimals).', s.%1$s) END"""
			.formatted(column, NEGATIVE, NUMBER);
	}

	private static String[] date(String column) {
		return new String[] { column, """
				CASE WHEN s.%1$s IS NOT NULL AND NOT (s.%1$s ~ %2$s AND pg_input_is_valid(s.%1$s, 'date'))
				     THEN format('''%%s'' is not a date (yyyy-MM-dd).', s.%1$s) END""".formatted(column, DATE) };
	}

}
