package com.tracecase.genealogy.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.demo.GenealogyGenerator;
import com.tracecase.genealogy.AtRiskLot;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.GenealogyImports;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.genealogy.WhereUsedLot;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: a benchmark harness, left out of the suite (it is not named
 * {@code *Tests}). Imports a generated genealogy of {@code -Dbench.devices} devices
 * (default 20,000), then times trace, where-used and at-risk four ways on the same seeded
 * samples: the façade ({@link Genealogy}, the production SQL and its mapping), the same
 * over HTTP, a per-node traversal (one query per lot for its inputs or uses, as an ORM's
 * lazy associations would walk) and a walk over the consumption graph held in primitive
 * arrays. Before timing, the answers of the four are compared for every sample (equal
 * sets of lots, equal counts): the comparison is of the same work. Writes
 * {@code target/genealogy-query-benchmark-<devices>.txt}:
 *
 * <pre>
 * ./mvnw -B test -Dtest=GenealogyQueryBenchmark -Dbench.devices=100000 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dbench.seed} (default 7) picks the samples; {@code -Dbench.perNodeSeconds}
 * (default 60) bounds the time spent on each per-node kind beyond its first 10 samples.
 */
@TracecaseIntegrationTest
class GenealogyQueryBenchmark {

	/**
	 * A demo user of the customer service group: reads the genealogy, changes nothing.
	 */
	private static final String USER = "cs.agent";

	private static final int TRACE_SAMPLES = 400;

	private static final int OTHER_SAMPLES = 60;

	private static final int WARMUP = 20;

	@LocalServerPort
	int port;

	@Autowired
	GenealogyImports imports;

	@Autowired
	Genealogy genealogy;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ObjectMapper json;

	@Autowired
	GenealogyQueries queries;

	private NamedParameterJdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Row> rows = new ArrayList<>();

	private PrintStream out;

