import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intake benchmark against a running Tracecase (see bench/README.md; bench/run-intake.sh starts the app and runs this).
 * In one run on the same engine and database it measures
 * <ol>
 * <li>failure reports posted to {@code POST /api/failure-reports} until every case waits at
 * {@code Task_ReviewInvestigation}, with 1 and with 8 clients;</li>
 * <li>the same with a bare Camunda process of the same shape ({@code bench/bare-intake.bpmn}, no-op service tasks),
 * started through the engine REST API;</li>
 * <li>Tracecase intake again after {@code --earlier} cases in all, for the cost of history.</li>
 * </ol>
 * Only the JDK: JSON is written by hand and the few numbers read back are taken with regular expressions.
 */
public class IntakeBenchmark {

	static final String TRACECASE_PROCESS = "FailureCaseProcess";

	static final String BARE_PROCESS = "BareIntakeProcess";

	static final String REVIEW_TASK = "Task_ReviewInvestigation";

	static final List<String> INTAKE_ACTIVITIES = List.of("Task_TraceDevice", "Task_OpenInvestigation", "Task_NotifyQc",
			"Task_InformProduction", "Task_AcknowledgeCustomer", "Task_CheckInventory");

	static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	/** where the queries go: the first node */
	final String baseUrl;

	/** the nodes; client c sends its requests to node c modulo their number */
	final List<String> nodeUrls;

	final int reports;

	final int warmup;

	final int earlier;

	final int devices;

	final int[] clientCounts;

	final Path bpmn;

	final Path out;

	final String label;

	final long timeoutMillis;

	/** false: only the bare process, to compare engine settings quickly */
	final boolean tracecase;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	/** next report number, over the whole run, so every report gets its own key and (if there are enough) serial */
	final AtomicInteger sequence = new AtomicInteger();

	final long runId = System.currentTimeMillis();

	final List<Result> results = new ArrayList<>();

