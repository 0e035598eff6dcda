package com.tracecase.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that serves when no external database is
 * configured.
 *
 * @param dataDirectory where the cluster lives; it survives restarts
 * @param port the port to listen on, {@code 0} for any free port
 * @param durable whether commits are flushed to disk ({@code fsync},
 * {@code synchronous_commit}); only throw-away databases may turn this off
 * @param password the superuser's password; empty for one generated on first start and
 * kept in the data directory
 */
@ConfigurationProperties("tracecase.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") Path dataDirectory,
		@DefaultValue("15432") int port, @DefaultValue("true") boolean durable, String password) {
}
