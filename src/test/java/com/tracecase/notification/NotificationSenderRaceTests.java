package com.tracecase.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.notification.internal.EmbeddedMailSink;
import com.tracecase.notification.internal.EmbeddedMailSink.ReceivedMail;
import com.tracecase.notification.internal.NotificationProperties;
import com.tracecase.notification.internal.Outbox;
import com.tracecase.notification.internal.OutboxSender;
import com.tracecase.notification.internal.SmtpMailer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.tracecase.notification.NotificationTestSupport.uniqueCaseNumber;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes send from one database: two more senders race the application's own for
 * one batch of messages, and every message goes out exactly once.
 */
@TracecaseIntegrationTest
class NotificationSenderRaceTests {

	private static final int MESSAGES = 200;

	@Autowired
	Notifications notifications;

	@Autowired
	Outbox outbox;

	@Autowired
	SmtpMailer mailer;

	@Autowired
	EmbeddedMailSink sink;

	@Autowired
	Clock clock;

	@Test
	void twoSendersOnOneDatabaseDeliverEachMessageOnce() throws Exception {
		String caseNumber = uniqueCaseNumber();
		String key = caseNumber + ":RACE";
		List<String> recipients = IntStream.range(0, MESSAGES)
			.mapToObj(i -> "race-%d-%s@tracecase.example".formatted(i, caseNumber.toLowerCase()))
			.toList();
		NotificationProperties.Sender settings = new NotificationProperties.Sender(true, Duration.ofMillis(100), 7, 10,
				Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMinutes(5));
		OutboxSender nodeA = new OutboxSender(outbox, mailer, settings, clock);
		OutboxSender nodeB = new OutboxSender(outbox, mailer, settings, clock);

		notifications.enqueue(MailTemplate.CONTAINMENT, recipients.stream().map(Recipient::address).toList(),
				Map.of("caseNumber", caseNumber, "suspectLots", List.of("L-RACE")), key);

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> sentByA = nodes.submit(() -> drain(nodeA, key, start));
			Future<Integer> sentByB = nodes.submit(() -> drain(nodeB, key, start));
			start.countDown();
			assertThat(sentByA.get()).as("node A took part").isPositive();
			assertThat(sentByB.get()).as("node B took part").isPositive();
		}
		finally {
			nodes.shutdownNow();
		}

		List<NotificationMessage> messages = notifications.messagesFor(key);
		assertThat(messages).hasSize(MESSAGES).allSatisfy(message -> {
			assertThat(message.status()).isEqualTo(DeliveryStatus.SENT);
			assertThat(message.attempts()).isEqualTo(1);
		});
		List<String> delivered = sink.received()
			.stream()
			.filter(mail -> mail.subject().contains(caseNumber))
			.map(ReceivedMail::to)
			.flatMap(List::stream)
			.toList();
		assertThat(delivered).hasSize(MESSAGES).containsExactlyInAnyOrderElementsOf(recipients);
	}

	/**
	 * Sends until no message of the batch is left to send.
	 * @return how many messages this sender attempted
	 */
	private int drain(OutboxSender sender, String key, CountDownLatch start) throws InterruptedException {
		start.await();
		Instant deadline = Instant.now().plusSeconds(120);
		int attempted = 0;
		while (notifications.messagesFor(key)
			.stream()
			.anyMatch(message -> message.status() == DeliveryStatus.PENDING
					|| message.status() == DeliveryStatus.SENDING)) {
			assertThat(Instant.now()).as("the batch is sent in time").isBefore(deadline);
			attempted += sender.sendDue();
			Thread.onSpinWait();
		}
		return attempted;
	}

}
