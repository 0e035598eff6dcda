package com.tracecase;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session of one demo user on the workspace pages, without a browser: its
 * cookies, HTTP Basic sign-in, and forms submitted with the page's CSRF token.
 */
public final class PageSession {

	private final int port;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final String authorization;

	private Document last;

	/** Signs in as a demo user, whose password is the user id. */
	public PageSession(int port, String user) {
		this.port = port;
		this.authorization = DemoLogin.basic(user);
	}

	public HttpResponse<String> get(String path) throws Exception {
		HttpResponse<String> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
		last = Jsoup.parse(response.body());
		return response;
	}

	/** The page read last. */
	public Document page() {
		return last;
	}

	/** The CSRF token of the page read last. */
	public String csrf() {
		return last.select("input[name=_csrf]").val();
	}

	/** Loads the page and submits one of its forms with the given fields. */
	public HttpResponse<String> submit(String pagePath, String formId, Map<String, String> fields) throws Exception {
		get(pagePath);
		Element form = last.getElementById(formId);
		assertThat(form).as(formId).isNotNull();
		Map<String, String> values = new LinkedHashMap<>(fields);
		values.put("_csrf", form.select("input[name=_csrf]").val());
		HttpResponse<String> response = post(form.attr("action"), values);
		last = Jsoup.parse(response.body());
		return response;
	}

	public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
		String body = fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends JSON, as a script calling the API with the user's credentials would. */
	public HttpResponse<String> postJson(String path, String json) throws Exception {
		return http.send(request(path).header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", authorization);
	}

}