	@Test
	void run() throws Exception {
		int devices = Integer.getInteger("bench.devices", 20_000);
		long seed = Long.getLong("bench.seed", 7);
		this.jdbc = new NamedParameterJdbcTemplate(this.dataSource);
		Path report = Path.of("target", "genealogy-query-benchmark-" + devices + ".txt");
		try (PrintStream file = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
			this.out = file;
			print("started %s, %d devices, seed %d, %d processors, max heap %d MB, load average %s", Instant.now(),
					devices, seed, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
					loadAverage());
			importGenealogy(devices);
			this.jdbc.getJdbcTemplate().execute("ANALYZE");
			print("table sizes: %s", this.jdbc.queryForList(
					"SELECT relname, n_live_tup FROM pg_stat_user_tables WHERE relname LIKE 'gen_%' AND n_live_tup > 0 ORDER BY relname",
					Map.of()));
			print("database size: %s", this.jdbc
				.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", Map.of(), String.class));
			assertThat(count("SELECT count(*) FROM gen_repair"))
				.as("the in-memory walk leaves repairs out, so the genealogy must have none")
				.isZero();

			Random random = new Random(seed);
			List<String> traced = sampleDevices(random, 200);
			List<Reach> reaches = reaches();
			List<String> wide = sampleLots(reaches, random, 500, 1_500, 10);
			List<String> narrow = sampleLots(reaches, random, 50, 150, 10);
			List<String> shipped = shipped();
			List<List<String>> scattered = new ArrayList<>();
			List<List<String>> clustered = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				scattered.add(pickSome(shipped, random, 100));
				clustered.add(sampleShippedSharingLot(reaches, random, 100));
			}
			print("samples: %d devices to trace, %d lots reaching 500-1,500 devices %s, %d lots reaching 50-150 %s, "
					+ "%d sets of 100 shipped devices at random, %d sets of 100 sharing a lot", traced.size(),
					wide.size(), wide, narrow.size(), narrow, scattered.size(), clustered.size());

			InMemoryGraph graph = InMemoryGraph.load(this.jdbc.getJdbcTemplate(), this.transactions, this::print);

			try (Connection connection = this.dataSource.getConnection()) {
				PerNode perNode = new PerNode(connection);
				Map<String, Long> lotIds = new HashMap<>();

				// the answers first: the four ways must agree before their times are
				// compared
				for (String serial : traced) {
					Set<String> facade = traceCodes(serial);
					Map<Long, String> nodes = perNode.trace(perNode.deviceId(serial));
					assertThat(new TreeSet<>(nodes.values())).as("per-node trace of " + serial).isEqualTo(facade);
					long id = perNode.deviceId(serial);
					assertThat(graph.up(id)).as("in-memory trace of " + serial).isEqualTo(nodes.keySet());
					assertThat(httpTrace(serial)).as("HTTP trace of " + serial).isEqualTo(facade.size());
					lotIds.put(serial, id);
				}
				for (String lot : concat(wide, narrow)) {
					Set<String> facade = whereUsedCodes(lot);
					long id = perNode.lotId(lot);
					Map<Long, String> nodes = perNode.whereUsedProducts(id);
					assertThat(new TreeSet<>(nodes.values())).as("per-node where-used of " + lot).isEqualTo(facade);
					assertThat(graph.downProducts(id)).as("in-memory where-used of " + lot).isEqualTo(nodes.keySet());
					assertThat(httpWhereUsed(lot)).as("HTTP where-used of " + lot).isEqualTo(facade.size());
					lotIds.put(lot, id);
				}
				Map<List<String>, List<Long>> unitIds = new HashMap<>();
				// the per-node and walking at-risk take seconds to minutes each: they are
				// compared on the first set of each kind, the in-memory walk on all
				List<List<String>> checkedByEveryWay = List.of(scattered.get(0), clustered.get(0));
				for (List<String> failed : concat(scattered, clustered)) {
					Set<String> facade = atRiskCounts(failed);
					List<Long> units = failed.stream().map(perNode::deviceId).toList();
					unitIds.put(failed, units);
					assertThat(httpAtRisk(failed)).as("HTTP at-risk").isEqualTo(facade.size());
					Set<String> memory = new TreeSet<>();
					Map<Long, String> codes = new HashMap<>();
					for (GenealogyQueries.AtRiskCounts lot : this.queries.atRiskCounts(units, 2)) {
						codes.put(lotId(lot.lotCode()), lot.lotCode());
					}
					graph.atRisk(units).forEach((id, counts) -> memory.add(codes.get(id) + " " + counts));
					assertThat(memory).as("in-memory at-risk").isEqualTo(facade);
					if (!checkedByEveryWay.contains(failed)) {
						continue;
					}
					Map<Long, String> nodes = perNode.atRisk(units);
					assertThat(new TreeSet<>(nodes.values())).as("per-node at-risk").isEqualTo(facade);
					Map<Long, String> counts = new HashMap<>();
					nodes.forEach((id, lot) -> counts.put(id, lot.substring(lot.indexOf(' ') + 1)));
					assertThat(graph.atRisk(units)).as("in-memory at-risk").isEqualTo(counts);
					assertThat(atRiskWalked(failed)).as("at-risk by the walking query").isEqualTo(facade);
				}
				print("answers agree: façade, HTTP, per-node and in-memory, for every sample%n");

				print("HTTP round trip without a query (GET /api/genealogy/parts/HX2, authentication included):");
				time("HTTP baseline", "HTTP", 200, i -> {
					get("/api/genealogy/parts/HX2");
					return 1;
				});

				String trace = "trace of a device";
				time(trace, "SQL", TRACE_SAMPLES, i -> genealogy.traceDevice(pick(traced, i)).lots().size());
				time(trace, "HTTP", TRACE_SAMPLES, i -> httpTrace(pick(traced, i)));
				time(trace, "per-node", TRACE_SAMPLES, i -> perNode.trace(perNode.deviceId(pick(traced, i))).size());
				time(trace, "in-memory", TRACE_SAMPLES, i -> graph.up(lotIds.get(pick(traced, i))).size());

				for (Map.Entry<String, List<String>> kind : Map
					.of("where-used, 500-1,500 devices", wide, "where-used, 50-150 devices", narrow)
					.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.toList()) {
					List<String> lots = kind.getValue();
					time(kind.getKey(), "SQL", OTHER_SAMPLES,
							i -> genealogy.whereUsed(pick(lots, i), PartKind.PRODUCT).size());
					time(kind.getKey(), "HTTP", OTHER_SAMPLES, i -> httpWhereUsed(pick(lots, i)));
					time(kind.getKey(), "per-node", OTHER_SAMPLES,
							i -> perNode.whereUsedProducts(perNode.lotId(pick(lots, i))).size());
					time(kind.getKey(), "in-memory", OTHER_SAMPLES,
							i -> graph.downProducts(lotIds.get(pick(lots, i))).size());
				}

				for (Map.Entry<String, List<List<String>>> kind : List.of(
						Map.entry("at-risk, 100 shipped devices at random", scattered),
						Map.entry("at-risk, 100 shipped devices sharing a lot", clustered))) {
					List<List<String>> sets = kind.getValue();
					time(kind.getKey(), "SQL", OTHER_SAMPLES, i -> genealogy.atRisk(pick(sets, i)).size());
					time(kind.getKey(), "HTTP", OTHER_SAMPLES, i -> httpAtRisk(pick(sets, i)));
					time(kind.getKey(), "in-memory", OTHER_SAMPLES,
							i -> graph.atRisk(unitIds.get(pick(sets, i))).size());
				}
				// the slow ways last, bounded in time
				for (Map.Entry<String, List<List<String>>> kind : List.of(
						Map.entry("at-risk, 100 shipped devices at random", scattered),
						Map.entry("at-risk, 100 shipped devices sharing a lot", clustered))) {
					List<List<String>> sets = kind.getValue();
					time(kind.getKey(), "SQL, walk", OTHER_SAMPLES, 1, i -> atRiskWalked(pick(sets, i)).size());
					time(kind.getKey(), "per-node", OTHER_SAMPLES, 0,
							i -> perNode.atRisk(pick(sets, i).stream().map(perNode::deviceId).toList()).size());
				}
			}

			print("%nsummary (ms):%n");
			summary();
			print("%nplans of one sample each:");
			explain("trace of " + traced.get(0), GenealogyGraph.TRACE,
					Map.of("roots", List.of(deviceLot(traced.get(0)))));
			Map<String, Object> whereUsed = new HashMap<>();
			whereUsed.put("roots", List.of(lotId(wide.get(0))));
			whereUsed.put("kind", "PRODUCT");
			explain("where-used of " + wide.get(0), GenealogyGraph.WHERE_USED_ALL, whereUsed);
			for (List<String> failed : List.of(scattered.get(0), clustered.get(0))) {
				List<Long> units = failed.stream().map(this::deviceLot).toList();
				explain("at-risk by the walking query, of 100 devices from " + failed.get(0), GenealogyGraph.AT_RISK,
						Map.of("roots", units, "minShared", 2));
				List<Long> parts = this.jdbc.queryForList("SELECT DISTINCT part_id FROM gen_lot WHERE id IN (:roots)",
						Map.of("roots", units), Long.class);
				explain("at-risk from the kept ancestors (the façade's query), of 100 devices from " + failed.get(0),
						GenealogyGraph.AT_RISK_KEPT, Map.of("roots", units, "minShared", 2, "parts", parts));
			}
			print("finished %s, load average %s", Instant.now(), loadAverage());
		}
	}

