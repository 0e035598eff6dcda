package com.tracecase.metrics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachedTests {

	Instant now = Instant.parse("2031-03-03T09:00:00Z");

	final Clock clock = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	};

	@Test
	void aFigureIsComputedOncePerPeriodHoweverOftenItIsRead() {
		AtomicInteger queries = new AtomicInteger();
		Cached<Integer> figure = new Cached<>(queries::incrementAndGet, Duration.ofSeconds(15), clock);
		Instant start = now;

		assertThat(figure.get()).isEqualTo(1);
		now = start.plusSeconds(14);
		assertThat(figure.get()).isEqualTo(1);
		now = start.plusSeconds(15);
		assertThat(figure.get()).isEqualTo(2);
		assertThat(queries).hasValue(2);
	}

	@Test
	void aClockSetBackComputesTheFigureAgain() {
		AtomicInteger queries = new AtomicInteger();
		Cached<Integer> figure = new Cached<>(queries::incrementAndGet, Duration.ofSeconds(15), clock);
		Instant start = now;

		// read while the clock stood weeks ahead (time synchronisation, a test clock)
		now = start.plus(Duration.ofDays(17));
		assertThat(figure.get()).isEqualTo(1);
		now = start;
		assertThat(figure.get()).isEqualTo(2);
	}

}
