package com.tracecase.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.tracecase.shared.Labels;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: entries are added in the transaction of their change and never
 * changed; they are read newest first, a page at a time.
 */
@Service
public class AuditTrail {

	private static final int MAX_TEXT = 1000;

	private static final int MAX_VALUE = 200;

	private final NamedParameterJdbcTemplate jdbc;

	AuditTrail(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds an entry in the caller's transaction, so the entry and its change commit or
	 * roll back together; without a transaction it fails.
	 * @param actor who, must not be {@literal null}
	 * @param subject what kind of thing, must not be {@literal null}
	 * @param key the thing, must not be {@literal null}
	 * @param action what was done, must not be {@literal null}
	 * @param summary a short readable sentence, must not be {@literal null}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Instant at, String actor, AuditSubject subject, String key, AuditAction action, String summary,
			@Nullable String oldValue, @Nullable String newValue) {
		write(at, actor, subject, key, action, summary, null, oldValue, newValue);
	}

	/**
	 * Adds an entry whose old and new values are codes of one enum, shown by their
	 * labels.
	 * @see #record(Instant, String, AuditSubject, String, AuditAction, String, String,
	 * String)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <E extends Enum<E>> void record(Instant at, String actor, AuditSubject subject, String key,
			AuditAction action, String summary, @Nullable E oldValue, E newValue) {
		write(at, actor, subject, key, action, summary, Labels.typeName(newValue.getDeclaringClass()),
				oldValue == null ? null : oldValue.name(), newValue.name());
	}

	private void write(Instant at, String actor, AuditSubject subject, String key, AuditAction action, String summary,
			@Nullable String valueType, @Nullable String oldValue, @Nullable String newValue) {
		jdbc.update(
				"""
						INSERT INTO audit_entry (at, actor, subject, subject_key, action, summary, value_type, old_value, new_value)
						VALUES (:at, :actor, :subject, :key, :action, :summary, :valueType, :oldValue, :newValue)
						""",
				new MapSqlParameterSource().addValue("at", Timestamp.from(at))
					.addValue("actor", cut(actor, 100))
					.addValue("subject", subject.name())
					.addValue("key", cut(key, 100))
					.addValue("action", action.name())
					.addValue("summary", cut(summary, MAX_TEXT))
					.addValue("valueType", valueType)
					.addValue("oldValue", cut(oldValue, MAX_VALUE))
					.addValue("newValue", cut(newValue, MAX_VALUE)));
	}

	/**
	 * @return the page of entries matching the query, newest first, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public AuditPage find(AuditQuery query) {
		List<String> where = new ArrayList<>();
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		if (query.subject() != null) {
			where.add("subject = :subject");
			parameters.addValue("subject", query.subject().name());
		}
		if (query.key() != null) {
			where.add("subject_key = :key");
			parameters.addValue("key", query.key());
		}
		if (query.actor() != null) {
			where.add("actor = :actor");
			parameters.addValue("actor", query.actor());
		}
		if (query.from() != null) {
			where.add("at >= :from");
			parameters.addValue("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			where.add("at < :to");
			parameters.addValue("to", Timestamp.from(query.to()));
		}
		parameters.addValue("limit", query.size() + 1).addValue("offset", (long) query.page() * query.size());
		String sql = "SELECT id, at, actor, subject, subject_key, action, summary, value_type, old_value, new_value"
				+ " FROM audit_entry" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
				+ " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset";
		List<AuditEntry> entries = jdbc.query(sql, parameters,
				(rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
						AuditSubject.valueOf(rs.getString("subject")), rs.getString("subject_key"),
						AuditAction.valueOf(rs.getString("action")), rs.getString("summary"),
						rs.getString("value_type"), rs.getString("old_value"), rs.getString("new_value")));
		boolean hasNext = entries.size() > query.size();
		return new AuditPage(hasNext ? entries.subList(0, query.size()) : entries, query.page(), query.size(), hasNext);
	}

	private static String cut(@Nullable String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max - 1) + "\u2026";
	}

}
