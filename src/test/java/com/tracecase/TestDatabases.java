package com.tracecase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tracecase.system.EmbeddedDatabaseServer;

/**
 * Databases for tests: one PostgreSQL server per test JVM (embedded, or the server in
 * {@code TEST_DB_URL}), and a fresh database on it for every Spring test context, so
 * contexts never see each other's data or jobs.
 */
public final class TestDatabases {

	private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

	private static final AtomicInteger counter = new AtomicInteger();

	private static Server server;

	private TestDatabases() {
	}

	/**
	 * Creates an empty database.
	 * @return its connection settings, never {@literal null}
	 */
	public static synchronized Database createDatabase() {
		Server s = server();
		String name = "tracecase_test_%d_%s".formatted(counter.incrementAndGet(),
				UUID.randomUUID().toString().substring(0, 8));
		try (Connection connection = DriverManager.getConnection(s.url("postgres"), s.user(), s.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create test database " + name, ex);
		}
		return new Database(s.url(name), s.user(), s.password());
	}

	private static Server server() {
		if (server == null) {
			String external = System.getenv("TEST_DB_URL");
			server = (external != null && !external.isBlank()) ? external(external) : embedded();
		}
		return server;
	}

	private static Server external(String url) {
		Matcher matcher = JDBC_URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalStateException("TEST_DB_URL must look like jdbc:postgresql://host:port/database");
		}
		String user = System.getenv().getOrDefault("TEST_DB_USER", "postgres");
		String password = System.getenv().getOrDefault("TEST_DB_PASSWORD", "");
		return new Server(database -> matcher.group(1) + database + matcher.group(3), user, password);
	}

	private static Server embedded() {
		try {
			Path directory = Path.of("target", "test-postgres", UUID.randomUUID().toString());
			EmbeddedDatabaseServer embedded = EmbeddedDatabaseServer.start(directory, 0, false, true);
			return new Server(embedded::jdbcUrl, "postgres", embedded.password());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start the embedded PostgreSQL for tests", ex);
		}
	}

	/** Connection settings of one test database. */
	public record Database(String url, String user, String password) {
	}

	private record Server(java.util.function.Function<String, String> urls, String user, String password) {

		String url(String database) {
			return urls.apply(database);
		}

	}

}
