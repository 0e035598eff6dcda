package com.tracecase.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tracecase.DemoLogin;
import com.tracecase.PageSession;
import com.tracecase.TracecaseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix of {@code docs/security.md}, cell by cell: each group's demo user calls
 * each API endpoint and page; an allowed cell must not answer 401 or 403, a refused one
 * must answer 403. The endpoints come from Spring MVC's handler mapping, so an endpoint
 * without a row in the matrix (or a row without an endpoint) fails the test: add the row
 * to the table under "API endpoints and pages".
 */
@TracecaseIntegrationTest
class RoleMatrixTests {

	/** The matrix's columns and the demo user of each group. */
	static final Map<String, String> USERS = columns();

	/**
	 * Values for path variables: none of them exists, so an allowed call finds nothing
	 * and changes nothing.
	 */
	static final Map<String, String> SAMPLES = Map.of("caseNumber", "FC-2099-999999", "lotCode", "NO-SUCH-LOT",
			"serial", "NO-SUCH-SERIAL", "buildCode", "NO-SUCH-BUILD", "partNumber", "NO-SUCH-PART", "id", "999999999",
			"fileId", "999999999", "reference", "RC-NO-SUCH");

	/**
	 * Bodies for endpoints that check their input before the caller's groups (bean
	 * validation): a valid request, so a refused caller meets the group check.
	 */
	static final Map<String, String> BODIES = Map.of("POST /api/failure-reports",
			"{\"serialNumber\":\"NO-SUCH-SERIAL\",\"customer\":{\"name\":\"Matrix Test\",\"email\":\"matrix@customer.example\"},"
					+ "\"symptomCategory\":\"NO_POWER\",\"description\":\"Role matrix\",\"channel\":\"EMAIL\"}");

	/** Mappings that are not endpoints of their own: the error page. */
	static final Set<String> NOT_ENDPOINTS = Set.of("/error");

	private static final Path MATRIX = Path.of("docs/security.md");

	private static final String SECTION = "## API endpoints and pages";

	private static final Pattern ROW = Pattern.compile("^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) ([^`]+)`\\s*\\|(.*)$");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final HttpClient http = HttpClient.newHttpClient();

	private static final Map<String, PageSession> sessions = new ConcurrentHashMap<>();

	private static Map<String, String> columns() {
		Map<String, String> users = new LinkedHashMap<>();
		users.put("customer-service", "cs.agent");
		users.put("qc", "qc.engineer");
		users.put("production", "prod.planner");
		users.put("finance", "finance.approver");
		users.put("managers", "ops.manager");
		users.put("admin", "admin");
		return users;
	}

	@Test
	void everyEndpointHasARowInTheMatrixAndEveryRowAnEndpoint() throws IOException {
		Set<String> endpoints = new TreeSet<>(endpoints().keySet());
		Set<String> rows = new TreeSet<>(matrix().keySet());
		Set<String> stale = new TreeSet<>(rows);
		stale.removeAll(endpoints);
		Set<String> missing = new TreeSet<>(endpoints);
		missing.removeAll(rows);
		assertThat(stale).as("rows of %s without an endpoint", MATRIX).isEmpty();
		assertThat(missing).as("endpoints without a row in %s (section '%s')", MATRIX, SECTION).isEmpty();
	}

	static Stream<Arguments> cells() throws IOException {
		List<Arguments> cells = new ArrayList<>();
		matrix().forEach((endpoint, allowed) -> allowed
			.forEach((group, mayCall) -> cells.add(Arguments.of(endpoint, group, mayCall))));
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} by {1}: allowed {2}")
	@MethodSource("cells")
	void eachGroupMayCallWhatTheMatrixSaysAndNothingElse(String endpoint, String group, boolean allowed)
			throws Exception {
		HandlerMethod handler = endpoints().get(endpoint);
		assertThat(handler).as("no endpoint %s", endpoint).isNotNull();
		int status = call(endpoint, handler, USERS.get(group));
		if (allowed) {
			assertThat(status).as("%s as %s", endpoint, group).isNotIn(401, 403);
		}
		else {
			assertThat(status).as("%s as %s", endpoint, group).isEqualTo(403);
		}
	}

	private int call(String endpoint, HandlerMethod handler, String user) throws Exception {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String path = samplePath(endpoint.substring(endpoint.indexOf(' ') + 1));
		boolean api = path.startsWith("/api/");
		if (!api && !method.equals("GET")) {
			// pages change things with a form and the session's CSRF token
			PageSession session = sessions.computeIfAbsent(user + "@" + port, key -> new PageSession(port, user));
			session.get("/");
			return session.post(path, Map.of("_csrf", session.csrf())).statusCode();
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic(user));
		if (method.equals("GET")) {
			request.GET();
		}
		else if (consumesMultipart(handler)) {
			String boundary = "matrix-boundary";
			String body = "--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.txt\"\r\n"
					+ "Content-Type: text/plain\r\n\r\nmatrix\r\n--" + boundary + "--\r\n";
			request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body(endpoint, handler)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String body(String endpoint, HandlerMethod handler) {
		if (BODIES.containsKey(endpoint)) {
			return BODIES.get(endpoint);
		}
		return Stream.of(handler.getMethodParameters())
			.filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
			.findFirst()
			.map(parameter -> Collection.class.isAssignableFrom(parameter.getParameterType()) ? "[]" : "{}")
			.orElse("{}");
	}

	private boolean consumesMultipart(HandlerMethod handler) {
		return mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue().getMethod().equals(handler.getMethod()))
			.anyMatch(entry -> entry.getKey()
				.getConsumesCondition()
				.getConsumableMediaTypes()
				.contains(MediaType.MULTIPART_FORM_DATA));
	}

	private static String samplePath(String pattern) {
		Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variables.find()) {
			String sample = SAMPLES.get(variables.group(1));
			assertThat(sample).as("a sample value for {%s} in RoleMatrixTests.SAMPLES", variables.group(1)).isNotNull();
			variables.appendReplacement(path, Matcher.quoteReplacement(sample));
		}
		variables.appendTail(path);
		return path.toString();
	}

	/** Each endpoint as {@code METHOD /path}, with its handler. */
	private Map<String, HandlerMethod> endpoints() {
		Map<String, HandlerMethod> endpoints = new LinkedHashMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			for (String pattern : info.getPatternValues()) {
				if (NOT_ENDPOINTS.contains(pattern)) {
					continue;
				}
				methods.forEach(method -> endpoints.put(method + " " + pattern, entry.getValue()));
			}
		}
		return endpoints;
	}

	/** The rows of the matrix: endpoint → group → allowed. */
	static Map<String, Map<String, Boolean>> matrix() throws IOException {
		Map<String, Map<String, Boolean>> rows = new LinkedHashMap<>();
		boolean inSection = false;
		for (String line : Files.readAllLines(MATRIX)) {
			if (line.startsWith("## ")) {
				inSection = line.startsWith(SECTION);
				continue;
			}
			Matcher row = ROW.matcher(line);
			if (!inSection || !row.matches()) {
				continue;
			}
			String[] cells = row.group(3).split("\\|");
			Map<String, Boolean> allowed = new LinkedHashMap<>();
			List<String> groups = List.copyOf(USERS.keySet());
			for (int i = 0; i < groups.size(); i++) {
				String cell = cells[i].strip();
				assertThat(cell).as("%s %s, column %s", row.group(1), row.group(2), groups.get(i)).matches("[✓✗].*");
				allowed.put(groups.get(i), cell.startsWith("✓"));
			}
			rows.put(row.group(1) + " " + row.group(2), allowed);
		}
		return rows;
	}

}
