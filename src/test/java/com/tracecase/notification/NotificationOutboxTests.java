package com.tracecase.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.notification.internal.EmbeddedMailSink;
import com.tracecase.notification.internal.EmbeddedMailSink.ReceivedMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.tracecase.notification.NotificationTestSupport.mailsAbout;
import static com.tracecase.notification.NotificationTestSupport.mailsTo;
import static com.tracecase.notification.NotificationTestSupport.unique;
import static com.tracecase.notification.NotificationTestSupport.uniqueCaseNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Asking for mails: who gets them, what they say, and that the outbox follows the
 * caller's transaction.
 */
@TracecaseIntegrationTest
class NotificationOutboxTests {

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	@Autowired
	Notifications notifications;

	@Autowired
	EmbeddedMailSink sink;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Value("${tracecase.base-url}")
	String baseUrl;

	@Test
	void qcMailGoesToTheMembersOfTheQcGroupWithTheFactsOfTheCase() {
		String caseNumber = uniqueCaseNumber();

		notifications.enqueue(MailTemplate.QC_NOTIFIED, List.of(Recipient.group("qc")),
				Map.of("caseNumber", caseNumber, "serialNumber", "HX2-000777", "product", "Handheld scanner HX2",
						"suspectLots", List.of("L-2026-0142", "L-2026-0143"), "symptom", "No power"),
				caseNumber + ":QC_NOTIFIED");

		assertThat(notifications.messagesFor(caseNumber + ":QC_NOTIFIED")).extracting(NotificationMessage::recipient)
			.containsExactly("qc.engineer@tracecase.example");
		ReceivedMail mail = await().atMost(DELIVERY)
			.until(() -> mailsAbout(sink, caseNumber), found -> !found.isEmpty())
			.get(0);
		assertThat(mail.to()).containsExactly("qc.engineer@tracecase.example");
		assertThat(mail.from()).isEqualTo("Tracecase <tracecase@tracecase.example>");
		assertThat(mail.subject()).isEqualTo("Case " + caseNumber + ": quality check needed for HX2-000777");
		assertThat(mail.text()).contains("Serial number:  HX2-000777", "Product:        Handheld scanner HX2",
				"Suspect lots:   L-2026-0142, L-2026-0143", baseUrl + "/cases/" + caseNumber);
		assertThat(mail.html()).contains("HX2-000777", "Handheld scanner HX2", "L-2026-0142, L-2026-0143",
				"href=\"" + baseUrl + "/cases/" + caseNumber + "\"");
	}

