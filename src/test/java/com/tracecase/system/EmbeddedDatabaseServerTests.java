package com.tracecase.system;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseServerTests {

	@TempDir
	Path dataDirectory;

	@Test
	void durableServerFlushesEveryCommit() throws Exception {
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(dataDirectory, 0, true, true)) {
			assertThat(setting(server, "fsync")).isEqualTo("on");
			assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(server, "full_page_writes")).isEqualTo("on");
		}
	}

	@Test
	void theSuperuserNeedsAGeneratedPasswordThatOnlyTheOwnerCanRead() throws Exception {
		String password;
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(dataDirectory, 0, true, true)) {
			password = server.password();
			assertThat(password).hasSizeGreaterThanOrEqualTo(24);
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", ""))
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "postgres"))
				.isInstanceOf(SQLException.class);
			assertThat(setting(server, "server_version")).isNotBlank();
		}
		Path passwordFile = dataDirectory.resolve(EmbeddedDatabaseServer.PASSWORD_FILE);
		assertThat(Files.readString(passwordFile).strip()).isEqualTo(password);
		assertThat(Files.getPosixFilePermissions(passwordFile))
			.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		// the next start uses the same password
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(dataDirectory, 0, true, true)) {
			assertThat(server.password()).isEqualTo(password);
			assertThat(setting(server, "server_version")).isNotBlank();
		}
	}

	@Test
	void aConfiguredPasswordIsUsedAndNotWrittenDown() throws Exception {
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(dataDirectory, 0, true, true,
				"a-configured-secret")) {
			assertThat(server.password()).isEqualTo("a-configured-secret");
			assertThat(setting(server, "server_version")).isNotBlank();
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", ""))
				.isInstanceOf(SQLException.class);
		}
		assertThat(dataDirectory.resolve(EmbeddedDatabaseServer.PASSWORD_FILE)).doesNotExist();
	}

	@Test
	void serverOfARunKilledHardDoesNotBlockTheNextStart() throws Exception {
		Process killedRun = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), KilledRun.class.getName(), dataDirectory.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(new InputStreamReader(killedRun.getInputStream()))) {
			String line;
			while ((line = output.readLine()) != null && !line.equals(KilledRun.READY)) {
				// skip the server's log until the run has written its row
			}
			assertThat(line).as("the first run came up").isEqualTo(KilledRun.READY);
		}
		killedRun.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(dataDirectory.resolve("postmaster.pid")).as("the orphaned server still runs").exists();

		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(dataDirectory, 0, true, true);
				Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres",
						server.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT note FROM survivor")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("written before kill -9");
		}
	}

	private static String setting(EmbeddedDatabaseServer server, String name) throws Exception {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres",
				server.password());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW " + name)) {
			result.next();
			return result.getString(1);
		}
	}

	/**
	 * A run that writes a row and waits to be killed with SIGKILL, leaving its postmaster
	 * behind.
	 */
	public static final class KilledRun {

		static final String READY = "KILLED-RUN-READY";

		public static void main(String[] args) throws Exception {
			EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(Path.of(args[0]), 0, true, true);
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres",
					server.password()); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE survivor (note text)");
				statement.execute("INSERT INTO survivor VALUES ('written before kill -9')");
			}
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
