package com.tracecase.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.notification.internal.EmbeddedMailSink;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.tracecase.notification.NotificationTestSupport.mailsTo;
import static com.tracecase.notification.NotificationTestSupport.request;
import static com.tracecase.notification.NotificationTestSupport.unique;
import static com.tracecase.notification.NotificationTestSupport.uniqueCaseNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery through the real SMTP sink: outages, refused addresses, and what an
 * administrator sees.
 */
@TracecaseIntegrationTest
class NotificationDeliveryTests {

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	@Autowired
	Notifications notifications;

	@Autowired
	EmbeddedMailSink sink;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ObjectMapper json;

	@LocalServerPort
	int port;

	@Test
	void withTheSmtpServerDownNothingIsLostAndEachMailIsDeliveredOnceWhenItIsBack() {
		String caseNumber = uniqueCaseNumber();
		String key = caseNumber + ":OUTAGE";
		List<String> recipients = IntStream.range(0, 5)
			.mapToObj(i -> unique("outage" + i) + "@tracecase.example")
			.toList();

		sink.stop();
		try {
			notifications.enqueue(MailTemplate.CONTAINMENT, recipients.stream().map(Recipient::address).toList(),
					Map.of("caseNumber", caseNumber, "suspectLots", List.of("L-1")), key);

			await().atMost(DELIVERY)
				.untilAsserted(() -> assertThat(notifications.messagesFor(key)).hasSize(5)
					.allSatisfy(message -> assertThat(message.attempts()).isGreaterThanOrEqualTo(2))
					.allSatisfy(message -> assertThat(message.status()).isIn(DeliveryStatus.PENDING,
							DeliveryStatus.SENDING)));
			assertThat(notifications.messagesFor(key))
				.allSatisfy(message -> assertThat(message.lastError()).containsIgnoringCase("connect"));
		}
		finally {
			sink.start();
		}

		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(notifications.messagesFor(key))
				.allSatisfy(message -> assertThat(message.status()).isEqualTo(DeliveryStatus.SENT)));
		assertThat(recipients).allSatisfy(recipient -> assertThat(mailsTo(sink, recipient)).hasSize(1));
	}

	@Test
	void aRefusedAddressEndsFailedAndVisibleWhileTheOthersAreDelivered() throws Exception {
		String caseNumber = uniqueCaseNumber();
		String key = caseNumber + ":NO_FAULT_FOUND";
		String good = unique("good") + "@customer.example";
		String refused = unique("gone") + "@customer.invalid";
		String malformed = unique("no-at-sign");

		notifications.enqueue(MailTemplate.NO_FAULT_FOUND,
				List.of(Recipient.address(refused), Recipient.address(malformed), Recipient.address(good)),
				Map.of("caseNumber", caseNumber), key);

		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(notifications.messagesFor(key)).extracting(NotificationMessage::status)
				.containsExactly(DeliveryStatus.FAILED, DeliveryStatus.FAILED, DeliveryStatus.SENT));
		assertThat(mailsTo(sink, good)).hasSize(1);
		List<NotificationMessage> messages = notifications.messagesFor(key);
		assertThat(messages.get(0).lastError()).contains("550");
		assertThat(messages.get(1).lastError()).contains("AddressException");
		assertThat(messages.subList(0, 2)).allSatisfy(message -> {
			assertThat(message.attempts()).as("a permanent failure is not retried").isEqualTo(1);
			assertThat(message.failedAt()).isNotNull();
		});

		assertThat(meters.get("tracecase.notifications").tag("status", "failed").gauge().value())
			.isGreaterThanOrEqualTo(2);

		HttpResponse<String> failed = request(port, "GET", "/api/notifications?status=FAILED&caseNumber=" + caseNumber,
				"ops.manager");
		assertThat(failed.statusCode()).isEqualTo(200);
		JsonNode listed = json.readTree(failed.body());
		assertThat(listed.findValuesAsText("recipient")).containsExactlyInAnyOrder(refused, malformed);
		assertThat(listed.findValuesAsText("status")).containsOnly("FAILED");
		assertThat(listed.get(0).path("lastError").asText()).isNotBlank();
	}

	@Test
	void anAdministratorRetriesAFailedMessage() throws Exception {
		String caseNumber = uniqueCaseNumber();
		String key = caseNumber + ":RETRY";
		notifications.enqueue(MailTemplate.RESOLUTION, List.of(Recipient.address(unique("gone") + "@x.invalid")),
				Map.of("caseNumber", caseNumber), key);
		NotificationMessage failed = await().atMost(DELIVERY)
			.until(() -> notifications.messagesFor(key).get(0), message -> message.status() == DeliveryStatus.FAILED);

		HttpResponse<String> retried = request(port, "POST", "/api/notifications/" + failed.id() + "/retry", "admin");

		assertThat(retried.statusCode()).isEqualTo(200);
		assertThat(json.readTree(retried.body()).path("status").asText()).isIn("PENDING", "SENDING", "FAILED");
		await().atMost(DELIVERY).untilAsserted(() -> {
			NotificationMessage again = notifications.message(failed.id());
			assertThat(again.status()).isEqualTo(DeliveryStatus.FAILED);
			assertThat(again.failedAt()).isAfter(failed.failedAt());
		});
		assertThat(request(port, "POST", "/api/notifications/" + failed.id() + "/retry", "ops.manager").statusCode())
			.isEqualTo(200);
	}

	@Test
	void onlyFailedMessagesCanBeRetried() throws Exception {
		String caseNumber = uniqueCaseNumber();
		String key = caseNumber + ":SENT";
		notifications.enqueue(MailTemplate.RESOLUTION, List.of(Recipient.address(unique("ok") + "@customer.example")),
				Map.of("caseNumber", caseNumber), key);
		NotificationMessage sent = await().atMost(DELIVERY)
			.until(() -> notifications.messagesFor(key).get(0), message -> message.status() == DeliveryStatus.SENT);

		HttpResponse<String> response = request(port, "POST", "/api/notifications/" + sent.id() + "/retry",
				"ops.manager");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(json.readTree(response.body()).path("detail").asText()).contains("SENT");
		assertThat(request(port, "POST", "/api/notifications/999999999/retry", "ops.manager").statusCode())
			.isEqualTo(404);
	}

	@Test
	void theOutboxIsForAdministratorsAndManagersOnly() throws Exception {
		assertThat(request(port, "GET", "/api/notifications", "qc.engineer").statusCode()).isEqualTo(403);
		assertThat(request(port, "POST", "/api/notifications/1/retry", "cs.agent").statusCode()).isEqualTo(403);
		assertThat(request(port, "GET", "/api/notifications?status=PENDING", "ops.manager").statusCode())
			.isEqualTo(200);
	}

	@Test
	void theMailPageShowsWhatTheSinkReceived() throws Exception {
		String caseNumber = uniqueCaseNumber();
		notifications.enqueue(MailTemplate.QC_NOTIFIED, List.of(Recipient.group("qc")),
				Map.of("caseNumber", caseNumber, "symptom", "<script>alert(1)</script>"), caseNumber + ":PAGE");
		await().atMost(DELIVERY)
			.until(() -> notifications.messagesFor(caseNumber + ":PAGE").get(0).status() == DeliveryStatus.SENT);

		HttpResponse<String> page = request(port, "GET", "/mail", "qc.engineer");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body())
			.contains("Case " + caseNumber + ": quality check needed", "qc.engineer@tracecase.example")
			.doesNotContain("<script>alert(1)</script>");

		HttpResponse<String> api = request(port, "GET", "/api/mail/messages?limit=500", "qc.engineer");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(json.readTree(api.body()).findValuesAsText("subject"))
			.contains("Case " + caseNumber + ": quality check needed");
	}

}
