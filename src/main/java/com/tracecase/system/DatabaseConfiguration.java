package com.tracecase.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Without {@code spring.datasource.url} (set by {@code TRACECASE_DB_URL}) Tracecase
 * starts its own PostgreSQL under {@code ./data}, so a newcomer needs no database server.
 * With it, Spring Boot's own data source applies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DatabaseConfiguration.NoDataSourceUrl.class)
class DatabaseConfiguration {

	static final String DATABASE = "tracecase";

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseServer embeddedDatabaseServer(EmbeddedDatabaseProperties properties) throws IOException {
		EmbeddedDatabaseServer server = EmbeddedDatabaseServer.start(properties.dataDirectory(), properties.port(),
				properties.durable(), false, properties.password());
		createDatabaseIfMissing(server);
		return server;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabaseServer server) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName(org.postgresql.Driver.class.getName())
			.url(server.jdbcUrl(DATABASE))
			.username("postgres")
			.password(server.password())
			.build();
	}

	private static void createDatabaseIfMissing(EmbeddedDatabaseServer server) {
		DataSource admin = new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl("postgres"),
				"postgres", server.password());
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
			if (!exists.next()) {
				statement.execute("CREATE DATABASE " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database '" + DATABASE + "' on the embedded server", ex);
		}
	}

	static class NoDataSourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
