package com.tracecase.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged Tracecase jar run as a separate {@code java -jar} process on 127.0.0.1,
 * with its own HTTP port, data directory and log file. Closing it stops it, and the
 * embedded PostgreSQL it may have left behind when it was killed.
 */
final class JarProcess implements AutoCloseable {

	static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final String name;

	private final Path directory;

	private final int port;

	private final Map<String, String> environment;

	private final List<String> arguments;

	private Process process;

	private Records records;

	private int starts;

	private JarProcess(String name, Path directory, int port, Map<String, String> environment, List<String> arguments) {
		this.name = name;
		this.directory = directory;
		this.port = port;
		this.environment = environment;
		this.arguments = arguments;
	}

	/**
	 * A node that starts its own embedded PostgreSQL in its data directory.
	 */
	static JarProcess withEmbeddedDatabase(String name, Path directory, String... arguments) {
		Map<String, String> environment = new LinkedHashMap<>();
		int databasePort = freePort();
		environment.put("TRACECASE_EMBEDDED_DB_PORT", String.valueOf(databasePort));
		environment.put("TRACECASE_EMBEDDED_DB_PASSWORD", FaultDatabase.PASSWORD);
		JarProcess node = create(name, directory, environment, arguments);
		node.records = new Records("jdbc:postgresql://127.0.0.1:" + databasePort + "/tracecase");
		return node;
	}

	/**
	 * A node on a PostgreSQL server the test runs.
	 */
	static JarProcess onDatabase(String name, Path directory, FaultDatabase database, String... arguments) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("TRACECASE_DB_URL", database.url());
		environment.put("TRACECASE_DB_USER", FaultDatabase.USER);
		environment.put("TRACECASE_DB_PASSWORD", FaultDatabase.PASSWORD);
		JarProcess node = create(name, directory, environment, arguments);
		node.records = new Records(database.url());
		return node;
	}

	private static JarProcess create(String name, Path directory, Map<String, String> environment,
			String... arguments) {
		int port = freePort();
		environment.put("PORT", String.valueOf(port));
		environment.put("TRACECASE_DATA_DIR", directory.resolve("data").toString());
		environment.put("TRACECASE_BASE_URL", "http://127.0.0.1:" + port);
		environment.put("TRACECASE_DEMO_DATA", "false");
		List<String> args = new ArrayList<>(List.of("--tracecase.demo.data=false", "--server.address=127.0.0.1"));
		args.addAll(List.of(arguments));
		return new JarProcess(name, directory, port, environment, args);
	}

	static Path jar() {
		String jar = System.getProperty("tracecase.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("The packaged jar is missing (" + jar + "): run ./mvnw verify");
		}
		return Path.of(jar);
	}

	static Path directory(String name) throws IOException {
		Path root = Path.of(System.getProperty("tracecase.faults.directory", "target/faults"));
		Path directory = root.resolve(name).toAbsolutePath();
		if (Files.exists(directory)) {
			try (var paths = Files.walk(directory)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
		Files.createDirectories(directory);
		return directory;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port", ex);
		}
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	/** What the node's database holds. */
	Records records() {
		return records;
	}

	String name() {
		return name;
	}

	/**
	 * Starts the jar and waits until it answers {@code /actuator/health} with UP.
	 * @return the time it took to start
	 */
	Duration start() throws IOException, InterruptedException {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException(name + " runs already");
		}
		starts++;
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx640m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
		builder.environment().keySet().removeIf(key -> key.startsWith("TRACECASE_") || key.equals("PORT"));
		builder.environment().putAll(environment);
		long started = System.nanoTime();
		process = builder.start();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = started + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
						+ log() + ":\n" + tail());
			}
			try {
				HttpResponse<String> health = client
					.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return Duration.ofNanos(System.nanoTime() - started);
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " did not start within " + START_TIMEOUT + "; see " + log());
	}

	/** {@code kill -9}: no shutdown hook runs, nothing is flushed. */
	void kill() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	/** A regular stop (SIGTERM), forcibly after 60 s. */
	void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	@Override
	public void close() throws InterruptedException, IOException {
		stop();
		stopLeftoverPostgres();
	}

	/** The embedded PostgreSQL of a killed node keeps running until the next start. */
	private void stopLeftoverPostgres() throws IOException, InterruptedException {
		Path pidFile = directory.resolve("data/postgres/postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> postgres = ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
		if (postgres.isPresent() && postgres.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
			postgres.get().destroy();
			try {
				postgres.get().onExit().get(30, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				postgres.get().destroyForcibly();
			}
		}
	}

	Path log() {
		return directory.resolve(name + ".log");
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
