package com.tracecase.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.tracecase.shared.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. Each round claims a batch of due messages in one short statement
 * ({@code FOR UPDATE SKIP LOCKED}, so senders on other nodes claim other messages), sends
 * them outside any transaction, and records each outcome: sent, retried later with
 * exponential backoff, or failed.
 * <p>
 * A claim is a lease. A sender that dies mid-batch leaves its messages claimed until the
 * lease runs out; then another sender takes them over. The lease must therefore outlast
 * the SMTP timeouts, or a slow mail could be sent twice.
 */
public class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	/** Rounds per call, so one call cannot run forever on a flooded outbox. */
	private static final int MAX_ROUNDS = 20;

	private final Outbox outbox;

	private final SmtpMailer mailer;

	private final NotificationProperties.Sender settings;

	private final Clock clock;

	public OutboxSender(Outbox outbox, SmtpMailer mailer, NotificationProperties.Sender settings, Clock clock) {
		this.outbox = outbox;
		this.mailer = mailer;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Sends what is due, batch after batch, until a batch comes back short.
	 * @return how many messages were attempted
	 */
	public int sendDue() {
		int attempted = 0;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			String claimToken = UUID.randomUUID().toString();
			List<Outbox.ClaimedMessage> batch = outbox.claim(claimToken, settings.batchSize(), clock.instant(),
					settings.lease());
			batch.forEach(message -> deliver(message, claimToken));
			attempted += batch.size();
			if (batch.size() < settings.batchSize()) {
				break;
			}
		}
		return attempted;
	}

	private void deliver(Outbox.ClaimedMessage message, String claimToken) {
		boolean recorded;
		try {
			mailer.send(message.id(), message.recipient(), message.mail());
			recorded = outbox.markSent(message.id(), claimToken, clock.instant());
		}
		catch (SmtpMailer.DeliveryException ex) {
			recorded = recordFailure(message, claimToken, ex.getMessage(), ex.isPermanent());
		}
		catch (RuntimeException ex) {
			recorded = recordFailure(message, claimToken, ex.getClass().getSimpleName() + ": " + ex.getMessage(),
					false);
		}
		if (!recorded) {
			log.warn("The claim on message {} ran out before it was recorded; another sender has it now. Raise "
					+ "tracecase.mail.sender.lease above the SMTP timeouts.", message.id());
		}
	}

	private boolean recordFailure(Outbox.ClaimedMessage message, String claimToken, String error, boolean permanent) {
		Instant now = clock.instant();
		if (permanent || message.attempts() >= settings.maxAttempts()) {
			log.warn("Message {} to {} failed {}after {} attempt(s): {}", message.id(),
					Addresses.masked(message.recipient()), permanent ? "permanently " : "", message.attempts(),
					Addresses.maskedIn(error));
			return outbox.markFailed(message.id(), claimToken, now, error);
		}
		Instant next = now.plus(settings.backoff(message.attempts()));
		log.info("Message {} to {} not sent (attempt {} of {}), retrying at {}: {}", message.id(),
				Addresses.masked(message.recipient()), message.attempts(), settings.maxAttempts(), next,
				Addresses.maskedIn(error));
		return outbox.scheduleRetry(message.id(), claimToken, next, error);
	}

}
