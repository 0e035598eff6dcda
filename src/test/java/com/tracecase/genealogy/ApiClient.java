package com.tracecase.genealogy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the Tracecase API over HTTP as a demo user (password = user name).
 */
class ApiClient {

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json;

	final int port;

	ApiClient(int port, ObjectMapper json) {
		this.port = port;
		this.json = json;
	}

	HttpResponse<String> get(String path, String user) {
		return send(request(path, user).GET());
	}

	HttpResponse<byte[]> getBytes(String path, String user, String accept) {
		try {
			return http.send(request(path, user).header("Accept", accept).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> getAccept(String path, String user, String accept) {
		return send(request(path, user).header("Accept", accept).GET());
	}

	JsonNode getJson(String path, String user) {
		HttpResponse<String> response = get(path, user);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return read(response);
	}

	HttpResponse<String> post(String path, String user, Object body) {
		try {
			return send(request(path, user).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A JSON post that accepts only the given media type. */
	HttpResponse<String> postAccept(String path, String user, Object body, String accept) {
		try {
			return send(request(path, user).header("Content-Type", "application/json")
				.header("Accept", accept)
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	JsonNode postJson(String path, String user, Object body, int expectedStatus) {
		HttpResponse<String> response = post(path, user, body);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
		return read(response);
	}

	/** A multipart upload: field name to (file name, content). */
	HttpResponse<String> multipart(String path, String user, Map<String, Upload> files) {
		String boundary = "----tracecase" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			for (Map.Entry<String, Upload> file : files.entrySet()) {
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
						+ "\"; filename=\"" + file.getValue().fileName() + "\"\r\nContent-Type: "
						+ file.getValue().contentType() + "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.write(file.getValue().content());
				body.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return send(request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	JsonNode read(HttpResponse<String> response) {
		try {
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic(user));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Upload(String fileName, String contentType, byte[] content) {

		static Upload csv(String fileName, String content) {
			return new Upload(fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
		}

	}

}