	@Test
	void groupMailAlsoGoesToTheGroupsDistributionList() {
		String caseNumber = uniqueCaseNumber();

		notifications.enqueue(MailTemplate.PRODUCTION_INFORMED,
				List.of(Recipient.group("production"), Recipient.address("Prod.Planner@tracecase.example")),
				Map.of("caseNumber", caseNumber, "suspectLots", List.of("L-9")), caseNumber + ":PRODUCTION");

		assertThat(notifications.messagesFor(caseNumber + ":PRODUCTION")).extracting(NotificationMessage::recipient)
			.as("members, the distribution list, each address once")
			.containsExactly("prod.planner@tracecase.example", "production-list@tracecase.example");
		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(mailsAbout(sink, caseNumber)).flatExtracting(ReceivedMail::to)
				.containsExactlyInAnyOrder("prod.planner@tracecase.example", "production-list@tracecase.example"));
	}

	@Test
	void customerMailGoesToTheCustomersAddress() {
		String caseNumber = uniqueCaseNumber();
		String customer = unique("dana") + "@customer.example";

		notifications.enqueue(MailTemplate.CUSTOMER_ACKNOWLEDGEMENT, List.of(Recipient.address(customer)),
				Map.of("caseNumber", caseNumber, "customerName", "Dana Miller", "serialNumber", "HX2-000778",
						"suspectLots", List.of("L-2026-0142")),
				caseNumber + ":ACK");

		List<ReceivedMail> mails = await().atMost(DELIVERY)
			.until(() -> mailsTo(sink, customer), found -> !found.isEmpty());
		assertThat(mails).singleElement().satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("We received your report (" + caseNumber + ")");
			assertThat(mail.text()).startsWith("Dear Dana Miller,").contains("HX2-000778").doesNotContain("L-2026");
		});
	}

	@Test
	void htmlInUserInputArrivesAsText() {
		String caseNumber = uniqueCaseNumber();

		notifications.enqueue(MailTemplate.QC_NOTIFIED, List.of(Recipient.address(unique("qc") + "@tracecase.example")),
				Map.of("caseNumber", caseNumber, "symptom", "<script>alert('pwned')</script>", "customerName",
						"<b>Eve</b>"),
				caseNumber + ":XSS");

		ReceivedMail mail = await().atMost(DELIVERY)
			.until(() -> mailsAbout(sink, caseNumber), found -> !found.isEmpty())
			.get(0);
		assertThat(mail.html()).doesNotContain("<script>", "<b>Eve")
			.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;", "&lt;b&gt;Eve&lt;/b&gt;");
		assertThat(mail.text()).contains("<script>alert('pwned')</script>");
	}

	@Test
	void enqueueingTwiceWithTheSameKeyWritesOnce() {
		String caseNumber = uniqueCaseNumber();
		String customer = unique("twice") + "@customer.example";
		String key = caseNumber + ":RESOLUTION";
		Map<String, Object> model = Map.of("caseNumber", caseNumber, "resolution", "Replaced");

		notifications.enqueue(MailTemplate.RESOLUTION, List.of(Recipient.address(customer)), model, key);
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			notifications.enqueue(MailTemplate.RESOLUTION, List.of(Recipient.address(customer)), model, key);
			notifications.enqueue(MailTemplate.RESOLUTION, List.of(Recipient.address("other@customer.example")), model,
					key);
		});

		assertThat(notifications.messagesFor(key)).extracting(NotificationMessage::recipient).containsExactly(customer);
		await().atMost(DELIVERY).until(() -> notifications.messagesFor(key).get(0).status() == DeliveryStatus.SENT);
		assertThat(mailsTo(sink, customer)).hasSize(1);
	}

	@Test
	void aRolledBackTransactionEnqueuesNothing() {
		String caseNumber = uniqueCaseNumber();
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		transaction.executeWithoutResult(status -> {
			notifications.enqueue(MailTemplate.QC_NOTIFIED, List.of(Recipient.group("qc")),
					Map.of("caseNumber", caseNumber), caseNumber + ":ROLLBACK");
			status.setRollbackOnly();
		});
		assertThatIllegalStateException().isThrownBy(() -> transaction.executeWithoutResult(status -> {
			notifications.enqueue(MailTemplate.QC_NOTIFIED, List.of(Recipient.group("qc")),
					Map.of("caseNumber", caseNumber), caseNumber + ":FAILING-STEP");
			throw new IllegalStateException("the process step fails after asking for the mail");
		}));

		assertThat(notifications.messagesFor(caseNumber + ":ROLLBACK")).isEmpty();
		assertThat(notifications.messagesFor(caseNumber + ":FAILING-STEP")).isEmpty();
		assertThat(notifications.messages(null, caseNumber, 10)).isEmpty();
	}

	@Test
	void aGroupWithoutAnyAddressIsRecordedAsAFailedMessage() {
		String caseNumber = uniqueCaseNumber();
		String group = unique("nobody");

		notifications.enqueue(MailTemplate.ESCALATION, List.of(Recipient.group(group)),
				Map.of("caseNumber", caseNumber, "taskName", "Review investigation"), caseNumber + ":ESCALATION");

		assertThat(notifications.messagesFor(caseNumber + ":ESCALATION")).singleElement().satisfies(message -> {
			assertThat(message.recipient()).isEqualTo("group:" + group);
			assertThat(message.status()).isEqualTo(DeliveryStatus.FAILED);
			assertThat(message.lastError()).contains("no member with an email address");
		});
	}

}
