package com.tracecase.metrics.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value computed at most once per period, so that every meter of one query and every
 * scrape within the period share one database round trip.
 */
final class Cached<T> implements Supplier<T> {

	private final Supplier<T> loader;

	private final Duration period;

	private final Clock clock;

	private T value;

	private Instant loadedAt;

	Cached(Supplier<T> loader, Duration period, Clock clock) {
		this.loader = loader;
		this.period = period;
		this.clock = clock;
	}

	@Override
	public synchronized T get() {
		Instant now = clock.instant();
		// a clock set back (by time synchronisation, or a test) must not keep an old
		// value
		// until it catches up again
		if (value == null || now.isBefore(loadedAt) || !now.isBefore(loadedAt.plus(period))) {
			value = loader.get();
			loadedAt = now;
		}
		return value;
	}

}
