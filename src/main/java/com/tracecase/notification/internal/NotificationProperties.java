package com.tracecase.notification.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Mail settings ({@code tracecase.mail.*}, fed by the {@code TRACECASE_SMTP_*} and
 * {@code TRACECASE_MAIL_*} environment variables).
 *
 * @param from the sender address, optionally with a name ({@code Tracecase <x@y>})
 * @param smtp the SMTP server; without a host the embedded sink receives all mail
 * @param distributionLists per group id, addresses (comma separated) that receive the
 * group's mails besides its members
 * @param sender how the outbox is delivered
 * @param sink the embedded SMTP sink used when no SMTP host is set
 */
@ConfigurationProperties("tracecase.mail")
public record NotificationProperties(@DefaultValue("Tracecase <tracecase@tracecase.example>") String from,
		@DefaultValue Smtp smtp, Map<String, String> distributionLists, @DefaultValue Sender sender,
		@DefaultValue Sink sink) {

	public NotificationProperties {
		distributionLists = (distributionLists != null) ? Map.copyOf(distributionLists) : Map.of();
	}

	/**
	 * @param host the SMTP host; blank means the embedded sink
	 * @param port the port; {@literal null} means 25, 587 or 465 depending on TLS
	 * @param tls how the connection is secured
	 * @param user the user to authenticate as; blank means no authentication
	 * @param password the password
	 * @param connectionTimeout how long to wait for a connection
	 * @param timeout how long to wait for the server on an open connection
	 */
	public record Smtp(String host, Integer port, @DefaultValue("none") Tls tls, String user, String password,
			@DefaultValue("10s") Duration connectionTimeout, @DefaultValue("30s") Duration timeout) {

		public boolean isConfigured() {
			return StringUtils.hasText(host);
		}

		public int effectivePort() {
			if (port != null && port > 0) {
				return port;
			}
			return switch (tls) {
				case NONE -> 25;
				case STARTTLS -> 587;
				case SSL -> 465;
			};
		}

	}

	/** How the SMTP connection is secured. */
	public enum Tls {

		/** Plain SMTP. */
		NONE,

		/** Plain connection upgraded with STARTTLS, which is required. */
		STARTTLS,

		/** TLS from the first byte (SMTPS). */
		SSL

	}

	/**
	 * @param enabled whether this node sends; web-only nodes may turn it off
	 * @param interval the pause between two polls of the outbox
	 * @param batchSize how many messages one poll claims
	 * @param maxAttempts attempts before a message is marked failed
	 * @param initialBackoff the wait after the first failed attempt; it doubles with each
	 * further attempt
	 * @param maxBackoff the longest wait between attempts
	 * @param lease how long a claim holds; a message whose sender died is claimed again
	 * after it. Must be well above the SMTP timeouts.
	 */
	public record Sender(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration interval,
			@DefaultValue("50") int batchSize, @DefaultValue("8") int maxAttempts,
			@DefaultValue("30s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
			@DefaultValue("5m") Duration lease) {

		/**
		 * @param attempts the attempts made so far, at least 1
		 * @return the wait before the next attempt
		 */
		public Duration backoff(int attempts) {
			Duration delay = initialBackoff;
			for (int i = 1; i < attempts && delay.compareTo(maxBackoff) < 0; i++) {
				delay = delay.multipliedBy(2);
			}
			return (delay.compareTo(maxBackoff) > 0) ? maxBackoff : delay;
		}

	}

	/**
	 * @param port the port of the embedded SMTP sink (on 127.0.0.1); 0 picks a free one
	 */
	public record Sink(@DefaultValue("0") int port) {
	}

}
