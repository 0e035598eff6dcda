package com.tracecase.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.tracecase.notification.CaseMail;
import com.tracecase.notification.DeliveryStatus;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.NotificationMessage;
import com.tracecase.notification.RecipientKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox tables, in SQL. Writes join the caller's transaction; the sender's claim is
 * one statement and so one short transaction of its own.
 */
@Repository
public class Outbox {

	private static final String SELECT_MESSAGES = """
			SELECT m.id, n.deduplication_key, n.template, n.case_number, m.recipient, n.subject, m.status, m.attempts,
			       m.last_error, m.created_at, m.next_attempt_at, m.last_attempt_at, m.sent_at, m.failed_at
			FROM notification_message m JOIN notification n ON n.id = m.notification_id
			""";

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a request unless one with the same key exists. A concurrent transaction
	 * with the same key waits for the first to commit, then records nothing.
	 * @return the new notification's id, or empty when the key was taken
	 */
	public Optional<Long> insertNotification(String deduplicationKey, MailTemplate template, String caseNumber,
			RenderedMail mail, Instant now) {
		return jdbc
			.sql("""
					INSERT INTO notification (deduplication_key, template, case_number, subject, html_body, text_body, created_at)
					VALUES (:key, :template, :caseNumber, :subject, :html, :text, :now)
					ON CONFLICT (deduplication_key) DO NOTHING
					RETURNING id""")
			.param("key", deduplicationKey)
			.param("template", template.name())
			.param("caseNumber", caseNumber)
			.param("subject", mail.subject())
			.param("html", mail.html())
			.param("text", mail.text())
			.param("now", at(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * @param group the group the address belongs to, {@literal null} for an address named
	 * directly
	 */
	public void insertMessage(long notificationId, String recipient, String group, Instant now) {
		jdbc.sql("""
				INSERT INTO notification_message (notification_id, recipient, recipient_group, status, next_attempt_at,
				                                  created_at)
				VALUES (:notificationId, :recipient, :group, 'PENDING', :now, :now)""")
			.param("notificationId", notificationId)
			.param("recipient", recipient)
			.param("group", group)
			.param("now", at(now))
			.update();
	}

	/**
	 * A message to a group that has no address.
	 */
	public void insertFailedMessage(long notificationId, String group, String error, Instant now) {
		jdbc.sql("""
				INSERT INTO notification_message (notification_id, recipient, recipient_group, status, next_attempt_at,
				                                  created_at, failed_at, last_error)
				VALUES (:notificationId, :recipient, :group, 'FAILED', :now, :now, :now, :error)""")
			.param("notificationId", notificationId)
			.param("recipient", "group:" + group)
			.param("group", group)
			.param("now", at(now))
			.param("error", error)
			.update();
	}

	/**
	 * Claims due messages for one sender: pending ones whose time has come, and claimed
	 * ones whose sender let the lease run out. Rows another sender is claiming right now
	 * are skipped, never waited for, so two senders never claim the same message.
	 * @param claimToken identifies this claim; completions must present it
	 * @return the claimed messages, with their attempt counted
	 */
	public List<ClaimedMessage> claim(String claimToken, int batchSize, Instant now, Duration lease) {
		return jdbc.sql("""
				WITH due AS (
				    SELECT id FROM notification_message
				    WHERE (status = 'PENDING' AND next_attempt_at <= :now)
				       OR (status = 'SENDING' AND claimed_until <= :now)
				    ORDER BY next_attempt_at, id
				    LIMIT :batchSize
				    FOR UPDATE SKIP LOCKED)
				UPDATE notification_message m
				SET status = 'SENDING', claim_token = :token, claimed_until = :leaseEnd, attempts = m.attempts + 1,
				    last_attempt_at = :now
				FROM due, notification n
				WHERE m.id = due.id AND n.id = m.notification_id
				RETURNING m.id, m.recipient, m.attempts, n.subject, n.html_body, n.text_body""")
			.param("now", at(now))
			.param("batchSize", batchSize)
			.param("token", claimToken)
			.param("leaseEnd", at(now.plus(lease)))
			.query((rs, row) -> new ClaimedMessage(rs.getLong("id"), rs.getString("recipient"), rs.getInt("attempts"),
					new RenderedMail(rs.getString("subject"), rs.getString("html_body"), rs.getString("text_body"))))
			.list();
	}

	/**
	 * @return whether the claim still held
	 */
	public boolean markSent(long id, String claimToken, Instant now) {
		return jdbc.sql("""
				UPDATE notification_message
				SET status = 'SENT', sent_at = :now, claim_token = NULL, claimed_until = NULL
				WHERE id = :id AND claim_token = :token AND status = 'SENDING'""")
			.param("id", id)
			.param("token", claimToken)
			.param("now", at(now))
			.update() == 1;
	}

	/**
	 * @return whether the claim still held
	 */
	public boolean scheduleRetry(long id, String claimToken, Instant nextAttemptAt, String error) {
		return jdbc.sql("""
				UPDATE notification_message
				SET status = 'PENDING', next_attempt_at = :next, last_error = :error, claim_token = NULL,
				    claimed_until = NULL
				WHERE id = :id AND claim_token = :token AND status = 'SENDING'""")
			.param("id", id)
			.param("token", claimToken)
			.param("next", at(nextAttemptAt))
			.param("error", error)
			.update() == 1;
	}

	/**
	 * @return whether the claim still held
	 */
	public boolean markFailed(long id, String claimToken, Instant now, String error) {
		return jdbc.sql("""
				UPDATE notification_message
				SET status = 'FAILED', failed_at = :now, last_error = :error, claim_token = NULL, claimed_until = NULL
				WHERE id = :id AND claim_token = :token AND status = 'SENDING'""")
			.param("id", id)
			.param("token", claimToken)
			.param("now", at(now))
			.param("error", error)
			.update() == 1;
	}

	/**
	 * Puts a failed message back in the queue with a fresh set of attempts.
	 * @return whether the message was failed
	 */
	public boolean retry(long id, Instant now) {
		return jdbc.sql("""
				UPDATE notification_message
				SET status = 'PENDING', attempts = 0, next_attempt_at = :now, failed_at = NULL
				WHERE id = :id AND status = 'FAILED'""").param("id", id).param("now", at(now)).update() == 1;
	}

	public Optional<NotificationMessage> find(long id) {
		return jdbc.sql(SELECT_MESSAGES + """
				WHERE m.id = :id""").param("id", id).query(Outbox::message).optional();
	}

	/**
	 * @param status the status, or {@literal null} for all
	 * @param caseNumber the case, or {@literal null} for all
	 * @return the newest messages first
	 */
	public List<NotificationMessage> find(DeliveryStatus status, String caseNumber, int limit) {
		return jdbc.sql(SELECT_MESSAGES + """
				WHERE (CAST(:status AS varchar) IS NULL OR m.status = :status)
				  AND (CAST(:caseNumber AS varchar) IS NULL OR n.case_number = :caseNumber)
				ORDER BY m.id DESC
				LIMIT :limit""")
			.param("status", (status != null) ? status.name() : null)
			.param("caseNumber", caseNumber)
			.param("limit", limit)
			.query(Outbox::message)
			.list();
	}

	/**
	 * @param caseNumber the case, must not be {@literal null}
	 * @return every message about the case, oldest first
	 */
	public List<CaseMail> findByCase(String caseNumber) {
		return jdbc.sql("""
				SELECT n.template, n.subject, m.recipient, m.recipient_group, m.status, m.attempts, m.last_error,
				       m.created_at, m.next_attempt_at, m.sent_at, m.failed_at
				FROM notification_message m JOIN notification n ON n.id = m.notification_id
				WHERE n.case_number = :caseNumber
				ORDER BY m.created_at, m.id""").param("caseNumber", caseNumber).query((rs, row) -> {
			MailTemplate template = MailTemplate.valueOf(rs.getString("template"));
			String group = rs.getString("recipient_group");
			RecipientKind kind = group != null ? RecipientKind.GROUP
					: template.isCustomerFacing() ? RecipientKind.CUSTOMER : RecipientKind.ADDRESS;
			return new CaseMail(template, rs.getString("subject"), kind, group,
					group != null && rs.getString("recipient").startsWith("group:") ? null : rs.getString("recipient"),
					DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
					instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"),
					instant(rs, "failed_at"));
		}).list();
	}

	public List<NotificationMessage> findByDeduplicationKey(String deduplicationKey) {
		return jdbc.sql(SELECT_MESSAGES + """
				WHERE n.deduplication_key = :key
				ORDER BY m.id""").param("key", deduplicationKey).query(Outbox::message).list();
	}

	public long count(DeliveryStatus... statuses) {
		return jdbc.sql("SELECT count(*) FROM notification_message WHERE status IN (:statuses)")
			.param("statuses", Arrays.stream(statuses).map(Enum::name).toList())
			.query(Long.class)
			.single();
	}

	private static NotificationMessage message(ResultSet rs, int row) throws SQLException {
		return new NotificationMessage(rs.getLong("id"), rs.getString("deduplication_key"),
				MailTemplate.valueOf(rs.getString("template")), rs.getString("case_number"), rs.getString("recipient"),
				rs.getString("subject"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
				instant(rs, "last_attempt_at"), instant(rs, "sent_at"), instant(rs, "failed_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A message claimed for sending.
	 *
	 * @param id the message id
	 * @param recipient the address
	 * @param attempts the attempts including this one
	 * @param mail the content
	 */
	public record ClaimedMessage(long id, String recipient, int attempts, RenderedMail mail) {
	}

}