	IntakeBenchmark(Map<String, String> options) {
		this.nodeUrls = List.of(options.getOrDefault("url", "http://localhost:18080").split(","));
		this.baseUrl = nodeUrls.get(0);
		this.reports = Integer.parseInt(options.getOrDefault("reports", "200"));
		this.warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
		this.earlier = Integer.parseInt(options.getOrDefault("earlier", "500"));
		this.devices = Integer.parseInt(options.getOrDefault("devices", "3000"));
		this.clientCounts = Arrays.stream(options.getOrDefault("clients", "1,8").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		this.bpmn = Path.of(options.getOrDefault("bpmn", "bench/bare-intake.bpmn"));
		this.out = options.containsKey("out") ? Path.of(options.get("out")) : null;
		this.label = options.getOrDefault("label", "");
		this.timeoutMillis = Long.parseLong(options.getOrDefault("timeout-seconds", "3600")) * 1000;
		this.tracecase = Boolean.parseBoolean(options.getOrDefault("tracecase", "true"));
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				System.err.println("""
						Usage: java bench/IntakeBenchmark.java [--url=http://localhost:18080[,http://node2...]] [--reports=200]
						         [--clients=1,8] [--warmup=20] [--earlier=500] [--devices=3000]
						         [--bpmn=bench/bare-intake.bpmn] [--out=results.md] [--label=text] [--timeout-seconds=3600]""");
				System.exit(2);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		new IntakeBenchmark(options).run();
	}

	void run() throws Exception {
		deployBare();
		int maxClients = Arrays.stream(clientCounts).max().orElse(1);

		// JIT and connection pools warm on both processes; these cases count as earlier cases
		if (tracecase) {
			phase("warm-up Tracecase", TRACECASE_PROCESS, maxClients, warmup, this::postReport, false);
		}
		phase("warm-up bare", BARE_PROCESS, maxClients, warmup, this::startBare, false);

		// most clients first: that Tracecase phase is the one on an (almost) empty case table
		int[] descending = Arrays.stream(clientCounts).boxed().sorted((a, b) -> b - a).mapToInt(i -> i).toArray();
		for (int clients : descending) {
			if (tracecase) {
				phase("Tracecase", TRACECASE_PROCESS, clients, reports, this::postReport, true);
			}
			phase("bare Camunda", BARE_PROCESS, clients, reports, this::startBare, true);
		}
		if (!tracecase) {
			printReport(maxClients);
			return;
		}
		int filed = caseCount();
		if (earlier > filed) {
			phase("fill to " + earlier + " earlier cases", TRACECASE_PROCESS, maxClients, earlier - filed,
					this::postReport, true);
		}
		phase("Tracecase after history", TRACECASE_PROCESS, maxClients, reports, this::postReport, true);
		printReport(maxClients);
	}

	void printReport(int maxClients) throws IOException {
		String report = report(maxClients);
		System.out.println();
		System.out.println(report);
		if (out != null) {
			Files.writeString(out, report, StandardCharsets.UTF_8);
		}
	}

	// ---- phases

	record Result(String name, String process, int clients, int count, int earlierCases, long requestMillis,
			long endToEndMillis, long[] latenciesMicros, int errors, double loadStart, double loadMax, double loadEnd,
			Map<String, double[]> activityMillis) {

		double rate() {
			return count * 1000.0 / endToEndMillis;
		}

		double percentileMillis(double p) {
			if (latenciesMicros.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
			return latenciesMicros[Math.max(0, Math.min(index, latenciesMicros.length - 1))] / 1000.0;
		}

	}

	/** One request to one node: the latency in microseconds, or -1 when it failed. */
	interface Request {

		long send(String nodeUrl, int n);

	}

	Result phase(String name, String process, int clients, int count, Request request, boolean keep)
			throws Exception {
		if (count <= 0) {
			return null;
		}
		int earlierCases = caseCount();
		int waitingBefore = waitingAtReview(process);
		LoadSampler load = new LoadSampler();
		load.start();
		String startedAfter = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1).atOffset(ZoneOffset.UTC).format(CAMUNDA_DATE);
		System.out.printf(Locale.ROOT, "%s: %d with %d client(s), %d earlier cases ...%n", name, count, clients,
				earlierCases);

		AtomicInteger next = new AtomicInteger();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger errors = new AtomicInteger();
		AtomicLong lastError = new AtomicLong();
		CountDownLatch done = new CountDownLatch(clients);
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			String nodeUrl = nodeUrls.get(c % nodeUrls.size());
			Thread client = new Thread(() -> {
				try {
					while (next.getAndIncrement() < count) {
						long micros = request.send(nodeUrl, sequence.incrementAndGet());
						if (micros < 0) {
							errors.incrementAndGet();
							lastError.set(System.nanoTime());
						}
						else {
							latencies.add(micros);
						}
					}
				}
				finally {
					done.countDown();
				}
			});
			client.setDaemon(true);
			client.start();
		}
		done.await();
		long requestMillis = (System.nanoTime() - started) / 1_000_000;

		int expected = waitingBefore + latencies.size();
		long deadline = System.currentTimeMillis() + timeoutMillis;
		int waiting = waitingAtReview(process);
		while (waiting < expected && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
			waiting = waitingAtReview(process);
		}
		long endToEndMillis = (System.nanoTime() - started) / 1_000_000;
		load.stopSampling();
		if (waiting < expected) {
			System.out.printf("  TIMEOUT: %d of %d reached %s%n", waiting - waitingBefore, latencies.size(),
					REVIEW_TASK);
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		Map<String, double[]> activities = activityMillis(process, startedAfter);
		Result result = new Result(name, process, clients, sorted.length, earlierCases, requestMillis, endToEndMillis,
				sorted, errors.get(), load.first, load.max, load.last, activities);
		System.out.printf(Locale.ROOT,
				"  %.1f/s end to end (%d ms; requests done after %d ms), request p50 %.0f p95 %.0f p99 %.0f ms, "
						+ "%d errors, load %.1f-%.1f%n",
				result.rate(), endToEndMillis, requestMillis, result.percentileMillis(50), result.percentileMillis(95),
				result.percentileMillis(99), result.errors(), load.first, load.max);
		if (keep) {
			results.add(result);
		}
		return result;
	}

	/** 1-minute load average, sampled every second while a phase runs. */
	static class LoadSampler extends Thread {

		volatile double first = Double.NaN;

		volatile double max;

		volatile double last;

		volatile boolean running = true;

		LoadSampler() {
			setDaemon(true);
		}

		@Override
		public void run() {
			while (running) {
				double now = loadAverage();
				if (Double.isNaN(first)) {
					first = now;
				}
				max = Math.max(max, now);
				last = now;
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		void stopSampling() {
			running = false;
			interrupt();
		}

		static double loadAverage() {
			try {
				return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
			}
			catch (IOException | RuntimeException ex) {
				return Double.NaN;
			}
		}

	}

	// ---- requests

	/** @return the request's latency in microseconds, or -1 when it did not answer 201 */
	long postReport(String nodeUrl, int n) {
		String serial = "HX2-%06d".formatted(serialNumber(n));
		String body = """
				{"serialNumber":"%s","customer":{"name":"Bench Customer %d","email":"bench%d@example.com","phone":"+1 555 0100"},\
				"symptomCategory":"NO_POWER","description":"Benchmark report %d: dead after charging",\
				"purchaseDate":"2026-01-15","channel":"PHONE"}"""
			.formatted(serial, n, n, n);
		HttpRequest request = HttpRequest.newBuilder(URI.create(nodeUrl + "/api/failure-reports"))
			.header("Authorization", basic("cs.agent"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "bench-" + runId + "-" + n)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return timed(request, 201);
	}

	/** Starts the bare process with the variables the case process starts with. */
	long startBare(String nodeUrl, int n) {
		String key = "BARE-" + runId + "-" + n;
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("caseNumber", key);
		variables.put("serialNumber", "HX2-%06d".formatted(serialNumber(n)));
		variables.put("customerName", "Bench Customer " + n);
		variables.put("customerEmail", "bench" + n + "@example.com");
		variables.put("customerPhone", "+1 555 0100");
		variables.put("customerTier", "STANDARD");
		variables.put("symptomCategory", "NO_POWER");
		variables.put("description", "Benchmark report " + n + ": dead after charging");
		variables.put("purchaseDate", "2026-01-15");
		variables.put("channel", "PHONE");
		variables.put("reportedBy", "cs.agent");
		StringBuilder json = new StringBuilder("{\"businessKey\":\"").append(key).append("\",\"variables\":{");
		variables.forEach((name, value) -> json.append('"')
			.append(name)
			.append("\":{\"value\":\"")
			.append(value)
			.append("\",\"type\":\"String\"},"));
		json.setLength(json.length() - 1);
		json.append("}}");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(nodeUrl + "/engine-rest/process-definition/key/" + BARE_PROCESS + "/start"))
			.header("Authorization", basic("admin"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.toString()))
			.build();
		return timed(request, 200);
	}

	/** Spreads the reports over the devices: a stride that is prime to the device count visits each once. */
	int serialNumber(int n) {
		long stride = 7919;
		while (devices % stride == 0) {
			stride += 2;
		}
		return (int) ((n * stride) % devices) + 1;
	}

	long timed(HttpRequest request, int expectedStatus) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			long micros = (System.nanoTime() - started) / 1000;
			if (response.statusCode() != expectedStatus) {
				System.out.printf("  %s answered %d: %s%n", request.uri(), response.statusCode(),
						response.body().length() > 500 ? response.body().substring(0, 500) : response.body());
				return -1;
			}
			return micros;
		}
		catch (IOException ex) {
			System.out.println("  " + request.uri() + ": " + ex);
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	// ---- engine queries

	void deployBare() throws IOException, InterruptedException {
		String boundary = "----bench" + runId;
		byte[] model = Files.readAllBytes(bpmn);
		StringBuilder head = new StringBuilder();
		head.append("--").append(boundary).append("\r\n");
		head.append("Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-bare-intake\r\n");
		head.append("--").append(boundary).append("\r\n");
		head.append("Content-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n");
		head.append("--").append(boundary).append("\r\n");
		head.append("Content-Disposition: form-data; name=\"data\"; filename=\"bare-intake.bpmn\"\r\n");
		head.append("Content-Type: application/octet-stream\r\n\r\n");
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[headBytes.length + model.length + tail.length];
		System.arraycopy(headBytes, 0, body, 0, headBytes.length);
		System.arraycopy(model, 0, body, headBytes.length, model.length);
		System.arraycopy(tail, 0, body, headBytes.length + model.length, tail.length);
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create"))
			.header("Authorization", basic("admin"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Deploying " + bpmn + " answered " + response.statusCode() + ": "
					+ response.body());
		}
	}

	int waitingAtReview(String process) {
		return count("/engine-rest/task/count?taskDefinitionKey=" + REVIEW_TASK + "&processDefinitionKey=" + process);
	}

	/** Every case process ever started counts as an earlier case (the case table grows with them). */
	int caseCount() {
		return count("/engine-rest/history/process-instance/count?processDefinitionKey=" + TRACECASE_PROCESS);
	}

	int count(String path) {
		String body = get(path);
		Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(body);
		if (!m.find()) {
			throw new IllegalStateException(path + " answered " + body);
		}
		return Integer.parseInt(m.group(1));
	}

	String get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", basic("admin"))
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Mean and p95 duration of each intake service task in this phase, from the engine's history (the time inside the
	 * job, not the wait for it).
	 */
	Map<String, double[]> activityMillis(String process, String startedAfter) {
		Map<String, List<Long>> durations = new TreeMap<>();
		Pattern item = Pattern.compile("\"activityId\"\\s*:\\s*\"([^\"]+)\".*?\"durationInMillis\"\\s*:\\s*(\\d+|null)");
		for (String activity : INTAKE_ACTIVITIES) {
			String body = get("/engine-rest/history/activity-instance?processDefinitionKey=" + process + "&activityId="
					+ activity + "&finished=true&startedAfter="
					+ URLEncoder.encode(startedAfter, StandardCharsets.UTF_8));
			Matcher m = item.matcher(body);
			while (m.find()) {
				if (!m.group(2).equals("null")) {
					durations.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Long.parseLong(m.group(2)));
				}
			}
		}
		Map<String, double[]> stats = new LinkedHashMap<>();
		for (String activity : INTAKE_ACTIVITIES) {
			List<Long> values = durations.getOrDefault(activity, List.of());
			if (values.isEmpty()) {
				continue;
			}
			long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
			double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
			long p95 = sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)];
			stats.put(activity, new double[] { mean, p95 });
		}
		return stats;
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

