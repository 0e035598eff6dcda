package com.tracecase.genealogy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.genealogy.ImportError;
import com.tracecase.genealogy.ImportStatus;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import resources. Each write commits on its own, beside the import's transaction,
 * so that progress shows while the import runs and a failure stays recorded after its
 * rollback.
 */
@Repository
public class ImportRuns {

	private static final long PROGRESS_INTERVAL_MILLIS = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate separately;

	private final ObjectMapper json;

	private final Clock clock;

	ImportRuns(DataSource dataSource, PlatformTransactionManager transactions, ObjectMapper json, Clock clock) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
		this.clock = clock;
	}

	public UUID start(String actor, long bytesTotal) {
		UUID id = UUID.randomUUID();
		separately.executeWithoutResult(status -> jdbc.update("""
				INSERT INTO gen_import (id, status, phase, started_by, started_at, bytes_total)
				VALUES (:id, 'RUNNING', 'Waiting', :actor, :at, :total)
				""",
				new MapSqlParameterSource("id", id).addValue("actor", actor)
					.addValue("at", Timestamp.from(clock.instant()))
					.addValue("total", bytesTotal)));
		return id;
	}

	/**
	 * A progress listener that writes at most twice a second.
	 */
	public CsvImport.Progress progress(UUID id) {
		return new CsvImport.Progress() {

			private long lastWrite;

			private long bytes;

			@Override
			public void phase(String phase) {
				separately.executeWithoutResult(status -> jdbc.update(
						"UPDATE gen_import SET phase = :phase, bytes_read = :bytes WHERE id = :id",
						new MapSqlParameterSource("phase", phase).addValue("bytes", bytes).addValue("id", id)));
			}

			@Override
			public void bytesRead(long bytes) {
				this.bytes = bytes;
				long now = System.currentTimeMillis();
				if (now - lastWrite >= PROGRESS_INTERVAL_MILLIS) {
					lastWrite = now;
					separately.executeWithoutResult(
							status -> jdbc.update("UPDATE gen_import SET bytes_read = :bytes WHERE id = :id",
									new MapSqlParameterSource("bytes", bytes).addValue("id", id)));
				}
			}

		};
	}

	public void succeeded(UUID id, Map<String, Long> rows) {
		finish(id, ImportStatus.SUCCEEDED, "Done", rows, null);
	}

	public void failed(UUID id, String phase, List<ImportError> errors) {
		finish(id, ImportStatus.FAILED, phase, null, errors);
	}

	private void finish(UUID id, String outcome, String phase, Map<String, Long> rows, List<ImportError> errors) {
		separately.executeWithoutResult(status -> jdbc.update("""
				UPDATE gen_import
				SET status = :status, phase = :phase, finished_at = :at, row_counts = :rows, errors = :errors,
				    bytes_read = CASE WHEN :status = 'SUCCEEDED' THEN bytes_total ELSE bytes_read END
				WHERE id = :id
				""",
				new MapSqlParameterSource("status", outcome).addValue("phase", phase)
					.addValue("at", Timestamp.from(clock.instant()))
					.addValue("rows", write(rows))
					.addValue("errors", write(errors))
					.addValue("id", id)));
	}

	public Optional<ImportStatus> find(UUID id) {
		return jdbc.query("SELECT * FROM gen_import WHERE id = :id", Map.of("id", id), this::status)
			.stream()
			.findFirst();
	}

	private ImportStatus status(ResultSet rs, int i) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		String status = rs.getString("status");
		long total = rs.getLong("bytes_total");
		long read = rs.getLong("bytes_read");
		double progress = ImportStatus.SUCCEEDED.equals(status) ? 1
				: total == 0 ? 0 : Math.min(1, (double) read / total);
		return new ImportStatus(rs.getString("id"), status, rs.getString("phase"), rs.getString("started_by"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(), total, read,
				read(rs.getString("row_counts"), new TypeReference<Map<String, Long>>() {
				}), read(rs.getString("errors"), new TypeReference<List<ImportError>>() {
				}), progress);
	}

	private String write(Object value) {
		try {
			return value == null ? null : json.writeValueAsString(value);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private <T> T read(String value, TypeReference<T> type) {
		try {
			return value == null ? null : json.readValue(value, type);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
