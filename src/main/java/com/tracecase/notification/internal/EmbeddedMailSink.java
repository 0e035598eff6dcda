package com.tracecase.notification.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server on 127.0.0.1 that keeps every mail in memory, for runs without a real
 * SMTP server (GreenMail). Like a real server it refuses recipients in the reserved
 * {@code .invalid} top-level domain (RFC 2606) with a permanent error, so failed
 * deliveries can be tried out.
 * <p>
 * The mails are gone when it stops.
 */
public class EmbeddedMailSink {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMailSink.class);

	private static final String BIND_ADDRESS = "127.0.0.1";

	private final int port;

	private final GreenMail greenMail;

	/**
	 * @param port the port, {@code 0} for a free one (kept across restarts)
	 */
	public EmbeddedMailSink(int port) {
		this.port = (port > 0) ? port : freePort();
		this.greenMail = new SinkServer(new ServerSetup(this.port, BIND_ADDRESS, ServerSetup.PROTOCOL_SMTP));
	}

	public String host() {
		return BIND_ADDRESS;
	}

	public int port() {
		return port;
	}

	public synchronized void start() {
		if (!greenMail.isRunning()) {
			greenMail.start();
			log.info("Embedded SMTP sink listening on {}:{}; received mails are shown at /mail", BIND_ADDRESS, port);
		}
	}

	/** Stops listening; the mails received so far are dropped. */
	public synchronized void stop() {
		if (greenMail.isRunning()) {
			greenMail.stop();
		}
	}

	public boolean isRunning() {
		return greenMail.isRunning();
	}

	/**
	 * @return the mails received since the last start, newest first
	 */
	public List<ReceivedMail> received() {
		MimeMessage[] messages = greenMail.getReceivedMessages();
		List<ReceivedMail> mails = new ArrayList<>(messages.length);
		for (int i = 0; i < messages.length; i++) {
			mails.add(read(i + 1, messages[i]));
		}
		Collections.reverse(mails);
		return mails;
	}

	private static ReceivedMail read(int number, MimeMessage message) {
		try {
			Instant date = (message.getSentDate() != null) ? message.getSentDate().toInstant() : null;
			String from = addresses(message.getFrom()).stream().findFirst().orElse("");
			Bodies bodies = new Bodies();
			bodies.collect(message);
			return new ReceivedMail(number, message.getMessageID(), date, from,
					addresses(message.getRecipients(Message.RecipientType.TO)), message.getSubject(), bodies.text,
					bodies.html);
		}
		catch (MessagingException | IOException ex) {
			return new ReceivedMail(number, null, null, "", List.of(), "(unreadable: " + ex.getMessage() + ")", "",
					null);
		}
	}

	private static List<String> addresses(Address[] addresses) {
		return (addresses != null) ? Arrays.stream(addresses).map(Address::toString).toList() : List.of();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(BIND_ADDRESS))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded SMTP sink", ex);
		}
	}

	/**
	 * A mail as received.
	 *
	 * @param number its position in arrival order, from 1
	 * @param messageId the Message-ID header
	 * @param date the Date header, may be {@literal null}
	 * @param from the sender
	 * @param to the recipients
	 * @param subject the subject
	 * @param text the plain-text body, may be empty
	 * @param html the HTML body, may be {@literal null}
	 */
	public record ReceivedMail(int number, String messageId, Instant date, String from, List<String> to, String subject,
			String text, String html) {
	}

	private static final class Bodies {

		String text = "";

		String html;

		void collect(Part part) throws MessagingException, IOException {
			if (part.isMimeType("text/plain") && text.isEmpty()) {
				text = String.valueOf(part.getContent());
			}
			else if (part.isMimeType("text/html") && html == null) {
				html = String.valueOf(part.getContent());
			}
			else if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					collect(body);
				}
			}
		}

	}

	/** GreenMail with SMTP only, refusing {@code .invalid} recipients. */
	private static final class SinkServer extends GreenMail {

		SinkServer(ServerSetup setup) {
			super(setup);
		}

		@Override
		protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
			return Map.of(ServerSetup.PROTOCOL_SMTP, new SmtpServer(config[0], managers) {

				@Override
				protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
					return new SmtpHandler(new SmtpCommandRegistry(), new RefusingSmtpManager(managers), clientSocket);
				}

			});
		}

	}

	private static final class RefusingSmtpManager extends SmtpManager {

		RefusingSmtpManager(Managers managers) {
			super(managers.getImapHostManager(), managers.getUserManager());
		}

		@Override
		public String checkRecipient(SmtpState state, MailAddress recipient) {
			if (recipient.getHost().toLowerCase().endsWith(".invalid")) {
				return "550 5.1.2 " + recipient.getEmail() + ": the domain does not exist";
			}
			return super.checkRecipient(state, recipient);
		}

	}

}