	// ---- report

	String report(int maxClients) {
		StringBuilder text = new StringBuilder();
		text.append(label.isEmpty() ? "" : label + "\n\n");
		text.append(String.format(Locale.ROOT,
				"Reports per phase: %d; warm-up %d; earlier cases before the last phase: %s; devices reported on: %d%n%n",
				reports, warmup, results.isEmpty() ? "-" : results.get(results.size() - 1).earlierCases(), devices));
		text.append(
				"| Phase | Clients | Earlier cases | Count | End to end | Requests done | Rate, end to end | Request p50 / p95 / p99 | Errors | Load avg (start–max) |\n");
		text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Result r : results) {
			text.append(String.format(Locale.ROOT,
					"| %s | %d | %,d | %,d | %,d ms | %,d ms | **%.1f/s** | %.0f / %.0f / %.0f ms | %d | %.1f–%.1f |%n",
					r.name(), r.clients(), r.earlierCases(), r.count(), r.endToEndMillis(), r.requestMillis(), r.rate(),
					r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99), r.errors(), r.loadStart(),
					r.loadMax()));
		}
		text.append("\n");
		for (int clients : clientCounts) {
			Result tracecase = find("Tracecase", clients);
			Result bare = find("bare Camunda", clients);
			if (tracecase != null && bare != null) {
				text.append(String.format(Locale.ROOT, "Tracecase / bare Camunda, %d client(s): **%.3f**%n", clients,
						tracecase.rate() / bare.rate()));
			}
		}
		Result empty = find("Tracecase", maxClients);
		Result after = find("Tracecase after history", maxClients);
		if (empty != null && after != null) {
			text.append(String.format(Locale.ROOT,
					"After %,d earlier cases / after %,d (%d clients): **%.3f**%n", after.earlierCases(),
					empty.earlierCases(), maxClients, after.rate() / empty.rate()));
		}
		text.append("\nTime inside each intake service task (engine history; mean / p95 ms):\n\n");
		text.append("| Phase | Clients |");
		INTAKE_ACTIVITIES.forEach(a -> text.append(' ').append(a.substring("Task_".length())).append(" |"));
		text.append("\n|---|---:|");
		INTAKE_ACTIVITIES.forEach(a -> text.append("---:|"));
		text.append('\n');
		for (Result r : results) {
			text.append("| ").append(r.name()).append(" | ").append(r.clients()).append(" |");
			for (String activity : INTAKE_ACTIVITIES) {
				double[] s = r.activityMillis().get(activity);
				text.append(s == null ? " – |" : String.format(Locale.ROOT, " %.1f / %.0f |", s[0], s[1]));
			}
			text.append('\n');
		}
		return text.toString();
	}

	Result find(String name, int clients) {
		return results.stream()
			.filter(r -> r.name().equals(name) && r.clients() == clients)
			.findFirst()
			.orElse(null);
	}

}
