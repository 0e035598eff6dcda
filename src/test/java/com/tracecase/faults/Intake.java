package com.tracecase.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tracecase.DemoLogin;

/**
 * A client of a running Tracecase: imports devices of its own through the genealogy API
 * and files failure reports on them through {@code POST /api/failure-reports}, each with
 * its own {@code Idempotency-Key}.
 */
final class Intake {

	private static final Pattern CASE_NUMBER = Pattern.compile("\"caseNumber\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/** Serials and keys of this intake start with it. */
	final String prefix = "FX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	/**
	 * Imports {@code devices} shipped units of a product of its own.
	 */
	void importDevices(String baseUrl, int devices) throws IOException, InterruptedException {
		StringBuilder lots = new StringBuilder(
				"lot_code,part_number,supplier,quantity,created_on,status,serial_number\n");
		for (int i = 0; i < devices; i++) {
			lots.append("%1$s-L%2$d,%1$s-DEV,,1,2025-01-10,shipped,%3$s\n".formatted(prefix, i, serial(i)));
		}
		String parts = "part_number,description,kind,unit_cost,manufacturer\n%s-DEV,Fault test device,product,100.00,\n"
			.formatted(prefix);
		String boundary = "----fault" + UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		for (String[] file : new String[][] { { "parts", parts }, { "lots", lots.toString() } }) {
			body.append("--").append(boundary).append("\r\n");
			body.append("Content-Disposition: form-data; name=\"")
				.append(file[0])
				.append("\"; filename=\"")
				.append(file[0])
				.append(".csv\"\r\n");
			body.append("Content-Type: text/csv\r\n\r\n").append(file[1]).append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		HttpResponse<String> response = client
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/genealogy/imports"))
				.header("Authorization", DemoLogin.basic("prod.planner"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Import answered " + response.statusCode() + ": " + response.body());
		}
	}

	String serial(int n) {
		return prefix + "-SN-" + n;
	}

	String key(int n) {
		return prefix + "-key-" + n;
	}

	/**
	 * Files report {@code n}, once.
	 * @return the answer, or a connection failure
	 */
	Answer file(String baseUrl, int n) throws InterruptedException {
		String json = """
				{"serialNumber":"%s","customer":{"name":"Fault Customer %d","email":"customer%d@example.com"},\
				"symptomCategory":"NO_POWER","description":"Fault test report %d: dead after charging","channel":"EMAIL"}"""
			.formatted(serial(n), n, n, n);
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = client
				.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/failure-reports"))
					.header("Authorization", DemoLogin.basic("cs.agent"))
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.header("Idempotency-Key", key(n))
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
			Matcher number = CASE_NUMBER.matcher(response.body());
			return new Answer(n, response.statusCode(), number.find() ? number.group(1) : null, response.body(),
					Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			return new Answer(n, 0, null, ex.toString(), Duration.ofNanos(System.nanoTime() - started));
		}
	}

	/** All answers of a list with this status. */
	static List<Answer> withStatus(List<Answer> answers, int status) {
		List<Answer> matching = new ArrayList<>();
		answers.stream().filter(answer -> answer.status() == status).forEach(matching::add);
		return matching;
	}

	/**
	 * One answer to a report: the HTTP status (0 when the connection failed) and the case
	 * number it acknowledged, if any.
	 */
	record Answer(int report, int status, String caseNumber, String body, Duration took) {

		boolean acknowledged() {
			return (status == 200 || status == 201) && caseNumber != null;
		}

	}

}
