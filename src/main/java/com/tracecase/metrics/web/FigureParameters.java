package com.tracecase.metrics.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import com.tracecase.metrics.MetricsProperties;
import com.tracecase.quality.FailureFigures.FailureDimension;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the managers' figures take, read and checked in one place for the metrics API and
 * the dashboard: the period, and what a Pareto of failures ranks by.
 */
@Component
class FigureParameters {

	private final MetricsProperties properties;

	private final Clock clock;

	FigureParameters(MetricsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param from the first day, {@literal null} for the default period's
	 * ({@code tracecase.metrics.default-period} up to the last day)
	 * @param to the last day, {@literal null} for today
	 * @return the period, never {@literal null}
	 * @throws InvalidInputException naming {@code from} when the period ends before it
	 * starts
	 */
	FiguresPeriod period(@Nullable LocalDate from, @Nullable LocalDate to) {
		LocalDate last = to != null ? to : today();
		LocalDate first = from != null ? from : last.minusDays(properties.defaultPeriod().toDays() - 1);
		if (first.isAfter(last)) {
			throw new InvalidInputException("from",
					"The period must start on or before its end (" + Labels.date(last) + ").");
		}
		return new FiguresPeriod(first, last);
	}

	/**
	 * @return the period of the last weeks up to and including today
	 */
	FiguresPeriod lastWeeks(int weeks) {
		LocalDate today = today();
		return new FiguresPeriod(today.minusWeeks(weeks).plusDays(1), today);
	}

	/**
	 * @return today in UTC, the last day of a period that names none
	 */
	LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * @param by {@code part}, {@code supplier}, {@code lot}, {@code date-code} or
	 * {@code failure-mode}, in any case, with {@code _} for {@code -} or without either
	 * @throws InvalidInputException naming {@code by} for anything else
	 */
	static FailureDimension dimension(String by) {
		String name = by == null ? "" : by.strip().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
		for (FailureDimension dimension : FailureDimension.values()) {
			if (dimension.name().replace("_", "").equals(name)) {
				return dimension;
			}
		}
		throw new InvalidInputException("by",
				"Rank failures by part, supplier, lot, date-code or failure-mode, not \"" + by + "\".");
	}

	/**
	 * @return how the API's {@code by} names the dimension, e.g. {@code date-code}
	 */
	static String code(FailureDimension dimension) {
		return dimension.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