	// generation and import

	private void importGenealogy(int devices) throws IOException {
		Path directory = Files.createTempDirectory("genealogy-query-bench");
		List<String> files = List.of("parts.csv", "builds.csv", "lots.csv", "consumptions.csv");
		try {
			long t0 = System.nanoTime();
			try (BufferedWriter lots = Files.newBufferedWriter(directory.resolve("lots.csv"));
					BufferedWriter uses = Files.newBufferedWriter(directory.resolve("consumptions.csv"))) {
				GenealogyGenerator generator = new GenealogyGenerator(devices, 42, lots, uses);
				Files.writeString(directory.resolve("builds.csv"), generator.generate());
			}
			Files.writeString(directory.resolve("parts.csv"), GenealogyGenerator.parts());
			print("generated in %d ms", (System.nanoTime() - t0) / 1_000_000);
			long t1 = System.nanoTime();
			print("import: %s in %d s, load average %s", this.imports.importDirectory(directory, "benchmark").rows(),
					(System.nanoTime() - t1) / 1_000_000_000, loadAverage());
		}
		finally {
			for (String f : files) {
				Files.deleteIfExists(directory.resolve(f));
			}
			Files.deleteIfExists(directory);
		}
	}

	// samples, found by query and picked with the seeded random

	private List<String> sampleDevices(Random random, int n) {
		List<String> serials = this.jdbc.queryForList("""
				SELECT l.serial_number FROM gen_lot l JOIN gen_part p ON p.id = l.part_id
				WHERE p.kind = 'PRODUCT' AND l.serial_number IS NOT NULL ORDER BY l.id
				""", Map.of(), String.class);
		return pickSome(serials, random, n);
	}

