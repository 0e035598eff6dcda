package com.tracecase.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.tracecase.shared.Labels;
import com.tracecase.shared.Money;

import org.springframework.stereotype.Component;

/**
 * {@link Labels} and {@link Money} for templates, as
 * {@code ${@labels.label(lot.status)}}: pages show labels, readable dates and money,
 * never codes.
 */
@Component("labels")
class TemplateLabels {

	public String label(Enum<?> value) {
		return Labels.label(value);
	}

	public String label(String enumType, String code) {
		return Labels.label(enumType, code);
	}

	public String date(LocalDate date) {
		return Labels.date(date);
	}

	public String dateTime(Instant instant) {
		return Labels.dateTime(instant);
	}

	/** A duration as people say it, e.g. {@code 2 h 15 min}, {@code 3.5 days}. */
	public String duration(Duration duration) {
		return Labels.duration(duration);
	}

	public String money(BigDecimal amount, String currency) {
		return Money.format(amount, currency);
	}

	public String money(Number amount, String currency) {
		Money money = Money.of(amount, currency);
		return money == null ? null : money.display();
	}

	/** Work groups in words, e.g. {@code Customer service, QC}. */
	public String groups(java.util.Collection<String> groupIds) {
		return groupIds == null ? null
				: groupIds.stream()
					.map(id -> Labels.label("Group", id))
					.collect(java.util.stream.Collectors.joining(", "));
	}

	/** A text that names lot statuses by code, e.g. a status change, in words. */
	public String statusWords(String text) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (String code : new String[] { "IN_PRODUCTION", "AVAILABLE", "QUARANTINED", "RESERVED", "CONSUMED",
				"SHIPPED", "RETURNED", "SCRAPPED", "FAILURE_ANALYSIS", "RECYCLING" }) {
			result = result.replace(code, Labels.label("LotStatus", code));
		}
		return result;
	}

	/** A file size people read: {@code 12 KB}. */
	public String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		if (bytes < 1024 * 1024) {
			return Math.round(bytes / 1024.0) + " KB";
		}
		return String.format(Labels.LOCALE, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
