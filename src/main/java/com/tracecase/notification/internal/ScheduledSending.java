package com.tracecase.notification.internal;

import com.tracecase.shared.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox sender every {@code tracecase.mail.sender.interval}, on every node
 * unless {@code tracecase.mail.sender.enabled} is {@code false}.
 */
@Component
@ConditionalOnProperty(prefix = "tracecase.mail.sender", name = "enabled", matchIfMissing = true)
class ScheduledSending implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ScheduledSending.class);

	private final OutboxSender sender;

	private final NotificationProperties properties;

	ScheduledSending(OutboxSender sender, NotificationProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::sendDue, properties.sender().interval());
	}

	private void sendDue() {
		try {
			sender.sendDue();
		}
		catch (RuntimeException ex) {
			// typically the database is unreachable; the next round tries again
			log.warn("Sending the outbox failed: {}", Addresses.maskedIn(ex.toString()));
		}
	}

}
