package com.tracecase.genealogy.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For the benchmark only: the plans of the import's statements, as PostgreSQL's
 * {@code auto_explain} writes them ({@code ANALYZE}, {@code BUFFERS}, text format).
 * <p>
 * The import runs on a pooled connection of its own, so the settings are made for the
 * test database ({@code ALTER DATABASE ... SET}, which needs a superuser, as the test
 * server's {@code postgres} is) and the pool is emptied: the import's connection is then
 * a new session that loads the module. The plans are sent to that session as notices
 * rather than to the server log: the embedded server's log is its standard error, which
 * nobody reads once {@code pg_ctl} has started it. The JDBC driver hands notices over as
 * warnings of the statement, and {@link JdbcTemplate}, through which the import runs its
 * SQL, logs the warnings it ignores at debug level; they are read from that logger, for
 * the statements of the thread that started this (the import runs in the caller's
 * thread).
 */
final class ImportPlans {

	private static final List<String> SETTINGS = List.of("session_preload_libraries = 'auto_explain'",
			"auto_explain.log_min_duration = 0", "auto_explain.log_analyze = on", "auto_explain.log_buffers = on",
			// nested statements would add a foreign key check per inserted row; the
			// import calls
			// no functions
			"auto_explain.log_nested_statements = off", "auto_explain.log_format = text",
			"auto_explain.log_level = notice");

	private static final String WARNING = "SQLWarning ignored: ";

	/** The import's own record, written beside the import (progress, outcome). */
	private static final Pattern RUN_RECORD = Pattern.compile("\\bgen_import\\b");

	private final DataSource dataSource;

	private final String database;

	private final Logger jdbcLog = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);

	private final List<String> plans = new ArrayList<>();

	/** The thread that imports: the others (e.g. the mail sender's) are left out. */
	private final String thread = Thread.currentThread().getName();

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			String message = event.getFormattedMessage();
			int start = message.indexOf("message [");
			if (event.getThreadName().equals(thread) && message.startsWith(WARNING) && start >= 0
					&& message.contains("plan:")) {
				synchronized (plans) {
					plans.add(message.substring(start + "message [".length(), message.length() - 1));
				}
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
	 * collecting the plans.
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
			plans.level = plans.jdbcLog.getLevel();
			plans.additive = plans.jdbcLog.isAdditive();
			plans.appender.setContext(plans.jdbcLog.getLoggerContext());
			plans.appender.start();
			plans.jdbcLog.addAppender(plans.appender);
			plans.jdbcLog.setLevel(Level.DEBUG);
			// every statement's debug line would flood the test output
			plans.jdbcLog.setAdditive(false);
			plans.newSessions();
			return plans;
		}
	}

	/**
	 * Stops collecting and switches {@code auto_explain} off again (for new sessions, and
	 * the pool is emptied).
	 */
	void stop() throws SQLException {
		jdbcLog.detachAppender(appender);
		appender.stop();
		jdbcLog.setLevel(level);
		jdbcLog.setAdditive(additive);
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String setting : SETTINGS) {
				statement
					.execute("ALTER DATABASE " + database + " RESET " + setting.substring(0, setting.indexOf(' ')));
			}
		}
		newSessions();
	}

	/**
	 * @return the plans of the import's statements in the order they ran (leaving out
	 * those of the import's progress record)
	 */
	String report() {
		List<String> imports;
		int logged;
		synchronized (plans) {
			imports = plans.stream().filter(plan -> !RUN_RECORD.matcher(plan).find()).toList();
			logged = plans.size();
		}
		StringBuilder report = new StringBuilder(
				"%nauto_explain (ANALYZE, BUFFERS) of the import's %d statements (and %d of its progress record, left out):%n"
					.formatted(imports.size(), logged - imports.size()));
		imports.forEach(plan -> report.append('\n').append(plan).append('\n'));
		return report.toString();
	}

	/** Closes the pool's idle connections (the others on their return). */
	private void newSessions() throws SQLException {
		dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
	}

}
