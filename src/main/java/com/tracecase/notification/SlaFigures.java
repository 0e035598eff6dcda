package com.tracecase.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Missed service levels as the mails they caused: a reminder to a group whose task waits
 * too long, an escalation to the managers. Counted per mail requested (one per overdue
 * task and deadline), not per recipient.
 */
@Component
@Transactional(readOnly = true)
public class SlaFigures {

	private final NamedParameterJdbcTemplate jdbc;

	SlaFigures(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return every kind, with zero where none happened
	 */
	public Map<SlaBreach, Long> totals() {
		Map<SlaBreach, Long> totals = new EnumMap<>(SlaBreach.class);
		for (SlaBreach kind : SlaBreach.values()) {
			totals.put(kind, 0L);
		}
		jdbc.query("""
				SELECT template, count(*) AS mails FROM notification WHERE template IN ('REMINDER', 'ESCALATION')
				GROUP BY template
				""", Map.of(), (RowCallbackHandler) rs -> totals
			.put(SlaBreach.of(MailTemplate.valueOf(rs.getString("template"))), rs.getLong("mails")));
		return totals;
	}

	/** Breaches per week (Monday, UTC) and kind in the period, half-open. */
	public List<WeeklyBreaches> perWeek(Instant from, Instant to) {
		return jdbc.query("""
				SELECT date_trunc('week', created_at AT TIME ZONE 'UTC')::date AS week, template, count(*) AS mails
				FROM notification
				WHERE template IN ('REMINDER', 'ESCALATION') AND created_at >= :from AND created_at < :to
				GROUP BY 1, 2
				ORDER BY 1, 2
				""", Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)),
				(rs, i) -> new WeeklyBreaches(rs.getObject("week", LocalDate.class),
						SlaBreach.of(MailTemplate.valueOf(rs.getString("template"))), rs.getLong("mails")));
	}

	/** The kinds of missed service level. */
	public enum SlaBreach {

		/** A task waited past its reminder time. */
		REMINDER,

		/** A task waited past its deadline and went to the managers. */
		ESCALATION;

		static SlaBreach of(MailTemplate template) {
			return template == MailTemplate.ESCALATION ? ESCALATION : REMINDER;
		}

	}

	public record WeeklyBreaches(LocalDate week, SlaBreach kind, long breaches) {
	}

}
