package com.tracecase.notification;

import java.time.Instant;

/**
 * One outbox message: one mail to one address, and how its delivery went.
 *
 * @param id the message id
 * @param deduplicationKey the key of the request that wrote it
 * @param template the mail template
 * @param caseNumber the case it is about, may be {@literal null}
 * @param recipient the address
 * @param subject the rendered subject
 * @param status the delivery status
 * @param attempts how often sending was attempted
 * @param lastError the last failure, may be {@literal null}
 * @param createdAt when it was enqueued
 * @param nextAttemptAt when a pending message is due
 * @param lastAttemptAt when sending was last attempted, may be {@literal null}
 * @param sentAt when the SMTP server accepted it, may be {@literal null}
 * @param failedAt when it was given up, may be {@literal null}
 */
public record NotificationMessage(long id, String deduplicationKey, MailTemplate template, String caseNumber,
		String recipient, String subject, DeliveryStatus status, int attempts, String lastError, Instant createdAt,
		Instant nextAttemptAt, Instant lastAttemptAt, Instant sentAt, Instant failedAt) {
}
