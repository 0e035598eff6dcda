package com.tracecase.system;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 * <p>
 * The superuser {@code postgres} needs a password, also on connections from this host: a
 * configured one, or one generated on first start and kept in the data directory
 * ({@value #PASSWORD_FILE}, readable by its owner only). A cluster created by an earlier
 * version, which trusted every local connection, gets its password on its next start.
 */
public final class EmbeddedDatabaseServer implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

	private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);

	/** The generated superuser password, in the data directory. */
	public static final String PASSWORD_FILE = "tracecase-superuser-password";

	private static final String SUPERUSER = "postgres";

	private static final Pattern TRUST = Pattern.compile("\\btrust\\b");

	private final EmbeddedPostgres postgres;

	private final String password;

	private EmbeddedDatabaseServer(EmbeddedPostgres postgres, String password) {
		this.postgres = postgres;
		this.password = password;
	}

	/**
	 * Starts a server with a generated superuser password (see
	 * {@link #start(Path, int, boolean, boolean, String)}).
	 * @param dataDirectory the cluster directory, must not be {@literal null}
	 * @param port the port, {@code 0} for any free one
	 * @param durable whether commits must survive a power loss
	 * @param stopOnJvmExit whether a JVM shutdown hook stops the server
	 * @return the running server, never {@literal null}
	 * @throws IOException when the server cannot be started
	 */
	public static EmbeddedDatabaseServer start(Path dataDirectory, int port, boolean durable, boolean stopOnJvmExit)
			throws IOException {
		return start(dataDirectory, port, durable, stopOnJvmExit, null);
	}

	/**
	 * Starts a server on the given data directory, creating the cluster on first use.
	 * @param dataDirectory the cluster directory, must not be {@literal null}
	 * @param port the port, {@code 0} for any free one
	 * @param durable whether commits must survive a power loss
	 * @param stopOnJvmExit whether a JVM shutdown hook stops the server; an application
	 * context that closes the server itself must not ask for it, or the hook stops the
	 * database while the context still uses it
	 * @param configuredPassword the superuser's password; {@literal null} or blank for
	 * one generated on first start and kept in the data directory
	 * @return the running server, never {@literal null}
	 * @throws IOException when the server cannot be started
	 */
	public static EmbeddedDatabaseServer start(Path dataDirectory, int port, boolean durable, boolean stopOnJvmExit,
			String configuredPassword) throws IOException {
		Path directory = dataDirectory.toAbsolutePath();
		Files.createDirectories(directory);
		stopOrphanedServer(directory);
		boolean configured = configuredPassword != null && !configuredPassword.isBlank();
		Path passwordFile = directory.resolve(PASSWORD_FILE);
		String password = configured ? configuredPassword : Files.exists(passwordFile)
				? Files.readString(passwordFile, StandardCharsets.UTF_8).strip() : generatedPassword();
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
			.setConnectConfig("password", password)
			.start();
		try {
			// written down before the cluster asks for it, so a run killed in between
			// loses
			// nothing
			if (!configured && !Files.exists(passwordFile)) {
				writeOwnerOnly(passwordFile, password);
			}
			requirePassword(postgres, directory, password);
		}
		catch (IOException | SQLException | RuntimeException ex) {
			postgres.close();
			throw new IOException("Cannot give the embedded PostgreSQL's superuser its password", ex);
		}
		log.info("Embedded PostgreSQL serving {} on port {} (durable: {})", directory, postgres.getPort(), durable);
		return new EmbeddedDatabaseServer(postgres, password);
	}

	/**
	 * A new cluster trusts every local connection (initdb's {@code -A trust}): set the
	 * superuser's password, then ask for it on every connection.
	 */
	private static void requirePassword(EmbeddedPostgres postgres, Path directory, String password)
			throws IOException, SQLException {
		Path hba = directory.resolve("pg_hba.conf");
		List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
		boolean trusting = lines.stream().anyMatch(line -> !line.strip().startsWith("#") && TRUST.matcher(line).find());
		if (!trusting) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl(SUPERUSER, "postgres"), SUPERUSER,
				password); Statement statement = connection.createStatement()) {
			statement.execute("SET password_encryption = 'scram-sha-256'");
			statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password.replace("'", "''") + "'");
			String required = lines.stream()
				.map(line -> line.strip().startsWith("#") ? line : TRUST.matcher(line).replaceAll("scram-sha-256"))
				.collect(Collectors.joining("\n", "", "\n"));
			Files.writeString(hba, required, StandardCharsets.UTF_8);
			statement.execute("SELECT pg_reload_conf()");
		}
		log.info("The embedded PostgreSQL's superuser now needs its password");
	}

	private static String generatedPassword() {
		SecureRandom random = new SecureRandom();
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 32; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

	private static void writeOwnerOnly(Path file, String content) throws IOException {
		Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(file,
					EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): the directory's own access rules apply
		}
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

	/**
	 * @return the password of the superuser {@code postgres}, never {@literal null}
	 */
	public String password() {
		return password;
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
