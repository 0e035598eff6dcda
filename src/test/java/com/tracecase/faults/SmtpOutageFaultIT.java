package com.tracecase.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tracecase.notification.internal.EmbeddedMailSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail while the SMTP server is down, then up: every mail of the outbox is delivered
 * exactly once, none lost, none twice.
 */
class SmtpOutageFaultIT {

	static final int REPORTS = 6;

	static final Duration OUTAGE = Duration.ofSeconds(15);

	@Test
	void everyMailIsDeliveredExactlyOnceAfterTheSmtpServerComesBack() throws Exception {
		Path directory = JarProcess.directory("smtp-outage");
		EmbeddedMailSink smtp = new EmbeddedMailSink(0);
		Figures figures = new Figures("smtp-outage");
		try (JarProcess node = JarProcess.withEmbeddedDatabase("tracecase", directory,
				"--tracecase.mail.smtp.host=127.0.0.1", "--tracecase.mail.smtp.port=" + smtp.port(),
				"--tracecase.mail.sender.initial-backoff=2s", "--tracecase.mail.sender.max-backoff=5s",
				"--tracecase.mail.sender.max-attempts=20")) {
			node.start();
			Intake intake = new Intake();
			intake.importDevices(node.baseUrl(), REPORTS);
			long outageStarted = System.nanoTime();
			List<String> caseNumbers = new ArrayList<>();
			for (int n = 0; n < REPORTS; n++) {
				Intake.Answer answer = intake.file(node.baseUrl(), n);
				assertThat(answer.status()).as("report %d", n).isEqualTo(201);
				caseNumbers.add(answer.caseNumber());
			}
			Records records = node.records();
			// the intake's mails are in the outbox and each has failed at least once
			boolean triedWhileDown = records.await(Duration.ofSeconds(90), () -> {
				List<Records.OutboxMessage> outbox = records.outbox(caseNumbers);
				return outbox.size() >= REPORTS && outbox.stream().allMatch(m -> m.attempts() >= 1);
			});
			assertThat(triedWhileDown).as("every mail tried while the SMTP server is down").isTrue();
			assertThat(records.outbox(caseNumbers)).noneMatch(m -> m.status().equals("SENT"));
			long sleep = OUTAGE.toNanos() - (System.nanoTime() - outageStarted);
			if (sleep > 0) {
				Thread.sleep(sleep / 1_000_000);
			}
			int attemptsWhileDown = records.outbox(caseNumbers)
				.stream()
				.mapToInt(Records.OutboxMessage::attempts)
				.sum();
			Duration outage = Duration.ofNanos(System.nanoTime() - outageStarted);

			smtp.start();
			long up = System.nanoTime();
			boolean allSent = records.await(Duration.ofSeconds(60),
					() -> records.outbox(caseNumbers).stream().allMatch(m -> m.status().equals("SENT")));
			Duration untilSent = Duration.ofNanos(System.nanoTime() - up);
			assertThat(allSent).as("every mail sent within 60 s of the server coming back").isTrue();
			// two more sender rounds (2 s each): nothing is sent again
			Thread.sleep(6000);

			List<Records.OutboxMessage> outbox = records.outbox(caseNumbers);
			Map<String, Long> expected = outbox.stream()
				.collect(Collectors.groupingBy(m -> address(m.recipient()) + " | " + m.subject(),
						Collectors.counting()));
			Map<String, Long> delivered = smtp.received()
				.stream()
				.flatMap(mail -> mail.to().stream().map(to -> address(to) + " | " + mail.subject()))
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(delivered).as("mails received by the SMTP server, per recipient and subject")
				.isEqualTo(expected);
			assertThat(expected.values()).as("each outbox message once").allMatch(count -> count == 1);
			figures.put("reports", REPORTS)
				.put("mails in the outbox", outbox.size())
				.put("mails received", smtp.received().size())
				.put("SMTP server down for", Figures.seconds(outage))
				.put("failed attempts while down", attemptsWhileDown)
				.put("server up to every mail sent", Figures.seconds(untilSent))
				.put("sender backoff in the test", "2 s, at most 5 s (default 30 s, at most 1 h)");
			figures.write();
		}
		finally {
			smtp.stop();
		}
	}

	/** The address without a display name, in lower case. */
	static String address(String recipient) {
		int open = recipient.lastIndexOf('<');
		String address = (open >= 0) ? recipient.substring(open + 1, recipient.indexOf('>', open)) : recipient;
		return address.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
