package com.tracecase.notification.internal;

import java.net.ConnectException;
import java.time.Duration;

import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import com.sun.mail.smtp.SMTPAddressFailedException;
import org.apache.commons.mail.EmailException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationDeliveryRulesTests {

	@Test
	void aRecipientRefusedWith5xxIsPermanent() throws Exception {
		assertThat(SmtpMailer.isPermanent(refused(550))).isTrue();
	}

	@Test
	void aRecipientRefusedWith4xxIsRetried() throws Exception {
		assertThat(SmtpMailer.isPermanent(refused(452))).isFalse();
	}

	@Test
	void aMalformedAddressIsPermanent() {
		assertThat(SmtpMailer.isPermanent(new EmailException(new AddressException("Missing final '@domain'"))))
			.isTrue();
	}

	@Test
	void anUnreachableServerIsRetried() {
		MessagingException connect = new MessagingException("Couldn't connect to host",
				new ConnectException("Connection refused"));
		assertThat(SmtpMailer.isPermanent(new EmailException("Sending the email failed", connect))).isFalse();
	}

	@Test
	void backoffDoublesUpToItsMaximum() {
		NotificationProperties.Sender sender = new NotificationProperties.Sender(true, Duration.ofSeconds(2), 50, 8,
				Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(5));

		assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(sender.backoff(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(sender.backoff(4)).isEqualTo(Duration.ofSeconds(240));
		assertThat(sender.backoff(5)).isEqualTo(Duration.ofMinutes(5));
		assertThat(sender.backoff(100)).isEqualTo(Duration.ofMinutes(5));
	}

	private static EmailException refused(int code) throws AddressException {
		InternetAddress address = new InternetAddress("someone@example.com");
		SMTPAddressFailedException rcpt = new SMTPAddressFailedException(address, "RCPT", code, code + " refused");
		SendFailedException failed = new SendFailedException("Invalid Addresses", rcpt);
		return new EmailException("Sending the email failed", failed);
	}

}
