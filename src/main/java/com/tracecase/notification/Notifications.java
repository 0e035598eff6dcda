package com.tracecase.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.tracecase.notification.internal.MailRenderer;
import com.tracecase.notification.internal.Outbox;
import com.tracecase.notification.internal.RecipientResolver;
import com.tracecase.notification.internal.RenderedMail;
import com.tracecase.shared.Addresses;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.TextInput;
import com.tracecase.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The notification API: asks for mails and answers how their delivery went.
 * <p>
 * A mail asked for is written to the outbox in the caller's transaction and sent after it
 * commits by the outbox sender, with retries. A rolled-back step therefore sends nothing,
 * and a committed one is never lost.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final MailRenderer renderer;

	private final RecipientResolver recipients;

	private final Outbox outbox;

	private final Clock clock;

	Notifications(MailRenderer renderer, RecipientResolver recipients, Outbox outbox, Clock clock) {
		this.renderer = renderer;
		this.recipients = recipients;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Writes one outbox message per recipient address, in the caller's transaction (or a
	 * new one). Groups are resolved to their members' addresses and their distribution
	 * list now, so the message records the address it goes to. A group without any
	 * address is recorded as a failed message, so that the gap is visible.
	 * <p>
	 * Idempotent per key: when a notification with the key exists, nothing is written.
	 * @param template the mail, must not be {@literal null}
	 * @param to the recipients, must not be {@literal null} or empty
	 * @param model the template values; {@code caseNumber} is required (a containment of
	 * a lot on its own names {@code suspectLots} instead, a supplier mail the action's
	 * {@code reference}, under which its mails are then listed by {@link #mailsOf}), see
	 * {@code docs/notifications.md} for the others
	 * @param deduplicationKey identifies this request, e.g.
	 * {@code FC-2026-000001:QC_NOTIFIED}; must not be blank, at most 200 characters
	 * @throws IllegalArgumentException when an argument is missing
	 */
	@Transactional
	public void enqueue(MailTemplate template, List<Recipient> to, Map<String, Object> model, String deduplicationKey) {
		Assert.notNull(template, "The template must not be null");
		Assert.notEmpty(to, "At least one recipient is required");
		Assert.notNull(model, "The model must not be null");
		Assert.hasText(deduplicationKey, "The deduplication key must not be blank");
		Assert.isTrue(deduplicationKey.length() <= 200, "The deduplication key must not exceed 200 characters");
		RenderedMail mail = renderer.render(template, model);
		Instant now = clock.instant();
		// a supplier mail is listed under its corrective action's reference
		Object caseNumber = template.isSupplierFacing() ? model.get("reference") : model.get("caseNumber");
		Optional<Long> notification = outbox.insertNotification(deduplicationKey, template,
				caseNumber == null ? null : caseNumber.toString(), mail, now);
		if (notification.isEmpty()) {
			log.debug("Notification {} was enqueued before; nothing written", deduplicationKey);
			return;
		}
		RecipientResolver.Resolution resolution = recipients.resolve(to);
		for (String address : resolution.addresses()) {
			outbox.insertMessage(notification.get(), address, resolution.groupOf(address), now);
		}
		for (String group : resolution.emptyGroups()) {
			log.warn("{} mail {} for group '{}': the group has no member with an email address and no "
					+ "distribution list", template, deduplicationKey, group);
			outbox.insertFailedMessage(notification.get(), group,
					"The group '" + group + "' has no member with an email address and no distribution list.", now);
		}
	}

	/**
	 * @param deduplicationKey the key given to {@link #enqueue}
	 * @return the messages written for it, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<NotificationMessage> messagesFor(String deduplicationKey) {
		return outbox.findByDeduplicationKey(deduplicationKey);
	}

	/**
	 * The mails sent about a case, for the people working it.
	 * @param caseNumber the case, must not be {@literal null}
	 * @return one entry per recipient address, oldest first, never {@literal null}
	 * @throws InvalidInputException when the case number is longer than a case number or
	 * has control characters
	 */
	@Transactional(readOnly = true)
	public List<CaseMail> mailsOf(String caseNumber) {
		Assert.notNull(caseNumber, "The case number must not be null");
		TextInput.check("caseNumber", "The case number", caseNumber, 32, false);
		return outbox.findByCase(caseNumber);
	}

	/**
	 * @param status the status, or {@literal null} for any
	 * @param caseNumber the case, or {@literal null} for any
	 * @throws InvalidInputException when the case number is longer than a case number or
	 * has control characters
	 * @param limit the most messages to return
	 * @return the newest messages first, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<NotificationMessage> messages(DeliveryStatus status, String caseNumber, int limit) {
		TextInput.check("caseNumber", "The case number", caseNumber, 32, false);
		return outbox.find(status, caseNumber, Math.max(1, Math.min(limit, 1000)));
	}

	/**
	 * @throws NotFoundException when there is no such message
	 */
	@Transactional(readOnly = true)
	public NotificationMessage message(long id) {
		return outbox.find(id).orElseThrow(() -> new NotFoundException("Notification message", String.valueOf(id)));
	}

	/**
	 * Queues a failed message again, with a fresh set of attempts.
	 * @return the message as it is now, never {@literal null}
	 * @throws NotFoundException when there is no such message
	 * @throws InvalidInputException when the message has not failed
	 */
	@Transactional
	public NotificationMessage retry(long id) {
		NotificationMessage message = message(id);
		if (!outbox.retry(id, clock.instant())) {
			throw new InvalidInputException("status",
					"Only failed messages can be retried; message " + id + " is " + message.status() + ".");
		}
		log.info("Message {} to {} queued again by an administrator", id, Addresses.masked(message.recipient()));
		return message(id);
	}

}
