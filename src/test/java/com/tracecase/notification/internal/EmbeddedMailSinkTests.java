package com.tracecase.notification.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.tracecase.notification.internal.EmbeddedMailSink.ReceivedMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo run's SMTP sink, spoken to by the mailer the product sends with and by hand.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedMailSinkTests {

	private final EmbeddedMailSink sink = new EmbeddedMailSink(0);

	private SmtpMailer mailer;

	@BeforeEach
	void start() {
		sink.start();
		mailer = new SmtpMailer(new SmtpMailer.Target(sink.host(), sink.port(), NotificationProperties.Tls.NONE, null,
				null, Duration.ofSeconds(5), Duration.ofSeconds(5)), "Tracecase <tracecase@tracecase.example>");
	}

	@AfterEach
	void stop() {
		sink.stop();
	}

	@Test
	void keepsWhatTheMailerSendsWithBothBodies(CapturedOutput output) throws Exception {
		String messageId = mailer.send(7, "jane.roe@example.com", new RenderedMail("Case FC-2026-000001: received ✓",
				"<p>We received your report.</p>", "We received your report.\n.\n..a line with dots\nÄrger? Nein."));

		List<ReceivedMail> mails = sink.received();
		assertThat(mails).hasSize(1);
		ReceivedMail mail = mails.get(0);
		assertThat(mail.number()).isEqualTo(1);
		assertThat(mail.messageId()).isEqualTo(messageId);
		assertThat(mail.from()).contains("tracecase@tracecase.example");
		assertThat(mail.to()).containsExactly("jane.roe@example.com");
		assertThat(mail.subject()).isEqualTo("Case FC-2026-000001: received ✓");
		assertThat(mail.html()).contains("<p>We received your report.</p>");
		// dot-stuffed lines come back as they were written
		assertThat(mail.text().replace("\r\n", "\n"))
			.isEqualTo("We received your report.\n.\n..a line with dots\nÄrger? Nein.");
		assertThat(mail.date()).isNotNull();
		assertThat(output).doesNotContain("jane.roe@example.com");
	}

	@Test
	void refusesTheReservedInvalidDomainPermanently() {
		assertThatThrownBy(() -> mailer.send(8, "gone@customer.invalid", new RenderedMail("s", "<p>h</p>", "t")))
			.isInstanceOfSatisfying(SmtpMailer.DeliveryException.class, refused -> {
				assertThat(refused.isPermanent()).isTrue();
				assertThat(refused.getMessage()).contains("550");
			});
		assertThat(sink.received()).isEmpty();
	}

	@Test
	void keepsOnlyTheNewestMailsButCountsThemAll() throws Exception {
		EmbeddedMailSink small = new EmbeddedMailSink(0, 2);
		small.start();
		try {
			SmtpMailer toSmall = new SmtpMailer(new SmtpMailer.Target(small.host(), small.port(),
					NotificationProperties.Tls.NONE, null, null, Duration.ofSeconds(5), Duration.ofSeconds(5)),
					"Tracecase <tracecase@tracecase.example>");
			for (int i = 1; i <= 5; i++) {
				toSmall.send(i, "mail" + i + "@tracecase.example", new RenderedMail("Mail " + i, "<p>h</p>", "t"));
			}
			assertThat(small.received()).extracting(ReceivedMail::subject).containsExactly("Mail 5", "Mail 4");
			assertThat(small.receivedCount()).isEqualTo(5);
		}
		finally {
			small.stop();
		}
	}

	@Test
	void listsTheNewestFirstAndForgetsThemWhenStopped() throws Exception {
		for (int i = 1; i <= 3; i++) {
			mailer.send(i, "mail" + i + "@tracecase.example", new RenderedMail("Mail " + i, "<p>h</p>", "t"));
		}
		assertThat(sink.received()).extracting(ReceivedMail::subject).containsExactly("Mail 3", "Mail 2", "Mail 1");

		sink.stop();
		assertThat(sink.isRunning()).isFalse();
		assertThatThrownBy(() -> mailer.send(4, "x@tracecase.example", new RenderedMail("s", "<p>h</p>", "t")))
			.isInstanceOfSatisfying(SmtpMailer.DeliveryException.class,
					down -> assertThat(down.getMessage()).containsIgnoringCase("connect"));

		sink.start();
		assertThat(sink.received()).isEmpty();
		mailer.send(5, "x@tracecase.example", new RenderedMail("After", "<p>h</p>", "t"));
		assertThat(sink.received()).extracting(ReceivedMail::number).containsExactly(1);
	}

	@Test
	void answersTheCommandsOfAPlainSmtpSession() throws Exception {
		try (Socket socket = new Socket(sink.host(), sink.port())) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			List<String> replies = new ArrayList<>();
			replies.add(in.readLine());
			for (String command : List.of("HELO client", "RCPT TO:<a@b.example>", "MAIL FROM:<me@tracecase.example>",
					"DATA", "RCPT TO:<a@b.example>", "STARTTLS", "NOOP", "RSET", "QUIT")) {
				out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				replies.add(in.readLine());
			}
			assertThat(replies).extracting(reply -> reply.substring(0, 3))
				.containsExactly("220", "250", "503", "250", "503", "250", "502", "250", "250", "221");
		}
		assertThat(sink.received()).isEmpty();
	}

}
