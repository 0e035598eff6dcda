package com.tracecase.genealogy.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.LoggerFactory;

/**
 * For the benchmark only: the plans of the import's statements, as PostgreSQL's
 * {@code auto_explain} logs them ({@code ANALYZE}, {@code BUFFERS}, text format). The
 * import runs on a pooled connection of its own, so the settings are made for the test
 * database ({@code ALTER DATABASE ... SET}) and the pool is emptied, so that the import's
 * connection is a new session that loads the module. The embedded test server writes its
 * log to its standard error, which the embedded server's library logs line by line under
 * the logger of {@link EmbeddedPostgres}; the lines are read from there.
 * <p>
 * Needs the embedded test server (with {@code TEST_DB_URL} the log is the other server's)
 * and a superuser, which the embedded server's {@code postgres} is.
 */
final class ImportPlans {

	private static final List<String> SETTINGS = List.of("session_preload_libraries = 'auto_explain'",
			"auto_explain.log_min_duration = 0", "auto_explain.log_analyze = on", "auto_explain.log_buffers = on",
			"auto_explain.log_nested_statements = on", "auto_explain.log_format = text");

	/** Logged after the import, so that every line before it has been read. */
	private static final String MARKER = "genealogy benchmark: import finished";

	private static final Duration LOG_WAIT = Duration.ofSeconds(30);

	private final DataSource dataSource;

	private final String database;

	private final Logger serverLog = (Logger) LoggerFactory.getLogger(EmbeddedPostgres.class);

	private final List<String> lines = new ArrayList<>();

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			synchronized (lines) {
				lines.add(event.getFormattedMessage());
			}
		}

	};

	private Level level;

	private boolean additive;

	private ImportPlans(DataSource dataSource, String database) {
		this.dataSource = dataSource;
		this.database = database;
	}

	/**
	 * Switches {@code auto_explain} on for new sessions of the test database and starts
	 * reading the server log.
	 */
	static ImportPlans start(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			ResultSet rs = statement.executeQuery(
					"SELECT quote_ident(current_database()), rolsuper FROM pg_roles WHERE rolname = current_user");
			rs.next();
			if (!rs.getBoolean(2)) {
				throw new IllegalStateException(
						"-Dbench.explain needs a superuser for auto_explain (the embedded test server's postgres)");
			}
			ImportPlans plans = new ImportPlans(dataSource, rs.getString(1));
			// known in this session, so the settings below are checked
			statement.execute("LOAD 'auto_explain'");
			for (String setting : SETTINGS) {
				statement.execute("ALTER DATABASE " + plans.database + " SET " + setting);
			}
			plans.level = plans.serverLog.getLevel();
			plans.additive = plans.serverLog.isAdditive();
			plans.appender.setContext(plans.serverLog.getLoggerContext());
			plans.appender.start();
			plans.serverLog.addAppender(plans.appender);
			plans.serverLog.setLevel(Level.INFO);
			plans.serverLog.setAdditive(false);
			plans.newSessions();
			return plans;
		}
	}

	/**
	 * Switches {@code auto_explain} off again (for new sessions, and the pool is emptied)
	 * and stops reading the log once every line up to now has been read.
	 */
	void stop() throws SQLException, InterruptedException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String setting : SETTINGS) {
				statement
					.execute("ALTER DATABASE " + database + " RESET " + setting.substring(0, setting.indexOf(' ')));
			}
			statement.execute("DO $$ BEGIN RAISE LOG '" + MARKER + "'; END $$");
		}
		newSessions();
		long deadline = System.nanoTime() + LOG_WAIT.toNanos();
		while (!logged(MARKER) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		serverLog.detachAppender(appender);
		appender.stop();
		serverLog.setLevel(level);
		serverLog.setAdditive(additive);
	}

	/**
	 * @return the logged plans of the statements on the staging tables (the import's
	 * checks and inserts), in the order they ran
	 */
	String report() {
		List<String> plans = new ArrayList<>();
		StringBuilder plan = null;
		synchronized (lines) {
			for (String line : lines) {
				if (line.contains("LOG:  duration:") && line.contains("plan:")) {
					plan = new StringBuilder(line);
					plans.add(null);
				}
				else if (plan != null && (line.startsWith("\t") || line.startsWith(" "))) {
					plan.append('\n').append(line);
				}
				else {
					plan = null;
					continue;
				}
				plans.set(plans.size() - 1, plan.toString());
			}
		}
		List<String> imports = plans.stream().filter(p -> p.contains("stage_")).toList();
		StringBuilder report = new StringBuilder(
				"\nauto_explain (ANALYZE, BUFFERS) of the import, %d statements on the staging tables (of %d logged):\n"
					.formatted(imports.size(), plans.size()));
		imports.forEach(p -> report.append('\n').append(p).append('\n'));
		return report.toString();
	}

	private boolean logged(String text) {
		synchronized (lines) {
			return lines.stream().anyMatch(line -> line.contains(text));
		}
	}

	/** Closes the pool's idle connections (the others on their return). */
	private void newSessions() throws SQLException {
		dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
	}

}
