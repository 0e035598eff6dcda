package com.tracecase.genealogy.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.GenealogyImports;
import com.tracecase.genealogy.ImportStatus;
import com.tracecase.demo.GenealogyGenerator;
import com.tracecase.genealogy.PartKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Not a test: a benchmark harness, left out of the suite (it is not named
 * {@code *Tests}). Generates a genealogy of {@code -Dbench.devices} devices (default
 * 50,000), imports it, times trace, where-used and at-risk, and writes the timings and
 * query plans to {@code target/genealogy-benchmark.txt}:
 *
 * <pre>
 * ./mvnw -B test -Dtest=GenealogyBenchmark -Dbench.devices=50000 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * With {@code -Dbench.explain=true} the report also holds the plans of the import's
 * statements, logged by PostgreSQL's {@code auto_explain} (see {@link ImportPlans}).
 */
@TracecaseIntegrationTest
class GenealogyBenchmark {

	private static final int RUNS = 15;

	@Autowired
	GenealogyImports imports;

	@Autowired
	Genealogy genealogy;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	/** Total milliseconds per phase of every import so far, from the import's meter. */
	private Map<String, Double> phaseMillis() {
		Map<String, Double> millis = new java.util.HashMap<>();
		meters.find(CsvImport.PHASE_METER)
			.timers()
			.forEach(timer -> millis.put(timer.getId().getTag("phase"),
					timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)));
		return millis;
	}

	@Test
	void run() throws Exception {
		int devices = Integer.getInteger("bench.devices", 50_000);
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(CsvImport.class))
			.setLevel(ch.qos.logback.classic.Level.DEBUG);
		Path directory = Files.createTempDirectory("genealogy-bench");
		Path report = Path.of("target", "genealogy-benchmark.txt");
		try (PrintStream out = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
			long t0 = System.nanoTime();
			GenealogyGenerator generator;
			try (BufferedWriter lots = Files.newBufferedWriter(directory.resolve("lots.csv"));
					BufferedWriter uses = Files.newBufferedWriter(directory.resolve("consumptions.csv"))) {
				generator = new GenealogyGenerator(devices, 42, lots, uses);
				Files.writeString(directory.resolve("builds.csv"), generator.generate());
			}
			Files.writeString(directory.resolve("parts.csv"), GenealogyGenerator.parts());
			long bytes = 0;
			for (String f : List.of("parts.csv", "builds.csv", "lots.csv", "consumptions.csv")) {
				bytes += Files.size(directory.resolve(f));
			}
			out.printf("devices: %d, generated %d MB in %d ms%n", devices, bytes >> 20, ms(t0));

			boolean explain = Boolean.getBoolean("bench.explain");
			ImportPlans plans = explain ? ImportPlans.start(dataSource) : null;
			Map<String, Double> before = phaseMillis();
			long t1 = System.nanoTime();
			ImportStatus status;
			try {
				status = imports.importDirectory(directory, "benchmark");
			}
			finally {
				if (plans != null) {
					plans.stop();
				}
			}
			long importMs = ms(t1);
			// the import's own meter: what each phase took in this import, longest first
			Map<String, Long> phases = new java.util.LinkedHashMap<>();
			phaseMillis().entrySet()
				.stream()
				.map(e -> Map.entry(e.getKey(), Math.round(e.getValue() - before.getOrDefault(e.getKey(), 0.0))))
				.filter(e -> e.getValue() > 0 || !before.containsKey(e.getKey()))
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach(e -> phases.put(e.getKey(), e.getValue()));
			long rows = status.rows().values().stream().mapToLong(Long::longValue).sum();
			out.printf("import: %s in %d ms = %d rows/s%n", status.rows(), importMs,
					rows * 1000 / Math.max(1, importMs));

			Map<String, Long> fileRows = status.rows();
			for (Map.Entry<String, Long> phase : phases.entrySet()) {
				// rows of the file a phase works on; the others (analyze, cycles) are per
				// import
				Long phaseRows = fileRows.entrySet()
					.stream()
					.filter(e -> phase.getKey().endsWith(" " + e.getKey())
							|| phase.getKey().endsWith(" " + e.getKey() + ".csv"))
					.map(Map.Entry::getValue)
					.findFirst()
					.orElse(null);
				out.printf("  %-28s %7d ms %16s%n", phase.getKey(), phase.getValue(),
						phaseRows == null || phaseRows < 1000 ? ""
								: (phaseRows * 1000 / Math.max(1, phase.getValue())) + " rows/s");
			}
			if (plans != null) {
				out.print(plans.report());
			}
			NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
			out.printf("database: %s%n", jdbc.queryForList(
					"SELECT version(), datcollate, datctype FROM pg_database WHERE datname = current_database()",
					Map.of()));
			jdbc.getJdbcTemplate().execute("ANALYZE");
			out.printf("table sizes: %s%n", jdbc.queryForList("""
					SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE relname LIKE 'gen_%' ORDER BY relname
					""", Map.of()));

			String device = "HX2-%06d".formatted(devices / 2);
			String reel = GenealogyGenerator.suspectReel();
			String pcb = "PCB-HX2-MB-ATS-0003";
			List<String> failing = generator.failingUnits(10);

			time(out, "trace " + device, () -> genealogy.traceDevice(device).lots().size());
			time(out, "where-used " + reel + " (all)", () -> genealogy.whereUsed(reel, null).size());
			time(out, "where-used " + reel + " page 0 size 100 kind=product",
					() -> (int) genealogy.whereUsed(reel, PartKind.PRODUCT, 0, 100).total());
			time(out, "where-used " + pcb + " (all)", () -> genealogy.whereUsed(pcb, null).size());
			time(out, "at-risk " + failing.size() + " failed units", () -> genealogy.atRisk(failing).size());
			String resistorReel = "R-10K-0402-RSV-0001";
			time(out, "where-used " + resistorReel + " (all)", () -> genealogy.whereUsed(resistorReel, null).size());

			long deviceLot = jdbc.queryForObject("SELECT id FROM gen_lot WHERE serial_number = :s", Map.of("s", device),
					Long.class);
			long reelLot = jdbc.queryForObject("SELECT id FROM gen_lot WHERE lot_code = :s", Map.of("s", reel),
					Long.class);
			time(out, "raw SQL where-used " + reel + " page 0 size 100 kind=product",
					() -> jdbc
						.queryForList(GenealogyGraph.WHERE_USED_PAGE,
								Map.of("roots", List.of(reelLot), "kind", "PRODUCT", "limit", 100, "offset", 0))
						.size());
			time(out, "raw SQL where-used " + reel + " all", () -> jdbc.queryForList(GenealogyGraph.WHERE_USED_ALL,
					new java.util.HashMap<>(Map.of("roots", List.of(reelLot))) {
						{
							put("kind", null);
						}
					})
				.size());
			org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
					transactions);
			time(out, "raw SQL page in transaction",
					() -> tx
						.execute(
								st -> jdbc
									.queryForList(GenealogyGraph.WHERE_USED_PAGE,
											Map.of("roots", List.of(reelLot), "kind", "PRODUCT", "limit", 100, "offset",
													0))
									.size()));
			tx.setReadOnly(true);
			time(out, "raw SQL page in read-only transaction",
					() -> tx
						.execute(
								st -> jdbc
									.queryForList(GenealogyGraph.WHERE_USED_PAGE,
											Map.of("roots", List.of(reelLot), "kind", "PRODUCT", "limit", 100, "offset",
													0))
									.size()));
			explain(out, jdbc, "trace", GenealogyGraph.TRACE, Map.of("roots", List.of(deviceLot)));
			explain(out, jdbc, "where-used page", GenealogyGraph.WHERE_USED_PAGE,
					new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("roots", List.of(reelLot))
						.addValue("kind", "PRODUCT")
						.addValue("limit", 100)
						.addValue("offset", 0)
						.getValues());
		}
		finally {
			for (String f : List.of("parts.csv", "builds.csv", "lots.csv", "consumptions.csv")) {
				Files.deleteIfExists(directory.resolve(f));
			}
			Files.deleteIfExists(directory);
		}
		System.out.println(Files.readString(report));
	}

	private static void time(PrintStream out, String what, Supplier<Integer> query) {
		List<Long> micros = new ArrayList<>();
		int size = 0;
		for (int i = 0; i < RUNS; i++) {
			long t = System.nanoTime();
			size = query.get();
			micros.add((System.nanoTime() - t) / 1000);
		}
		long first = micros.get(0);
		Collections.sort(micros);
		out.printf("%-70s rows %7d  first %8.1f ms  median %8.1f ms  max %8.1f ms%n", what, size, first / 1000.0,
				micros.get(RUNS / 2) / 1000.0, micros.get(RUNS - 1) / 1000.0);
	}

	private static void explain(PrintStream out, NamedParameterJdbcTemplate jdbc, String what, String sql,
			Map<String, ?> params) {
		out.println();
		out.println("EXPLAIN (ANALYZE, BUFFERS) " + what + ":");
		jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + sql, params, (java.sql.ResultSet rs) -> {
			out.println(rs.getString(1));
		});
	}

	private static long ms(long since) {
		return (System.nanoTime() - since) / 1_000_000;
	}

}
