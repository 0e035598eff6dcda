package com.tracecase.notification.internal;

import java.time.Duration;

import javax.activation.CommandMap;
import javax.activation.MailcapCommandMap;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.Session;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import com.sun.mail.smtp.SMTPAddressFailedException;
import org.apache.commons.mail.EmailException;
import org.apache.commons.mail.HtmlEmail;

import org.springframework.util.StringUtils;

/**
 * Sends one mail over SMTP with Apache Commons Email: HTML with a plain-text alternative.
 * <p>
 * Commons Email 1.6 is built on {@code javax.mail}. Any other mail implementation on the
 * class path (Jakarta Mail 2 reads provider and mailcap files of the same names) would
 * compete for those files, so this class names its transport and its content handlers
 * explicitly instead of trusting whichever file comes first on the class path.
 */
public class SmtpMailer {

	static {
		if (CommandMap.getDefaultCommandMap() instanceof MailcapCommandMap mailcap) {
			// programmatic entries win over every META-INF/mailcap on the class path
			mailcap.addMailcap("text/plain;; x-java-content-handler=com.sun.mail.handlers.text_plain");
			mailcap.addMailcap("text/html;; x-java-content-handler=com.sun.mail.handlers.text_html");
			mailcap.addMailcap("text/xml;; x-java-content-handler=com.sun.mail.handlers.text_xml");
			mailcap.addMailcap("multipart/*;; x-java-content-handler=com.sun.mail.handlers.multipart_mixed");
			mailcap.addMailcap("message/rfc822;; x-java-content-handler=com.sun.mail.handlers.message_rfc822");
		}
	}

	private final Target target;

	private final InternetAddress from;

	private volatile Session session;

	/**
	 * @param target the SMTP server, must not be {@literal null}
	 * @param from the sender, optionally with a name, must not be {@literal null}
	 * @throws IllegalArgumentException when the sender is not an address
	 */
	public SmtpMailer(Target target, String from) {
		this.target = target;
		try {
			this.from = new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("The sender address '" + from + "' (TRACECASE_MAIL_FROM) is invalid",
					ex);
		}
	}

	public Target target() {
		return target;
	}

	/**
	 * Sends a mail.
	 * @param messageId the outbox message, recorded in a header
	 * @param recipient the address
	 * @param mail the content
	 * @return the Message-ID of the sent mail
	 * @throws DeliveryException when it was not accepted
	 */
	public String send(long messageId, String recipient, RenderedMail mail) throws DeliveryException {
		try {
			HtmlEmail email = new HtmlEmail();
			email.setCharset("UTF-8");
			email.setMailSession(session());
			email.setFromAddress(from);
			email.addTo(recipient);
			email.setSubject(mail.subject());
			email.setHtmlMsg(mail.html());
			email.setTextMsg(mail.text());
			email.addHeader("X-Tracecase-Message", String.valueOf(messageId));
			return email.send();
		}
		catch (EmailException ex) {
			throw new DeliveryException(describe(ex), isPermanent(ex), ex);
		}
	}

	/**
	 * The mail session of the target, made once: a new session per mail reads the mail
	 * provider files from the class path each time, which cost more than the mail itself.
	 * A session is safe to share between threads; each send opens its own connection.
	 */
	private Session session() throws EmailException {
		Session made = this.session;
		if (made == null) {
			synchronized (this) {
				made = this.session;
				if (made == null) {
					made = newSession();
					this.session = made;
				}
			}
		}
		return made;
	}

	private Session newSession() throws EmailException {
		HtmlEmail settings = new HtmlEmail();
		settings.setHostName(target.host());
		switch (target.tls()) {
			case NONE -> settings.setSmtpPort(target.port());
			case STARTTLS -> {
				settings.setSmtpPort(target.port());
				settings.setStartTLSEnabled(true);
				settings.setStartTLSRequired(true);
			}
			case SSL -> {
				settings.setSSLOnConnect(true);
				settings.setSslSmtpPort(String.valueOf(target.port()));
			}
		}
		settings.setSSLCheckServerIdentity(target.tls() != NotificationProperties.Tls.NONE);
		if (StringUtils.hasText(target.user())) {
			settings.setAuthentication(target.user(), target.password());
		}
		settings.setSocketConnectionTimeout(target.connectionTimeout());
		settings.setSocketTimeout(target.timeout());
		Session made = settings.getMailSession();
		made.getProperties().setProperty("mail.smtp.class", "com.sun.mail.smtp.SMTPTransport");
		made.getProperties().setProperty("mail.smtps.class", "com.sun.mail.smtp.SMTPSSLTransport");
		return made;
	}

	/**
	 * A failure is permanent when sending again cannot help: the address is malformed, or
	 * the server refused the recipient with a 5xx reply. Everything else (no connection,
	 * timeouts, 4xx replies, authentication) may pass and is retried.
	 */
	static boolean isPermanent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof AddressException) {
				return true;
			}
			if (cause instanceof SMTPAddressFailedException refused) {
				return refused.getReturnCode() >= 500;
			}
		}
		return false;
	}

	private static Throwable next(Throwable failure) {
		if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
			return messaging.getNextException();
		}
		return (failure.getCause() != failure) ? failure.getCause() : null;
	}

	/**
	 * The failure in words for the people who read it on the case page and the mail list:
	 * what the server answered when it refused the address, a malformed address, no
	 * connection; otherwise the chain of causes.
	 */
	static String describe(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof SMTPAddressFailedException refused) {
				return shortened("The mail server refused the address: " + refused.getMessage());
			}
			if (cause instanceof AddressException malformed) {
				return shortened("Not a valid email address: " + malformed.getMessage() + " (AddressException)");
			}
			if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
				return shortened("Could not connect to the mail server: " + cause.getMessage());
			}
		}
		return causes(failure);
	}

	private static String shortened(String text) {
		String plain = text.replaceAll("\\s+", " ").strip();
		return (plain.length() > 2000) ? plain.substring(0, 2000) : plain;
	}

	private static String causes(Throwable failure) {
		StringBuilder description = new StringBuilder();
		for (Throwable cause = failure; cause != null && description.length() < 2000; cause = next(cause)) {
			if (cause instanceof SendFailedException && cause.getMessage() != null
					&& cause.getMessage().startsWith("Invalid Addresses")) {
				continue;
			}
			if (!description.isEmpty()) {
				description.append(" <- ");
			}
			description.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
		}
		return shortened(description.toString());
	}

	/**
	 * Where mail goes.
	 *
	 * @param host the SMTP host
	 * @param port its port
	 * @param tls how the connection is secured
	 * @param user the user to authenticate as, blank for none
	 * @param password the password
	 * @param connectionTimeout how long to wait for a connection
	 * @param timeout how long to wait for a reply
	 */
	public record Target(String host, int port, NotificationProperties.Tls tls, String user, String password,
			Duration connectionTimeout, Duration timeout) {

		@Override
		public String toString() {
			return host + ":" + port + " (" + tls.name().toLowerCase() + ")";
		}

	}

	/**
	 * A mail the SMTP server did not accept.
	 */
	public static class DeliveryException extends Exception {

		private final boolean permanent;

		DeliveryException(String message, boolean permanent, Throwable cause) {
			super(message, cause);
			this.permanent = permanent;
		}

		/**
		 * @return whether sending again cannot help
		 */
		public boolean isPermanent() {
			return permanent;
		}

	}

}
