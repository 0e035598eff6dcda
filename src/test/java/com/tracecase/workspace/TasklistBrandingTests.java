package com.tracecase.workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.tracecase.TracecaseIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webapps carry Tracecase's customization files instead of Camunda's empty ones: the
 * product's name in Tasklist, and no end-of-life banner our users cannot act on.
 */
@TracecaseIntegrationTest
class TasklistBrandingTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private String get(String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	@Test
	void tasklistNamesTracecaseAndEveryWebappHidesTheEndOfLifeBanner() throws Exception {
		assertThat(get("/camunda/app/tasklist/scripts/config.js")).contains("vendor: 'Tracecase'")
			.contains("customScripts: ['scripts/case-link.js']");
		assertThat(get("/camunda/app/tasklist/scripts/case-link.js")).contains("pluginPoint: 'tasklist.task.action'");
		for (String app : new String[] { "tasklist", "cockpit", "admin" }) {
			assertThat(get("/camunda/app/" + app + "/styles/user-styles.css")).contains(".ce-eol-banner")
				.contains("display: none");
		}
	}

}
