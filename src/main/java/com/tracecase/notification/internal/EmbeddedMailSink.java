package com.tracecase.notification.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Address;
import javax.mail.BodyPart;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo run's mail server: a small SMTP server on 127.0.0.1 that keeps every mail in
 * memory, for runs without a real SMTP server ({@code TRACECASE_SMTP_HOST} unset); the
 * mails are shown at {@code /mail}. The tests deliver to it too.
 * <p>
 * It speaks the part of SMTP (RFC 5321) a mail client needs to hand over a mail: no TLS,
 * no authentication, no relaying. Like a real server it refuses recipients in the
 * reserved {@code .invalid} top-level domain (RFC 2606) with a permanent error, so failed
 * deliveries can be tried out. It is a few classes of the product's own, not a test
 * server shipped as a dependency, and it never logs an address.
 * <p>
 * The mails are gone when it stops.
 */
public class EmbeddedMailSink {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMailSink.class);

	/**
	 * Parses the received mails; made once, as a session reads provider files when made.
	 */
	private static final Session PARSING = Session.getInstance(new Properties());

	private static final String BIND_ADDRESS = "127.0.0.1";

	/** The longest mail it takes; Tracecase's mails are a few kilobytes. */
	private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

	/**
	 * The longest line taken (RFC 5321 allows 512 octets for a command and 1000 for a
	 * line of text; this is lenient).
	 */
	private static final int MAX_LINE_BYTES = 64 * 1024;

	private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);

	private static final Pattern PATH = Pattern.compile("^(?i)(?:MAIL FROM|RCPT TO):\\s*<([^>]*)>.*$");

	private final int port;

	/**
	 * The newest mails kept: a demo that runs for weeks, or an intake benchmark of ten
	 * thousand cases, must not fill the heap with mails nobody reads.
	 */
	static final int KEPT = 2_000;

	private final int kept;

	private final Deque<ReceivedMail> received = new ArrayDeque<>();

	private final AtomicInteger numbers = new AtomicInteger();

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private ServerSocket server;

	private ExecutorService workers;

	private Thread acceptor;

	/**
	 * @param port the port, {@code 0} for a free one (kept across restarts)
	 */
	public EmbeddedMailSink(int port) {
		this(port, KEPT);
	}

	EmbeddedMailSink(int port, int kept) {
		this.port = (port > 0) ? port : freePort();
		this.kept = kept;
	}

	public String host() {
		return BIND_ADDRESS;
	}

	public int port() {
		return port;
	}

	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getByName(BIND_ADDRESS), port), 50);
			server = socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded SMTP sink cannot listen on " + BIND_ADDRESS + ":" + port, ex);
		}
		AtomicInteger threads = new AtomicInteger();
		workers = Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "mail-sink-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		ServerSocket listening = server;
		ExecutorService pool = workers;
		acceptor = new Thread(() -> accept(listening, pool), "mail-sink-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
		log.info("Embedded SMTP sink listening on {}:{}; received mails are shown at /mail", BIND_ADDRESS, port);
	}

	/** Stops listening, drops open connections and the mails received so far. */
	public synchronized void stop() {
		if (server == null) {
			return;
		}
		closeQuietly(server);
		server = null;
		// the port is closed only once the thread blocked in accept() has left it
		try {
			acceptor.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		acceptor = null;
		connections.forEach(EmbeddedMailSink::closeQuietly);
		connections.clear();
		workers.shutdownNow();
		workers = null;
		synchronized (received) {
			received.clear();
			numbers.set(0);
		}
	}

	public synchronized boolean isRunning() {
		return server != null && !server.isClosed();
	}

	/**
	 * @return how many mails were received since the last start, the dropped ones
	 * included
	 */
	public int receivedCount() {
		return numbers.get();
	}

	/**
	 * @return the mails received since the last start, newest first; only the newest
	 * {@value #KEPT} are kept (as many as the sink was made to keep)
	 */
	public List<ReceivedMail> received() {
		List<ReceivedMail> mails;
		synchronized (received) {
			mails = new ArrayList<>(received);
		}
		Collections.reverse(mails);
		return mails;
	}

	private void accept(ServerSocket listening, ExecutorService pool) {
		while (!listening.isClosed()) {
			Socket client;
			try {
				client = listening.accept();
			}
			catch (IOException ex) {
				// closed by stop(): nothing more to accept
				continue;
			}
			connections.add(client);
			try {
				pool.execute(() -> serve(client));
			}
			catch (RejectedExecutionException ex) {
				// stopping
				connections.remove(client);
				closeQuietly(client);
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			client.setSoTimeout((int) IDLE_TIMEOUT.toMillis());
			new Conversation(new BufferedInputStream(client.getInputStream()),
					new BufferedOutputStream(client.getOutputStream()))
				.run();
		}
		catch (IOException ex) {
			// the client went away or the sink stopped: the mail was not accepted
		}
		finally {
			connections.remove(client);
		}
	}

	private void keep(byte[] content) {
		synchronized (received) {
			received.add(read(numbers.incrementAndGet(), content));
			if (received.size() > kept) {
				received.removeFirst();
			}
		}
	}

	private static ReceivedMail read(int number, byte[] content) {
		try {
			MimeMessage message = new MimeMessage(PARSING, new ByteArrayInputStream(content));
			Instant date = (message.getSentDate() != null) ? message.getSentDate().toInstant() : null;
			String from = addresses(message.getFrom()).stream().findFirst().orElse("");
			Bodies bodies = new Bodies();
			bodies.collect(message);
			return new ReceivedMail(number, message.getMessageID(), date, from,
					addresses(message.getRecipients(Message.RecipientType.TO)), message.getSubject(), bodies.text,
					bodies.html);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
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

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	/**
	 * Whether a mail to this address is refused: the reserved {@code .invalid} top-level
	 * domain never exists.
	 */
	static boolean refuses(String address) {
		int at = address.lastIndexOf('@');
		String domain = (at >= 0) ? address.substring(at + 1) : "";
		return domain.toLowerCase(Locale.ROOT).endsWith(".invalid");
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

	/** One SMTP session: greeting, commands, one or more mails, QUIT. */
	private final class Conversation {

		private final InputStream in;

		private final OutputStream out;

		private boolean mailFrom;

		private final List<String> recipients = new ArrayList<>();

		Conversation(InputStream in, OutputStream out) {
			this.in = in;
			this.out = out;
		}

		void run() throws IOException {
			reply("220 " + BIND_ADDRESS + " Tracecase mail sink ready");
			String line;
			while ((line = readLine()) != null) {
				String verb = verb(line);
				switch (verb) {
					case "EHLO" -> reply("250-" + BIND_ADDRESS + " greets " + argument(line), "250-8BITMIME",
							"250 SIZE " + MAX_MESSAGE_BYTES);
					case "HELO" -> reply("250 " + BIND_ADDRESS);
					case "MAIL" -> mail(line);
					case "RCPT" -> recipient(line);
					case "DATA" -> data();
					case "RSET" -> {
						reset();
						reply("250 2.0.0 OK");
					}
					case "NOOP" -> reply("250 2.0.0 OK");
					case "VRFY" -> reply("252 2.1.5 Cannot verify, send some mail");
					case "QUIT" -> {
						reply("221 2.0.0 Bye");
						return;
					}
					default -> reply("502 5.5.1 Command not implemented");
				}
			}
		}

		private void mail(String line) throws IOException {
			if (path(line) == null) {
				reply("501 5.5.4 Syntax: MAIL FROM:<address>");
				return;
			}
			reset();
			mailFrom = true;
			reply("250 2.1.0 OK");
		}

		private void recipient(String line) throws IOException {
			String address = path(line);
			if (!mailFrom) {
				reply("503 5.5.1 MAIL first");
			}
			else if (address == null || address.isBlank()) {
				reply("501 5.5.4 Syntax: RCPT TO:<address>");
			}
			else if (refuses(address)) {
				reply("550 5.1.2 " + address + ": the domain does not exist");
			}
			else {
				recipients.add(address);
				reply("250 2.1.5 OK");
			}
		}

		private void data() throws IOException {
			if (!mailFrom || recipients.isEmpty()) {
				reply("503 5.5.1 RCPT first");
				return;
			}
			reply("354 End data with <CR><LF>.<CR><LF>");
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			boolean tooLarge = false;
			byte[] line;
			while ((line = readRawLine()) != null) {
				if (line.length == 1 && line[0] == '.') {
					break;
				}
				int start = (line.length > 0 && line[0] == '.') ? 1 : 0;
				if (content.size() + line.length + 2 > MAX_MESSAGE_BYTES) {
					tooLarge = true;
					continue;
				}
				content.write(line, start, line.length - start);
				content.write('\r');
				content.write('\n');
			}
			if (line == null) {
				throw new IOException("The client closed the connection during DATA");
			}
			if (tooLarge) {
				reply("552 5.3.4 Message too big");
			}
			else {
				keep(content.toByteArray());
				reply("250 2.0.0 OK: queued");
			}
			reset();
		}

		private void reset() {
			mailFrom = false;
			recipients.clear();
		}

		private String path(String line) {
			Matcher matcher = PATH.matcher(line);
			return matcher.matches() ? matcher.group(1).strip() : null;
		}

		private String verb(String line) {
			int space = line.indexOf(' ');
			return ((space < 0) ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
		}

		private String argument(String line) {
			int space = line.indexOf(' ');
			return (space < 0) ? "" : line.substring(space + 1).strip();
		}

		private void reply(String... lines) throws IOException {
			StringBuilder answer = new StringBuilder();
			for (String line : lines) {
				answer.append(line).append("\r\n");
			}
			out.write(answer.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		private String readLine() throws IOException {
			byte[] line = readRawLine();
			return (line != null) ? new String(line, StandardCharsets.US_ASCII) : null;
		}

		/** A line without its CRLF (or bare LF), {@literal null} at the end of input. */
		private byte[] readRawLine() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) != -1) {
				if (b == '\n') {
					byte[] bytes = line.toByteArray();
					int length = bytes.length;
					if (length > 0 && bytes[length - 1] == '\r') {
						length--;
					}
					return Arrays.copyOf(bytes, length);
				}
				if (line.size() >= MAX_LINE_BYTES) {
					throw new SocketException("Line too long");
				}
				line.write(b);
			}
			return null;
		}

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

}