	/**
	 * The lots (not devices) in at least 50 devices: lot code, devices and shipped
	 * devices they are in, from the kept unit ancestors.
	 */
	private List<Reach> reaches() {
		return this.jdbc.query(
				"""
						SELECT l.id, l.lot_code, d.devices, d.shipped
						FROM (SELECT a.ancestor_lot_id, count(*) AS devices, count(*) FILTER (WHERE u.status = 'SHIPPED') AS shipped
						      FROM gen_unit_ancestor a
						      JOIN gen_part p ON p.id = a.unit_part_id
						      JOIN gen_lot u ON u.id = a.unit_lot_id
						      WHERE p.kind = 'PRODUCT'
						      GROUP BY a.ancestor_lot_id
						      HAVING count(*) >= 10) d
						JOIN gen_lot l ON l.id = d.ancestor_lot_id
						JOIN gen_part lp ON lp.id = l.part_id
						WHERE lp.kind <> 'PRODUCT'
						ORDER BY l.id
						""",
				Map.of(), (rs, i) -> new Reach(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
	}

	private record Reach(long id, String lotCode, long devices, long shipped) {
	}

	/**
	 * Lots from which the where-used walk reaches between min and max devices; when there
	 * are fewer than n, the 3 n lots whose reach is nearest to the middle of the range.
	 */
	private List<String> sampleLots(List<Reach> reaches, Random random, int min, int max, int n) {
		List<Reach> lots = reaches.stream().filter(r -> r.devices() >= min && r.devices() <= max).toList();
		if (lots.size() < n) {
			long middle = (min + max) / 2;
			lots = reaches.stream()
				.sorted(java.util.Comparator.comparingLong(r -> Math.abs(r.devices() - middle)))
				.limit(3L * n)
				.toList();
		}
		print("lots reaching %d-%d devices: %d in range; sampled from %d lots reaching %d-%d devices", min, max,
				reaches.stream().filter(r -> r.devices() >= min && r.devices() <= max).count(), lots.size(),
				lots.stream().mapToLong(Reach::devices).min().orElse(0),
				lots.stream().mapToLong(Reach::devices).max().orElse(0));
		return pickSome(lots.stream().map(Reach::lotCode).toList(), random, n);
	}

	/** n shipped devices that all hold one lot (a reel or a batch), chosen at random. */
	private List<String> sampleShippedSharingLot(List<Reach> reaches, Random random, int n) {
		List<Reach> lots = reaches.stream().filter(r -> r.shipped() >= n && r.devices() <= 2_000).toList();
		Reach lot = lots.get(random.nextInt(lots.size()));
		return pickSome(this.jdbc.queryForList("""
				SELECT u.serial_number
				FROM gen_unit_ancestor a
				JOIN gen_part p ON p.id = a.unit_part_id
				JOIN gen_lot u ON u.id = a.unit_lot_id
				WHERE a.ancestor_lot_id = :lot AND p.kind = 'PRODUCT' AND u.status = 'SHIPPED'
				ORDER BY u.id
				""", Map.of("lot", lot.id()), String.class), random, n);
	}

	private List<String> shipped() {
		return this.jdbc.queryForList("""
				SELECT l.serial_number FROM gen_lot l JOIN gen_part p ON p.id = l.part_id
				WHERE p.kind = 'PRODUCT' AND l.status = 'SHIPPED'
				ORDER BY l.id
				""", Map.of(), String.class);
	}

	private static <T> List<T> pickSome(List<T> all, Random random, int n) {
		assertThat(all).as("candidates to sample").isNotEmpty();
		List<T> copy = new ArrayList<>(all);
		Collections.shuffle(copy, random);
		return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
	}

	private static <T> T pick(List<T> samples, int i) {
		return samples.get(i % samples.size());
	}

	@SafeVarargs
	private static <T> List<T> concat(List<T>... lists) {
		List<T> all = new ArrayList<>();
		for (List<T> list : lists) {
			all.addAll(list);
		}
		return all;
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Map.of(), Long.class);
	}

	private long deviceLot(String serial) {
		return this.jdbc.queryForObject("SELECT id FROM gen_lot WHERE serial_number = :s", Map.of("s", serial),
				Long.class);
	}

	private long lotId(String lotCode) {
		return this.jdbc.queryForObject("SELECT id FROM gen_lot WHERE lot_code = :c", Map.of("c", lotCode), Long.class);
	}

	// the façade's answers as sets

	private Set<String> traceCodes(String serial) {
		Set<String> codes = new TreeSet<>();
		for (TracedLot lot : this.genealogy.traceDevice(serial).lots()) {
			codes.add(lot.lotCode());
		}
		return codes;
	}

	private Set<String> whereUsedCodes(String lot) {
		Set<String> codes = new TreeSet<>();
		for (WhereUsedLot used : this.genealogy.whereUsed(lot, PartKind.PRODUCT)) {
			codes.add(used.lotCode());
		}
		return codes;
	}

	/** Each lot as {@code code failed/total}. */
	private Set<String> atRiskCounts(List<String> failed) {
		Set<String> lots = new TreeSet<>();
		for (AtRiskLot lot : this.genealogy.atRisk(failed)) {
			lots.add(lot.lotCode() + " " + lot.failedUnits() + "/" + lot.totalUnits());
		}
		return lots;
	}

	/**
	 * At-risk as the walking query ({@link GenealogyGraph#AT_RISK}, the façade's query
	 * before it read the kept unit ancestors) answers it; each lot as
	 * {@code code failed/total}.
	 */
	private Set<String> atRiskWalked(List<String> failed) {
		List<Long> units = failed.stream().map(serial -> this.queries.lotIdOfSerial(serial).orElseThrow()).toList();
		Set<String> lots = new TreeSet<>();
		for (GenealogyQueries.AtRiskCounts lot : this.queries.walkedAtRiskCounts(units, units.size() > 1 ? 2 : 1)) {
			lots.add(lot.lotCode() + " " + lot.failedUnits() + "/" + lot.totalUnits());
		}
		return lots;
	}

	// HTTP, as a script would call the API: stateless Basic authentication on each
	// request

	private int httpTrace(String serial) {
		JsonNode trace = readJson(get("/api/genealogy/serials/" + encode(serial) + "/trace"));
		return trace.get("lots").size();
	}

	/** Every device reached, as the streamed CSV (the façade's full where-used list). */
	private int httpWhereUsed(String lot) {
		String csv = get("/api/genealogy/lots/" + encode(lot) + "/where-used?kind=product&format=csv");
		return (int) csv.lines().count() - 1;
	}

	private int httpAtRisk(List<String> serials) {
		try {
			HttpResponse<String> response = this.http
				.send(request("/api/genealogy/at-risk").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(Map.of("serials", serials))))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return readJson(response.body()).get("lots").size();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String get(String path) {
		try {
			HttpResponse<String> response = this.http.send(request(path).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
			return response.body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", DemoLogin.basic(USER));
	}

	private JsonNode readJson(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	// timing

	private interface Query {

		int run(int sample);

	}

	private void time(String kind, String way, int samples, Query query) {
		time(kind, way, samples, WARMUP, query);
	}

	private void time(String kind, String way, int samples, int warmup, Query query) {
		boolean perNode = way.equals("per-node") || way.equals("SQL, walk");
		long budget = Long.getLong("bench.perNodeSeconds", 60) * 1_000_000_000L;
		for (int i = 0; i < Math.min(warmup, samples); i++) {
			query.run(i);
		}
		long[] nanos = new long[samples];
		int minSize = Integer.MAX_VALUE;
		int maxSize = 0;
		long sizes = 0;
		int n = 0;
		long start = System.nanoTime();
		for (; n < samples; n++) {
			if (perNode && n >= 3 && System.nanoTime() - start > budget) {
				break;
			}
			long t = System.nanoTime();
			int size = query.run(n);
			nanos[n] = System.nanoTime() - t;
			minSize = Math.min(minSize, size);
			maxSize = Math.max(maxSize, size);
			sizes += size;
		}
		long[] sorted = Arrays.copyOf(nanos, n);
		Arrays.sort(sorted);
		Row row = new Row(kind, way, n, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
				sorted[n - 1] / 1e6, minSize, maxSize, (double) sizes / n);
		this.rows.add(row);
		print("%s %-45s %-9s n=%4d  p50 %9.2f  p95 %9.2f  p99 %9.2f  max %9.2f ms   answer %d-%d (mean %.0f)",
				Instant.now().toString().substring(11, 19), kind, way, n, row.p50, row.p95, row.p99, row.max, minSize,
				maxSize, row.meanSize);
	}

	/**
	 * Nearest rank: the smallest sample with at least p % of the samples at or below it.
	 */
	private static double percentile(long[] sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

	private record Row(String kind, String way, int n, double p50, double p95, double p99, double max, int minSize,
			int maxSize, double meanSize) {
	}

	private void summary() {
		Map<String, Map<String, Row>> byKind = new LinkedHashMap<>();
		for (Row row : this.rows) {
			byKind.computeIfAbsent(row.kind, k -> new LinkedHashMap<>()).put(row.way, row);
		}
		print("| Query | Answer | SQL p50 / p95 / p99 / max | HTTP p50 / p99 | per-node p50 / p99 (n) | in-memory p50 / p99 | per-node / SQL (p50, p99) | SQL / in-memory (p50, p99) |");
		print("|---|---:|---:|---:|---:|---:|---:|---:|");
		for (Map.Entry<String, Map<String, Row>> kind : byKind.entrySet()) {
			Map<String, Row> ways = kind.getValue();
			Row sql = ways.get("SQL");
			Row httpRow = ways.get("HTTP");
			Row node = ways.get("per-node");
			Row memory = ways.get("in-memory");
			Row kept = ways.get("SQL, walk");
			if (sql == null) {
				print("| %s | | | %.2f / %.2f | | | | |", kind.getKey(), httpRow.p50, httpRow.p99);
				continue;
			}
			print("| %s | %d–%d | %.2f / %.2f / %.2f / %.2f | %.2f / %.2f | %.1f / %.1f (%d) | %.3f / %.3f | %.0f× / %.0f× | %.1f× / %.1f× |",
					kind.getKey(), sql.minSize, sql.maxSize, sql.p50, sql.p95, sql.p99, sql.max, httpRow.p50,
					httpRow.p99, node.p50, node.p99, node.n, memory.p50, memory.p99, node.p50 / sql.p50,
					node.p99 / sql.p99, sql.p50 / memory.p50, sql.p99 / memory.p99);
			if (kept != null) {
				print("| %s, by the walking query (before) | %d–%d | %.2f / %.2f / %.2f / %.2f | | | | %.0f× / %.0f× | %.1f× / %.1f× |",
						kind.getKey(), kept.minSize, kept.maxSize, kept.p50, kept.p95, kept.p99, kept.max,
						node.p50 / kept.p50, node.p99 / kept.p99, kept.p50 / memory.p50, kept.p99 / memory.p99);
			}
		}
	}

	private void explain(String what, String sql, Map<String, ?> params) {
		print("%nEXPLAIN (ANALYZE, BUFFERS) %s:", what);
		this.jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + sql, params, (ResultSet rs) -> {
			this.out.println(rs.getString(1));
		});
	}

	private void print(String format, Object... args) {
		String line = format.formatted(args);
		this.out.println(line);
		System.out.println(line);
	}

	private static String loadAverage() {
		return "%.2f".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/**
	 * The walks one query per lot, over one connection with prepared statements: what an
	 * ORM's lazy associations would send at the least (an ORM adds its entity mapping and
	 * usually a query per association, not one per lot). Each lot is visited once.
	 */
	private static final class PerNode {

		/** The inputs of a lot: unit-level, build-level (its build's), a repair's. */
		private final PreparedStatement inputs;

		/** The lots a lot went into, with their part and kind. */
		private final PreparedStatement uses;

		private final PreparedStatement bySerial;

		private final PreparedStatement byCode;

		PerNode(Connection connection) throws SQLException {
			this.inputs = connection.prepareStatement("""
					SELECT c.lot_id, l.lot_code, l.part_id
					FROM gen_consumption c JOIN gen_lot l ON l.id = c.lot_id
					WHERE c.produced_lot_id = ?
					UNION ALL
					SELECT c.lot_id, l.lot_code, l.part_id
					FROM gen_lot o
					JOIN gen_consumption c ON c.build_id = o.build_id AND c.produced_lot_id IS NULL
					JOIN gen_lot l ON l.id = c.lot_id
					WHERE o.id = ?
					UNION ALL
					SELECT r.installed_lot_id, l.lot_code, l.part_id
					FROM gen_repair r JOIN gen_lot l ON l.id = r.installed_lot_id
					WHERE r.device_lot_id = ?
					""");
			this.uses = connection.prepareStatement(
					"""
							SELECT c.produced_lot_id, l.lot_code, l.part_id, p.kind
							FROM gen_consumption c JOIN gen_lot l ON l.id = c.produced_lot_id JOIN gen_part p ON p.id = l.part_id
							WHERE c.lot_id = ? AND c.produced_lot_id IS NOT NULL
							UNION ALL
							SELECT o.id, o.lot_code, o.part_id, p.kind
							FROM gen_consumption c JOIN gen_lot o ON o.build_id = c.build_id JOIN gen_part p ON p.id = o.part_id
							WHERE c.lot_id = ? AND c.produced_lot_id IS NULL
							UNION ALL
							SELECT r.device_lot_id, l.lot_code, l.part_id, p.kind
							FROM gen_repair r JOIN gen_lot l ON l.id = r.device_lot_id JOIN gen_part p ON p.id = l.part_id
							WHERE r.installed_lot_id = ?
							""");
			this.bySerial = connection.prepareStatement("SELECT id, part_id FROM gen_lot WHERE serial_number = ?");
			this.byCode = connection.prepareStatement("SELECT id, part_id FROM gen_lot WHERE lot_code = ?");
		}

		long deviceId(String serial) {
			return single(this.bySerial, serial)[0];
		}

		long lotId(String code) {
			return single(this.byCode, code)[0];
		}

		private static long[] single(PreparedStatement statement, String value) {
			try {
				statement.setString(1, value);
				try (ResultSet rs = statement.executeQuery()) {
					assertThat(rs.next()).as(value).isTrue();
					return new long[] { rs.getLong(1), rs.getLong(2) };
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** Every lot upstream of the lot, id to lot code. */
		Map<Long, String> trace(long lot) {
			Map<Long, String> found = new HashMap<>();
			walk(lot, this.inputs, (id, rs) -> found.put(id, rs.getString(2)) == null);
			return found;
		}

		/** Every device downstream of the lot, id to lot code. */
		Map<Long, String> whereUsedProducts(long lot) {
			Map<Long, String> products = new HashMap<>();
			Set<Long> seen = new HashSet<>();
			walk(lot, this.uses, (id, rs) -> {
				if (!seen.add(id)) {
					return false;
				}
				if (PartKind.PRODUCT.name().equals(rs.getString(4))) {
					products.put(id, rs.getString(2));
				}
				return true;
			});
			return products;
		}

		/**
		 * The at-risk counts of {@code Genealogy.atRisk}: each lot upstream of at least
		 * two of the units (one when there is one unit), with how many units contain it
		 * and how many units of the units' parts it reaches (itself included). Keyed by
		 * lot id, valued {@code code failed/total}.
		 */
		Map<Long, String> atRisk(List<Long> units) {
			Map<Long, Integer> failed = new HashMap<>();
			Map<Long, String> codes = new HashMap<>();
			Map<Long, Long> parts = new HashMap<>();
			Set<Long> unitParts = new HashSet<>();
			for (long unit : units) {
				unitParts.add(partOf(unit));
				Set<Long> seen = new HashSet<>();
				walk(unit, this.inputs, (id, rs) -> {
					if (!seen.add(id)) {
						return false;
					}
					codes.put(id, rs.getString(2));
					parts.put(id, rs.getLong(3));
					failed.merge(id, 1, Integer::sum);
					return true;
				});
			}
			int minShared = units.size() > 1 ? 2 : 1;
			Map<Long, String> lots = new HashMap<>();
			failed.forEach((lot, n) -> {
				if (n >= minShared) {
					Set<Long> seen = new HashSet<>();
					long[] total = { unitParts.contains(parts.get(lot)) ? 1 : 0 };
					walk(lot, this.uses, (id, rs) -> {
						if (!seen.add(id)) {
							return false;
						}
						if (unitParts.contains(rs.getLong(3))) {
							total[0]++;
						}
						return true;
					});
					lots.put(lot, codes.get(lot) + " " + n + "/" + total[0]);
				}
			});
			return lots;
		}

		private long partOf(long lot) {
			try (PreparedStatement statement = this.inputs.getConnection()
				.prepareStatement("SELECT part_id FROM gen_lot WHERE id = ?")) {
				statement.setLong(1, lot);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					return rs.getLong(1);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private interface Visit {

			/** Whether the lot is new, to be walked on from. */
			boolean visit(long id, ResultSet row) throws SQLException;

		}

		/** Breadth first from the lot, one query per lot reached. */
		private static void walk(long start, PreparedStatement step, Visit visit) {
			ArrayDeque<Long> queue = new ArrayDeque<>();
			queue.add(start);
			try {
				while (!queue.isEmpty()) {
					long lot = queue.poll();
					step.setLong(1, lot);
					step.setLong(2, lot);
					step.setLong(3, lot);
					try (ResultSet rs = step.executeQuery()) {
						while (rs.next()) {
							long id = rs.getLong(1);
							if (visit.visit(id, rs)) {
								queue.add(id);
							}
						}
					}
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * The consumption graph in primitive arrays (compressed adjacency lists indexed by
	 * lot and build id), loaded once: what trace and where-used follow, repairs left out.
	 */
	static final class InMemoryGraph {

		private final int[] lotBuild;

		private final int[] lotPart;

		/** unit-level inputs by produced lot */
		private final int[] unitInStart;

		private final int[] unitIn;

		/** build-level inputs by build */
		private final int[] buildInStart;

		private final int[] buildIn;

		/** unit-level uses by consumed lot: the produced lots */
		private final int[] unitOutStart;

		private final int[] unitOut;

		/** build-level uses by consumed lot: the builds */
		private final int[] buildUseStart;

		private final int[] buildUse;

		/** the outputs of each build */
		private final int[] outputStart;

		private final int[] output;

		private final boolean[] product;

		private final int[] mark;

		private int stamp;

		private final int[] queue;

		private InMemoryGraph(int[] lotBuild, int[] lotPart, boolean[] product, IntPairs unit, IntPairs build,
				int builds) {
			int lots = lotBuild.length;
			this.lotBuild = lotBuild;
			this.lotPart = lotPart;
			this.product = product;
			this.unitInStart = new int[lots + 1];
			this.unitIn = unit.group(0, this.unitInStart);
			this.unitOutStart = new int[lots + 1];
			this.unitOut = unit.group(1, this.unitOutStart);
			this.buildInStart = new int[builds + 1];
			this.buildIn = build.group(0, this.buildInStart);
			this.buildUseStart = new int[lots + 1];
			this.buildUse = build.group(1, this.buildUseStart);
			IntPairs outputs = new IntPairs();
			for (int lot = 0; lot < lots; lot++) {
				if (lotBuild[lot] > 0) {
					outputs.add(lotBuild[lot], lot);
				}
			}
			this.outputStart = new int[builds + 1];
			this.output = outputs.group(0, this.outputStart);
			this.mark = new int[lots];
			this.queue = new int[lots];
		}

		static InMemoryGraph load(JdbcTemplate jdbc, PlatformTransactionManager transactions,
				java.util.function.BiConsumer<String, Object[]> print) {
			System.gc();
			long heapBefore = usedHeap();
			long t0 = System.nanoTime();
			int maxLot = Math.toIntExact(jdbc.queryForObject("SELECT COALESCE(max(id), 0) FROM gen_lot", Long.class));
			int maxBuild = Math
				.toIntExact(jdbc.queryForObject("SELECT COALESCE(max(id), 0) FROM gen_build", Long.class));
			int maxPart = Math.toIntExact(jdbc.queryForObject("SELECT COALESCE(max(id), 0) FROM gen_part", Long.class));
			int[] lotBuild = new int[maxLot + 1];
			int[] lotPart = new int[maxLot + 1];
			boolean[] productPart = new boolean[maxPart + 1];
			IntPairs unit = new IntPairs();
			IntPairs build = new IntPairs();
			TransactionTemplate tx = new TransactionTemplate(transactions);
			tx.setReadOnly(true);
			tx.executeWithoutResult(status -> {
				JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
				streaming.setFetchSize(10_000);
				streaming.query("SELECT id, kind FROM gen_part", (ResultSet rs) -> {
					productPart[rs.getInt(1)] = PartKind.PRODUCT.name().equals(rs.getString(2));
				});
				streaming.query("SELECT id, COALESCE(build_id, 0), part_id FROM gen_lot", (ResultSet rs) -> {
					int id = rs.getInt(1);
					lotBuild[id] = rs.getInt(2);
					lotPart[id] = rs.getInt(3);
				});
				streaming.query("SELECT lot_id, produced_lot_id, build_id FROM gen_consumption", (ResultSet rs) -> {
					long produced = rs.getLong(2);
					if (rs.wasNull()) {
						build.add(rs.getInt(3), rs.getInt(1));
					}
					else {
						unit.add((int) produced, rs.getInt(1));
					}
				});
			});
			boolean[] product = new boolean[maxLot + 1];
			for (int lot = 0; lot <= maxLot; lot++) {
				product[lot] = productPart[lotPart[lot]];
			}
			// pairs: unit (produced, consumed), build (build, consumed)
			InMemoryGraph graph = new InMemoryGraph(lotBuild, lotPart, product, unit, build, maxBuild + 1);
			long loadMs = (System.nanoTime() - t0) / 1_000_000;
			unit.release();
			build.release();
			System.gc();
			print.accept(
					"in-memory graph: %d lots, %d unit-level and %d build-level consumption rows, loaded in %d ms, %d MB of heap",
					new Object[] { maxLot, graph.unitIn.length, graph.buildIn.length, loadMs,
							(usedHeap() - heapBefore) >> 20 });
			return graph;
		}

		private static long usedHeap() {
			return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		}

		/** Every lot upstream of the lot. */
		Set<Long> up(long lot) {
			int n = walkUp((int) lot);
			Set<Long> found = new HashSet<>();
			for (int i = 1; i < n; i++) {
				found.add((long) this.queue[i]);
			}
			return found;
		}

		/** Every device downstream of the lot. */
		Set<Long> downProducts(long lot) {
			int n = walkDown((int) lot);
			Set<Long> found = new HashSet<>();
			for (int i = 1; i < n; i++) {
				if (this.product[this.queue[i]]) {
					found.add((long) this.queue[i]);
				}
			}
			return found;
		}

		/**
		 * The at-risk counts as the per-node walk gives them: lot id to
		 * {@code failed/total}.
		 */
		Map<Long, String> atRisk(List<Long> units) {
			Map<Integer, Integer> failed = new HashMap<>();
			Set<Integer> unitParts = new HashSet<>();
			for (long unit : units) {
				unitParts.add(this.lotPart[(int) unit]);
				int n = walkUp((int) unit);
				for (int i = 1; i < n; i++) {
					failed.merge(this.queue[i], 1, Integer::sum);
				}
			}
			int minShared = units.size() > 1 ? 2 : 1;
			Map<Long, String> lots = new HashMap<>();
			failed.forEach((lot, count) -> {
				if (count >= minShared) {
					int n = walkDown(lot);
					long total = 0;
					for (int i = 0; i < n; i++) {
						if (unitParts.contains(this.lotPart[this.queue[i]])) {
							total++;
						}
					}
					lots.put((long) lot, count + "/" + total);
				}
			});
			return lots;
		}

		/** Breadth first into {@code queue}, the start first; returns how many. */
		private int walkUp(int start) {
			int s = ++this.stamp;
			int head = 0;
			int tail = 0;
			this.queue[tail++] = start;
			this.mark[start] = s;
			while (head < tail) {
				int lot = this.queue[head++];
				for (int i = this.unitInStart[lot]; i < this.unitInStart[lot + 1]; i++) {
					tail = visit(this.unitIn[i], s, tail);
				}
				int build = this.lotBuild[lot];
				if (build > 0) {
					for (int i = this.buildInStart[build]; i < this.buildInStart[build + 1]; i++) {
						tail = visit(this.buildIn[i], s, tail);
					}
				}
			}
			return tail;
		}

		private int walkDown(int start) {
			int s = ++this.stamp;
			int head = 0;
			int tail = 0;
			this.queue[tail++] = start;
			this.mark[start] = s;
			while (head < tail) {
				int lot = this.queue[head++];
				for (int i = this.unitOutStart[lot]; i < this.unitOutStart[lot + 1]; i++) {
					tail = visit(this.unitOut[i], s, tail);
				}
				for (int i = this.buildUseStart[lot]; i < this.buildUseStart[lot + 1]; i++) {
					int build = this.buildUse[i];
					for (int j = this.outputStart[build]; j < this.outputStart[build + 1]; j++) {
						tail = visit(this.output[j], s, tail);
					}
				}
			}
			return tail;
		}

		private int visit(int lot, int s, int tail) {
			if (this.mark[lot] != s) {
				this.mark[lot] = s;
				this.queue[tail++] = lot;
			}
			return tail;
		}

	}

	/** A growable list of int pairs, grouped into compressed adjacency lists. */
	static final class IntPairs {

		private int[] a = new int[1024];

		private int[] b = new int[1024];

		private int size;

		void add(int x, int y) {
			if (this.size == this.a.length) {
				this.a = Arrays.copyOf(this.a, this.size * 2);
				this.b = Arrays.copyOf(this.b, this.size * 2);
			}
			this.a[this.size] = x;
			this.b[this.size++] = y;
		}

		/**
		 * Groups by the first ({@code key} 0) or second (1) of each pair: fills
		 * {@code start} (one more than the largest key) and returns the other values in
		 * key order.
		 */
		int[] group(int key, int[] start) {
			int[] keys = key == 0 ? this.a : this.b;
			int[] values = key == 0 ? this.b : this.a;
			int[] counts = new int[start.length];
			for (int i = 0; i < this.size; i++) {
				counts[keys[i]]++;
			}
			int sum = 0;
			for (int k = 0; k < start.length; k++) {
				start[k] = sum;
				sum += counts[k];
			}
			int[] next = Arrays.copyOf(start, start.length);
			int[] grouped = new int[this.size];
			for (int i = 0; i < this.size; i++) {
				grouped[next[keys[i]]++] = values[i];
			}
			return grouped;
		}

		void release() {
			this.a = new int[0];
			this.b = new int[0];
			this.size = 0;
		}

	}

}
