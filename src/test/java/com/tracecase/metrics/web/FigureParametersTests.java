package com.tracecase.metrics.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.tracecase.metrics.MetricsProperties;
import com.tracecase.quality.FailureFigures.FailureDimension;
import com.tracecase.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FigureParametersTests {

	// a Thursday
	final Clock clock = Clock.fixed(Instant.parse("2034-05-04T23:30:00Z"), ZoneOffset.ofHours(2));

	final FigureParameters parameters = new FigureParameters(
			new MetricsProperties(Duration.ofSeconds(15), Duration.ofDays(84)), clock);

	@Test
	void aPeriodRunsFromTheStartOfItsFirstDayToTheEndOfItsLastInUtc() {
		FiguresPeriod period = parameters.period(LocalDate.of(2034, 4, 26), LocalDate.of(2034, 5, 2));

		assertThat(period.from()).isEqualTo(Instant.parse("2034-04-26T00:00:00Z"));
		assertThat(period.to()).isEqualTo(Instant.parse("2034-05-03T00:00:00Z"));
		assertThat(period.weeks()).containsExactly(LocalDate.of(2034, 4, 24), LocalDate.of(2034, 5, 1));
		assertThat(period.months()).containsExactly(LocalDate.of(2034, 4, 1), LocalDate.of(2034, 5, 1));
	}

	@Test
	void withoutDatesThePeriodIsTheDefaultLengthUpToTodayInUtc() {
		assertThat(parameters.period(null, null))
			.isEqualTo(new FiguresPeriod(LocalDate.of(2034, 2, 10), LocalDate.of(2034, 5, 4)));
		assertThat(parameters.period(null, LocalDate.of(2034, 3, 31)).first()).isEqualTo(LocalDate.of(2034, 1, 7));
		assertThat(parameters.period(LocalDate.of(2034, 5, 4), null))
			.isEqualTo(new FiguresPeriod(LocalDate.of(2034, 5, 4), LocalDate.of(2034, 5, 4)));
		assertThat(parameters.lastWeeks(4))
			.isEqualTo(new FiguresPeriod(LocalDate.of(2034, 4, 7), LocalDate.of(2034, 5, 4)));
	}

	@Test
	void aPeriodThatEndsBeforeItStartsIsRefusedNamingItsStart() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> parameters.period(LocalDate.of(2034, 5, 2), LocalDate.of(2034, 5, 1)))
			.satisfies(ex -> assertThat(ex.violations()).containsExactly(new InvalidInputException.Violation("from",
					"The period must start on or before its end (1 May 2034).")));
	}

	@Test
	void failuresRankByWhatTheApiNamesThem() {
		assertThat(FigureParameters.dimension("date-code")).isEqualTo(FailureDimension.DATE_CODE);
		assertThat(FigureParameters.dimension(" FAILURE_MODE ")).isEqualTo(FailureDimension.FAILURE_MODE);
		assertThat(FigureParameters.dimension("Supplier")).isEqualTo(FailureDimension.SUPPLIER);
		assertThat(FigureParameters.code(FailureDimension.DATE_CODE)).isEqualTo("date-code");
		for (String unknown : new String[] { "colour", "", null }) {
			assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> FigureParameters.dimension(unknown))
				.satisfies(ex -> assertThat(ex.violations().get(0).field()).isEqualTo("by"));
		}
	}

}
