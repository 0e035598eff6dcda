package com.tracecase.notification.internal;

import com.tracecase.notification.DeliveryStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Gauges {@code tracecase.notifications{status=pending|failed}}: messages waiting to be
 * sent (or being sent) and messages given up. Failed messages need an administrator.
 */
@Component
class NotificationMetrics implements MeterBinder {

	static final String NAME = "tracecase.notifications";

	private final Outbox outbox;

	NotificationMetrics(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(NAME, outbox, o -> count(o, DeliveryStatus.PENDING, DeliveryStatus.SENDING))
			.tag("status", "pending")
			.description("Outbox messages waiting to be sent or being sent")
			.register(registry);
		Gauge.builder(NAME, outbox, o -> count(o, DeliveryStatus.FAILED))
			.tag("status", "failed")
			.description("Outbox messages given up after their last attempt")
			.register(registry);
	}

	private static double count(Outbox outbox, DeliveryStatus... statuses) {
		try {
			return outbox.count(statuses);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
