package com.tracecase.genealogy.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.tracecase.genealogy.ImportError;
import com.tracecase.genealogy.ImportFile;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The genealogy import in SQL: each file is streamed with {@code COPY} into a temporary
 * staging table of text columns ({@link StagingCopy}), checked with set-based queries
 * ({@link ImportValidation}), then inserted with one statement per table
 * ({@link ImportInserts}). Must run inside a transaction, which makes it all or nothing.
 * Each phase is timed on the meter {@value #PHASE_METER}.
 */
@Component
public class CsvImport {

	/** The meter of the import's phases, tagged {@code phase}. */
	static final String PHASE_METER = "tracecase.import.phase";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CsvImport.class);

	private final DataSource dataSource;

	private final UnitAncestors unitAncestors;

	private final MeterRegistry meters;

	CsvImport(DataSource dataSource, UnitAncestors unitAncestors, MeterRegistry meters) {
		this.dataSource = dataSource;
		this.unitAncestors = unitAncestors;
		this.meters = meters;
	}

	/** Told what the import does, and how many bytes it has read. */
	public interface Progress {

		void phase(String phase);

		void bytesRead(long bytes);

	}

	/** The errors of an import, none when it succeeded, and the rows per file. */
	public record Result(List<ImportError> errors, Map<String, Long> rows) {
	}

	/**
	 * Imports the files. Runs in the caller's transaction; when errors come back the
	 * caller must roll it back (nothing has been inserted unless the error is a cycle,
	 * which is found after inserting).
	 * @return the errors, at most {@value ImportValidation#MAX_ERRORS}; empty when the
	 * import succeeded
	 */
	public Result run(Map<ImportFile, Resource> files, Progress progress) throws IOException, SQLException {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		// the checks sort and hash whole staging tables; with the default 4 MB they spill
		// to disk
		jdbc.execute("SET LOCAL work_mem = '256MB'");
		StagingCopy.create(jdbc);
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
						new BufferedInputStream(resource.getInputStream(), 1 << 16), n -> {
							read[0] += n;
							progress.bytesRead(read[0]);
						})) {
					rows.put(file.field(), StagingCopy.copy(connection, file, in, errors));
				}
				took("copy " + file.fileName(), started);
			}
		}
		if (!errors.isEmpty()) {
			return new Result(ImportValidation.sorted(errors), Map.of());
		}
		timed("analyze staging", () -> StagingCopy.analyze(jdbc), progress);
		for (ImportFile file : ImportFile.values()) {
			if (rows.get(file.field()) > 0) {
				timed("validate " + file.fileName(), () -> errors.addAll(ImportValidation.check(jdbc, file)), progress);
			}
		}
		if (!errors.isEmpty()) {
			return new Result(ImportValidation.sorted(errors), rows);
		}
		timed("insert parts", () -> ImportInserts.parts(jdbc), progress);
		timed("insert builds", () -> ImportInserts.builds(jdbc), progress);
		ImportInserts.analyzeIfLarge(jdbc, rows.get("builds"), "gen_build");
		timed("insert lots", () -> ImportInserts.lots(jdbc), progress);
		timed("analyze gen_lot", () -> ImportInserts.analyzeIfLarge(jdbc, rows.get("lots"), "gen_lot"), progress);
		timed("insert consumptions", () -> ImportInserts.consumptions(jdbc), progress);
		timed("analyze gen_consumption",
				() -> ImportInserts.analyzeIfLarge(jdbc, rows.get("consumptions"), "gen_consumption"), progress);
		timed("Checking for cycles", () -> {
			ImportInserts.links(jdbc);
			errors.addAll(ImportValidation.cycles(jdbc));
		}, progress);
		if (errors.isEmpty() && rows.get("shipments") > 0) {
			timed("insert shipments", () -> ImportInserts.shipments(jdbc), progress);
		}
		if (errors.isEmpty() && rows.get("consumptions") > 0) {
			timed("Tracing units", () -> ImportInserts.traceUnits(unitAncestors), progress);
		}
		return new Result(ImportValidation.sorted(errors), rows);
	}

	private void timed(String phase, Runnable step, Progress progress) {
		progress.phase(phase);
		long started = System.nanoTime();
		step.run();
		took(phase, started);
	}

	/**
	 * Logs the phase's time and adds it to the meter {@value #PHASE_METER} (tagged by
	 * phase), where operations and the benchmark read where an import spends its time.
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

}
