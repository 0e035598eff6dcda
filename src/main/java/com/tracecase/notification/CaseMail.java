package com.tracecase.notification;

import java.time.Instant;

/**
 * One mail about a case to one address, and how its delivery went.
 *
 * @param template which mail
 * @param subject the subject as sent
 * @param recipientKind who it went to
 * @param group the work group, for {@link RecipientKind#GROUP}
 * @param address the address, {@literal null} for a group that has none
 * @param status where its delivery stands
 * @param attempts how often sending was attempted
 * @param lastError the last failure, may be {@literal null}
 * @param createdAt when the case's step asked for it
 * @param nextAttemptAt when a waiting mail is due
 * @param sentAt when the SMTP server accepted it, may be {@literal null}
 * @param failedAt when it was given up, may be {@literal null}
 */
public record CaseMail(MailTemplate template, String subject, RecipientKind recipientKind, String group, String address,
		DeliveryStatus status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
		Instant failedAt) {

	/**
	 * @return whether an attempt failed and another one is due
	 */
	public boolean waitingToRetry() {
		return status == DeliveryStatus.PENDING && attempts > 0;
	}

}
