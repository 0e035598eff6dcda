package com.tracecase.metrics.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The days the managers' figures cover: from {@code first} to {@code last}, both
 * inclusive, in UTC, as the metrics API and the dashboard take them.
 *
 * @param first the first day, never {@literal null}
 * @param last the last day, never {@literal null} and never before {@code first}
 */
record FiguresPeriod(LocalDate first, LocalDate last) {

	/**
	 * @return the start of the first day, as the figures' half-open periods begin
	 */
	Instant from() {
		return first.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * @return the start of the day after the last one, where the period ends
	 */
	Instant to() {
		return last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * @return the Mondays of every week the period touches, as the figures group weeks
	 */
	List<LocalDate> weeks() {
		LocalDate firstMonday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return firstMonday.datesUntil(last.plusDays(1), java.time.Period.ofWeeks(1)).toList();
	}

	/**
	 * @return the first day of every month the period touches
	 */
	List<LocalDate> months() {
		return first.withDayOfMonth(1).datesUntil(last.plusDays(1), java.time.Period.ofMonths(1)).toList();
	}

}
