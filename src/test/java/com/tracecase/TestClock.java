package com.tracecase;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system clock until a test sets a time, then that
 * time for Tracecase and the process engine alike, until {@link #reset()}.
 */
public final class TestClock extends Clock {

	private volatile Instant fixed;

	/** Sets the time of Tracecase and the engine. */
	public void set(Instant instant) {
		fixed = instant;
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	/** Back to the system clock. */
	public void reset() {
		fixed = null;
		ClockUtil.reset();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		TestClock source = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}

			@Override
			public Instant instant() {
				return source.instant();
			}

		};
	}

	@Override
	public Instant instant() {
		Instant instant = fixed;
		return instant != null ? instant : Instant.now();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
