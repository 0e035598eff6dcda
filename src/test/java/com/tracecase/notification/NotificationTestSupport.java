package com.tracecase.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.tracecase.DemoLogin;
import com.tracecase.notification.internal.EmbeddedMailSink.ReceivedMail;
import com.tracecase.notification.internal.EmbeddedMailSink;

/**
 * Helpers for the notification tests, which share one database and one SMTP sink with the
 * whole suite: each test works with its own case numbers and addresses.
 */
final class NotificationTestSupport {

	private static final HttpClient http = HttpClient.newHttpClient();

	private NotificationTestSupport() {
	}

	static String uniqueCaseNumber() {
		return "FC-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static List<ReceivedMail> mailsTo(EmbeddedMailSink sink, String address) {
		return sink.received().stream().filter(mail -> mail.to().contains(address)).toList();
	}

	static List<ReceivedMail> mailsAbout(EmbeddedMailSink sink, String caseNumber) {
		return sink.received().stream().filter(mail -> mail.subject().contains(caseNumber)).toList();
	}

	static HttpResponse<String> request(int port, String method, String path, String user) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic(user))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
