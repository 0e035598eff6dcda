package com.tracecase.genealogy.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.tracecase.genealogy.ImportError;
import com.tracecase.genealogy.ImportFile;
import com.tracecase.genealogy.InputRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The genealogy import in SQL: each file is streamed with {@code COPY} into a temporary
 * staging table of text columns, checked with set-based queries, then inserted with one
 * statement per table. Must run inside a transaction, which makes it all or nothing.
 * <p>
 * A staging row's {@code line} is its line in the file (the header is line 1); a quoted
 * value spanning lines shifts the numbers after it.
 */
@Component
public class CsvImport {

	static final int MAX_ERRORS = 100;

	private static final int ANALYZE_THRESHOLD = 5_000;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CsvImport.class);

	private static final Pattern COPY_LINE = Pattern.compile("line (\\d+)(?:, column (\\w+))?");

	private static final String NUMBER = "'^\\s*\\+?\\d{1,%d}(\\.\\d{1,%d})?\\s*$'"
		.formatted(InputRules.MAX_INTEGER_DIGITS, InputRules.MAX_DECIMALS);

	/** A code as {@link InputRules#CODE_PATTERN} allows it (the same regex in SQL). */
	private static final String CODE = "'^" + InputRules.CODE_PATTERN + "$'";

	private static final String NEGATIVE = "'^\\s*-\\s*\\d+(\\.\\d+)?\\s*$'";

	private static final String DATE = "'^\\d{4}-\\d{2}-\\d{2}$'";

	/** An email address: one @, a dot in the domain, no spaces. */
	private static final String EMAIL = "'^[^@[:space:]]+@[^@[:space:].]+(\\.[^@[:space:].]+)+$'";

	/**
	 * Columns of a file: name, maximum length (0 for numbers, dates and enums), required
	 * in the header.
	 */
	private record Column(String name, int maxLength, boolean requiredInHeader) {
	}

	private static final Map<ImportFile, List<Column>> COLUMNS = Map.of(ImportFile.PARTS,
			List.of(new Column("part_number", 100, true), new Column("description", 500, true),
					new Column("kind", 0, true), new Column("unit_cost", 0, false),
					new Column("manufacturer", 200, false), new Column("serialized", 0, false)),
			ImportFile.BUILDS,
			List.of(new Column("build_code", 100, true), new Column("part_number", 100, true),
					new Column("quantity", 0, true), new Column("started_on", 0, false),
					new Column("completed_on", 0, false)),
			ImportFile.LOTS,
			List.of(new Column("lot_code", 100, true), new Column("part_number", 100, true),
					new Column("supplier", 200, false), new Column("quantity", 0, false),
					new Column("created_on", 0, false), new Column("status", 0, false),
					new Column("serial_number", 100, false), new Column("build_code", 100, false),
					new Column("date_code", 100, false), new Column("location", 200, false)),
			ImportFile.CONSUMPTIONS,
			List.of(new Column("build_code", 100, true), new Column("consumed_lot_code", 100, true),
					new Column("quantity", 0, false), new Column("produced_lot_code", 100, false)),
			ImportFile.SHIPMENTS,
			List.of(new Column("serial_number", 100, true), new Column("customer_name", 200, true),
					new Column("customer_email", 254, false), new Column("shipped_on", 0, true),
					new Column("reference", 100, false)));

	/** The meter of the import's phases, tagged {@code phase}. */
	static final String PHASE_METER = "tracecase.import.phase";

	private final DataSource dataSource;

	/**
	 * For the benchmark: receives each phase's plan, and the phase then runs as its plan.
	 */
	private volatile java.util.function.BiConsumer<String, String> plans;

	private final UnitAncestors unitAncestors;

	private final MeterRegistry meters;

	CsvImport(DataSource dataSource, UnitAncestors unitAncestors, MeterRegistry meters) {
		this.dataSource = dataSource;
		this.unitAncestors = unitAncestors;
		this.meters = meters;
	}

	/**
	 * Benchmark only: runs the validation queries and inserts as
	 * {@code EXPLAIN (ANALYZE, BUFFERS)} (the inserts still insert, the validation
	 * answers are dropped) and hands each plan to the sink; {@code null} to stop.
	 */
	void explainTo(java.util.function.BiConsumer<String, String> sink) {
		this.plans = sink;
	}

	private boolean explained(JdbcTemplate jdbc, String phase, String sql) {
		java.util.function.BiConsumer<String, String> sink = this.plans;
		if (sink == null) {
			return false;
		}
		List<String> lines = jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, String.class);
		sink.accept(phase, String.join("\n", lines));
		return true;
	}

	/** Told what the import does, and how many bytes it has read. */
	public interface Progress {

		void phase(String phase);

		void bytesRead(long bytes);

	}

	/**
	 * Imports the files. Runs in the caller's transaction; when errors come back the
	 * caller must roll it back (nothing has been inserted unless the error is a cycle,
	 * which is found after inserting).
	 * @return the errors, at most {@value #MAX_ERRORS}; empty when the import succeeded
	 */
	public Result run(Map<ImportFile, Resource> files, Progress progress) throws IOException, SQLException {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		// the checks sort and hash whole staging tables; with the default 4 MB they spill
		// to disk
		jdbc.execute("SET LOCAL work_mem = '256MB'");
		for (ImportFile file : ImportFile.values()) {
			jdbc.execute(createStage(file));
		}
		List<ImportError> errors = new ArrayList<>();
		Map<String, Long> rows = new LinkedHashMap<>();
		for (ImportFile file : ImportFile.values()) {
			rows.put(file.field(), 0L);
		}
		long[] read = new long[1];
		for (ImportFile file : ImportFile.values()) {
			Resource resource = files.get(file);
			if (resource != null) {
				progress.phase("Reading " + file.fileName());
				long started = System.nanoTime();
				try (InputStream in = new CountingInputStream(
						new java.io.BufferedInputStream(resource.getInputStream(), 1 << 16), n -> {
							read[0] += n;
							progress.bytesRead(read[0]);
						})) {
					rows.put(file.field(), copy(connection, file, in, errors));
				}
				took("copy " + file.fileName(), started);
			}
		}
		if (!errors.isEmpty()) {
			return new Result(sorted(errors), Map.of());
		}
		// planner statistics on the codes, the columns that are joined and grouped
		timed("analyze staging", () -> {
			for (ImportFile file : ImportFile.values()) {
				jdbc.execute("ANALYZE %s (%s)".formatted(stage(file),
						COLUMNS.get(file)
							.stream()
							.map(Column::name)
							.filter(name -> name.endsWith("_code") || name.endsWith("_number"))
							.collect(Collectors.joining(", "))));
			}
		}, progress);
		for (ImportFile file : ImportFile.values()) {
			if (rows.get(file.field()) > 0) {
				timed("validate " + file.fileName(), () -> {
					if (!explained(jdbc, "validate " + file.fileName(), validation(file))) {
						errors.addAll(jdbc.query(validation(file), (rs, i) -> new ImportError(file.fileName(),
								rs.getLong("line"), rs.getString("col"), rs.getString("msg"))));
					}
				}, progress);
			}
		}
		if (!errors.isEmpty()) {
			return new Result(sorted(errors), rows);
		}
		timed("insert parts", () -> update(jdbc, "insert parts", INSERT_PARTS), progress);
		timed("insert builds", () -> update(jdbc, "insert builds", INSERT_BUILDS), progress);
		analyzeIfLarge(jdbc, rows.get("builds"), "gen_build");
		timed("insert lots", () -> {
			update(jdbc, "insert lots", INSERT_LOTS);
			update(jdbc, "count lots", COUNT_LOTS);
		}, progress);
		// the planner must see the new rows before joining them: fresh statistics turn
		// nested loops into hash joins
		timed("analyze gen_lot", () -> analyzeIfLarge(jdbc, rows.get("lots"), "gen_lot"), progress);
		timed("insert consumptions", () -> update(jdbc, "insert consumptions", INSERT_CONSUMPTIONS), progress);
		timed("analyze gen_consumption", () -> analyzeIfLarge(jdbc, rows.get("consumptions"), "gen_consumption"),
				progress);
		timed("Checking for cycles", () -> {
			jdbc.execute(STAGE_LINKS);
			jdbc.update(INSERT_LINKS);
			errors.addAll(jdbc.query(GenealogyGraph.cyclicLinks("SELECT producer, consumer, line FROM stage_links"),
					(rs, i) -> new ImportError(ImportFile.CONSUMPTIONS.fileName(), rs.getLong("line"),
							"consumed_lot_code",
							"Build '%s' consuming an output of build '%s' would make the genealogy cyclic."
								.formatted(rs.getString("consumer_code"), rs.getString("producer_code")))));
		}, progress);
		if (errors.isEmpty() && rows.get("shipments") > 0) {
			timed("insert shipments", () -> update(jdbc, "insert shipments", INSERT_SHIPMENTS), progress);
		}
		if (errors.isEmpty() && rows.get("consumptions") > 0) {
			timed("Tracing units", () -> unitAncestors.refreshImported(IMPORTED_INPUTS), progress);
		}
		return new Result(sorted(errors), rows);
	}

	private void update(JdbcTemplate jdbc, String phase, String sql) {
		if (!explained(jdbc, phase, sql)) {
			jdbc.update(sql);
		}
	}

	private void timed(String phase, Runnable step, Progress progress) {
		progress.phase(phase);
		long started = System.nanoTime();
		step.run();
		took(phase, started);
	}

	/**
	 * Logs the phase's time and adds it to the meter {@code tracecase.import.phase}
	 * (tagged by phase), where operations and the benchmark read where an import spends
	 * its time.
	 */
	private void took(String phase, long startedNanos) {
		long nanos = System.nanoTime() - startedNanos;
		log.debug("{} took {} ms", phase, nanos / 1_000_000);
		Timer.builder(PHASE_METER)
			.description("Time the genealogy import spent in each phase")
			.tag("phase", phase)
			.register(meters)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	private static void analyzeIfLarge(JdbcTemplate jdbc, long rows, String table) {
		if (rows >= ANALYZE_THRESHOLD) {
			jdbc.execute("ANALYZE " + table);
		}
	}

	/** The errors of an import, none when it succeeded, and the rows per file. */
	public record Result(List<ImportError> errors, Map<String, Long> rows) {
	}

	private static List<ImportError> sorted(List<ImportError> errors) {
		List<String> order = java.util.Arrays.stream(ImportFile.values()).map(ImportFile::fileName).toList();
		return errors.stream()
			.sorted(Comparator.comparingInt((ImportError e) -> order.indexOf(e.file()))
				.thenComparingLong(ImportError::line))
			.limit(MAX_ERRORS)
			.toList();
	}

	private static String stage(ImportFile file) {
		return "stage_" + file.field();
	}

	private static String createStage(ImportFile file) {
		String columns = COLUMNS.get(file).stream().map(c -> c.name() + " text").collect(Collectors.joining(", "));
		return "CREATE TEMP TABLE " + stage(file) + " (line bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 2), "
				+ columns + ") ON COMMIT DROP";
	}

	/**
	 * @return the rows copied
	 */
	private long copy(Connection connection, ImportFile file, InputStream in, List<ImportError> errors)
			throws IOException, SQLException {
		String headerLine = readHeader(in);
		if (headerLine == null) {
			errors.add(new ImportError(file.fileName(), 1, null, "The file is empty; it needs a header row."));
			return 0;
		}
		List<String> header;
		try (CSVParser parser = CSVParser.parse(new StringReader(headerLine), CSVFormat.DEFAULT)) {
			List<CSVRecord> records = parser.getRecords();
			header = records.isEmpty() ? List.of()
					: records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
		}
		List<String> known = COLUMNS.get(file).stream().map(Column::name).toList();
		int before = errors.size();
		for (String name : header) {
			if (!known.contains(name)) {
				errors.add(new ImportError(file.fileName(), 1, name,
						"Unknown column '%s'; expected %s.".formatted(name, String.join(",", known))));
			}
			else if (header.indexOf(name) != header.lastIndexOf(name)) {
				errors.add(new ImportError(file.fileName(), 1, name, "Column '" + name + "' appears twice."));
			}
		}
		for (Column column : COLUMNS.get(file)) {
			if (column.requiredInHeader() && !header.contains(column.name())) {
				errors.add(new ImportError(file.fileName(), 1, column.name(),
						"The header lacks the column '" + column.name() + "'."));
			}
		}
		if (errors.size() > before) {
			return 0;
		}
		String columns = String.join(", ", header);
		String sql = "COPY %s (%s) FROM STDIN WITH (FORMAT csv, FORCE_NULL (%s))".formatted(stage(file), columns,
				columns);
		CopyManager copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
		Savepoint savepoint = connection.setSavepoint();
		try {
			long copied = copyManager.copyIn(sql, in, 1 << 16);
			connection.releaseSavepoint(savepoint);
			return copied;
		}
		catch (PSQLException ex) {
			connection.rollback(savepoint);
			errors.add(copyError(file, ex));
			return 0;
		}
	}

	private static ImportError copyError(ImportFile file, PSQLException ex) {
		ServerErrorMessage server = ex.getServerErrorMessage();
		String where = server != null ? server.getWhere() : null;
		String message = server != null && server.getMessage() != null ? server.getMessage() : ex.getMessage();
		long line = 0;
		String column = null;
		if (where != null) {
			Matcher matcher = COPY_LINE.matcher(where);
			if (matcher.find()) {
				line = Long.parseLong(matcher.group(1)) + 1;
				column = matcher.group(2);
			}
		}
		return new ImportError(file.fileName(), line, column, "Unreadable CSV: " + message + ".");
	}

	/**
	 * Reads the first line as UTF-8 without a byte order mark, leaving the stream at the
	 * second.
	 */
	private static String readHeader(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1 && b != '\n') {
			line.write(b);
			if (line.size() > 65536) {
				break;
			}
		}
		if (b == -1 && line.size() == 0) {
			return null;
		}
		String header = line.toString(StandardCharsets.UTF_8);
		if (header.startsWith("\uFEFF")) {
			header = header.substring(1);
		}
		header = header.endsWith("\r") ? header.substring(0, header.length() - 1) : header;
		return header.isBlank() ? null : header;
	}

	/**
	 * One query per file: each row's checks as {@code (line, col, msg)}, in file order.
	 */
	private static String validation(ImportFile file) {
		List<String[]> checks = new ArrayList<>();
		for (Column column : COLUMNS.get(file)) {
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
				""".formatted(with, columns, stage(file), joins, values, names, MAX_ERRORS);
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
				""".formatted(column, alias, stage(file));
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

	/** Counts bytes as they are read, for progress. */
	private static final class CountingInputStream extends java.io.FilterInputStream {

		private final java.util.function.LongConsumer listener;

		CountingInputStream(InputStream in, java.util.function.LongConsumer listener) {
			super(in);
			this.listener = listener;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				listener.accept(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				listener.accept(n);
			}
			return n;
		}

	}

}
