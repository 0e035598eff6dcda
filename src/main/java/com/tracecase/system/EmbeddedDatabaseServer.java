package com.tracecase.system;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from binaries on the classpath, so that Tracecase needs no
 * installed database.
 * <p>
 * A durable server keeps {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on, because its data directory holds a user's data. Before
 * starting it clears what a previous run killed hard may have left behind: an orphaned
 * postmaster still serving the data directory, or a stale {@code postmaster.pid}.
 */
public final class EmbeddedDatabaseServer implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

	private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabaseServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts a server on the given data directory, creating the cluster on first use.
	 * @param dataDirectory the cluster directory, must not be {@literal null}
	 * @param port the port, {@code 0} for any free one
	 * @param durable whether commits must survive a power loss
	 * @param stopOnJvmExit whether a JVM shutdown hook stops the server; an application
	 * context that closes the server itself must not ask for it, or the hook stops the
	 * database while the context still uses it
	 * @return the running server, never {@literal null}
	 * @throws IOException when the server cannot be started
	 */
	public static EmbeddedDatabaseServer start(Path dataDirectory, int port, boolean durable, boolean stopOnJvmExit)
			throws IOException {
		Path directory = dataDirectory.toAbsolutePath();
		Files.createDirectories(directory);
		stopOrphanedServer(directory);
		String onOff = durable ? "on" : "off";
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setRegisterShutdownHook(stopOnJvmExit)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("fsync", onOff)
			.setServerConfig("synchronous_commit", onOff)
			.setServerConfig("full_page_writes", onOff)
			.setServerConfig("max_connections", "200")
			.start();
		log.info("Embedded PostgreSQL serving {} on port {} (durable: {})", directory, postgres.getPort(), durable);
		return new EmbeddedDatabaseServer(postgres);
	}

	/**
	 * The JDBC URL of a database on this server.
	 * @param database the database name, must not be {@literal null}
	 * @return the URL, never {@literal null}
	 */
	public String jdbcUrl(String database) {
		return postgres.getJdbcUrl("postgres", database);
	}

	public int port() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

	/**
	 * A JVM killed with {@code kill -9} leaves its postmaster running (pg_ctl detaches
	 * it) and the next start would fail with "another server might be running". Stop such
	 * an orphan; remove a pid file whose process is gone.
	 */
	static void stopOrphanedServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		Optional<Long> pid = readPid(pidFile);
		if (pid.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(EmbeddedDatabaseServer::isPostgres);
		if (process.isPresent()) {
			log.warn("Stopping orphaned PostgreSQL (pid {}) left on {} by an earlier run", pid.get(), dataDirectory);
			// SIGTERM is PostgreSQL's "smart" shutdown; the clients of the dead JVM are
			// gone already
			process.get().destroy();
			try {
				process.get().onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				process.get().destroyForcibly();
			}
		}
		Files.deleteIfExists(pidFile);
	}

	private static Optional<Long> readPid(Path pidFile) throws IOException {
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		try {
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
	}

}
