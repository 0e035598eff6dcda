package com.tracecase.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import com.tracecase.system.EmbeddedDatabaseServer;

/**
 * A PostgreSQL server the test runs for Tracecase as its external database
 * ({@code TRACECASE_DB_URL}), on a free port of 127.0.0.1, and may stop and start again
 * on the same port and data.
 */
final class FaultDatabase implements AutoCloseable {

	static final String USER = "postgres";

	static final String PASSWORD = "fault-tests";

	private final Path directory;

	private final int port;

	private EmbeddedDatabaseServer server;

	FaultDatabase(Path directory) {
		this.directory = directory;
		this.port = JarProcess.freePort();
	}

	FaultDatabase start() throws IOException {
		server = EmbeddedDatabaseServer.start(directory, port, true, true, PASSWORD);
		return this;
	}

	/**
	 * Stops the server (every connection is cut), waits and starts it again.
	 * @return how long the database was away
	 */
	Duration restart(Duration down) throws IOException, InterruptedException {
		long stopped = System.nanoTime();
		server.close();
		server = null;
		Thread.sleep(down.toMillis());
		start();
		return Duration.ofNanos(System.nanoTime() - stopped);
	}

	String url() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	Records records() {
		return new Records(url());
	}

	@Override
	public void close() throws IOException {
		if (server != null) {
			server.close();
			server = null;
		}
	}

}
