package com.tracecase.notification;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.TracecaseIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.tracecase.notification.NotificationTestSupport.request;
import static com.tracecase.notification.NotificationTestSupport.unique;
import static com.tracecase.notification.NotificationTestSupport.uniqueCaseNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded mailbox shows each person only the mail their job needs: customers' mail
 * to those who deal with customers, a work group's mail to its members.
 */
@TracecaseIntegrationTest
class MailboxPrivacyTests {

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	@Autowired
	Notifications notifications;

	@Autowired
	ObjectMapper json;

	@LocalServerPort
	int port;

	String customerAddress;

	String customerSubject;

	String qcSubject;

	String productionSubject;

	@BeforeEach
	void mailToACustomerToQcAndToProduction() {
		String customerCase = uniqueCaseNumber();
		String qcCase = uniqueCaseNumber();
		String productionCase = uniqueCaseNumber();
		customerAddress = unique("customer") + "@customer.example";
		notifications.enqueue(MailTemplate.RESOLUTION, List.of(Recipient.address(customerAddress)),
				Map.of("caseNumber", customerCase), customerCase + ":CUSTOMER");
		notifications.enqueue(MailTemplate.QC_NOTIFIED, List.of(Recipient.group("qc")),
				Map.of("caseNumber", qcCase, "symptom", "Dead"), qcCase + ":QC");
		notifications.enqueue(MailTemplate.QC_NOTIFIED, List.of(Recipient.group("production")),
				Map.of("caseNumber", productionCase, "symptom", "Dead"), productionCase + ":PRODUCTION");
		for (String key : List.of(customerCase + ":CUSTOMER", qcCase + ":QC", productionCase + ":PRODUCTION")) {
			await().atMost(DELIVERY)
				.until(() -> notifications.messagesFor(key)
					.stream()
					.allMatch(message -> message.status() == DeliveryStatus.SENT));
		}
		customerSubject = customerCase;
		qcSubject = qcCase;
		productionSubject = productionCase;
	}

	@Test
	void qcSeesTheMailOfItsGroupButNeitherCustomersNorOtherGroups() throws Exception {
		List<String> seen = subjectsAndRecipients("qc.engineer");
		assertThat(seen).anySatisfy(text -> assertThat(text).contains(qcSubject))
			.noneSatisfy(text -> assertThat(text).contains(customerSubject))
			.noneSatisfy(text -> assertThat(text).contains(customerAddress))
			.noneSatisfy(text -> assertThat(text).contains(productionSubject));

		HttpResponse<String> page = request(port, "GET", "/mail", "qc.engineer");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(qcSubject).doesNotContain(customerAddress).doesNotContain(customerSubject);
	}

	@Test
	void productionSeesOnlyTheMailOfProduction() throws Exception {
		List<String> seen = subjectsAndRecipients("prod.planner");
		assertThat(seen).anySatisfy(text -> assertThat(text).contains(productionSubject))
			.noneSatisfy(text -> assertThat(text).contains(qcSubject))
			.noneSatisfy(text -> assertThat(text).contains(customerAddress));
	}

	@Test
	void thoseWhoDealWithCustomersSeeTheCustomersMail() throws Exception {
		for (String user : List.of("cs.agent", "ops.manager", "admin")) {
			assertThat(subjectsAndRecipients(user)).as(user)
				.anySatisfy(text -> assertThat(text).contains(customerSubject).contains(customerAddress));
			HttpResponse<String> page = request(port, "GET", "/mail", user);
			assertThat(page.body()).as(user).contains(customerAddress);
		}
	}

	@Test
	void managersAndAdministratorsSeeEveryGroupsMail() throws Exception {
		for (String user : List.of("ops.manager", "admin")) {
			assertThat(String.join("\n", subjectsAndRecipients(user))).as(user)
				.contains(qcSubject, productionSubject, customerSubject);
		}
	}

	private List<String> subjectsAndRecipients(String user) throws Exception {
		HttpResponse<String> api = request(port, "GET", "/api/mail/messages?limit=100000", user);
		assertThat(api.statusCode()).as(user).isEqualTo(200);
		return json.readTree(api.body())
			.valueStream()
			.map(mail -> mail.path("subject").asText() + " " + mail.path("to").toString() + " "
					+ mail.path("text").asText())
			.toList();
	}

}
