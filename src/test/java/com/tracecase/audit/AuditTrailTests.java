package com.tracecase.audit;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.casework.FailureReport;
import com.tracecase.casework.ReportChannel;
import com.tracecase.casework.SymptomCategory;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.NewLot;
import com.tracecase.genealogy.Part;
import com.tracecase.genealogy.PartKind;
import com.tracecase.shared.Labels;
import com.tracecase.workflow.CaseFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.tracecase.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The audit trail through the API: each change through the genealogy API leaves one entry
 * naming who did what, a rolled-back change leaves none, and the trail filters, pages and
 * guards who reads it.
 */
@TracecaseIntegrationTest
class AuditTrailTests {

	static final String MANAGER = "ops.manager";

	static final String PLANNER = "prod.planner";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	AuditTrail trail;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	@Autowired
	CaseManagement cases;

	@Autowired
	PlatformTransactionManager transactionManager;

	TransactionTemplate transactions;

	final HttpClient http = HttpClient.newHttpClient();

	final String p = "A" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	@BeforeEach
	void setUp() {
		transactions = new TransactionTemplate(transactionManager);
	}

	@Test
	void eachGenealogyChangeThroughTheApiLeavesOneEntryNamingWhoAndWhat() {
		String part = p + "-CELL";
		String product = p + "-PACK";
		String lot = p + "-CELL-L1";
		String build = p + "-B-PACK";
		post("/api/genealogy/parts", PLANNER,
				Map.of("partNumber", part, "description", "Li-ion cell", "kind", "component", "unitCost", 2.4), 201);
		post("/api/genealogy/parts", PLANNER,
				Map.of("partNumber", product, "description", "Battery pack", "kind", "subassembly"), 201);
		post("/api/genealogy/lots", PLANNER, Map.of("lotCode", lot, "partNumber", part, "quantity", 100), 201);
		post("/api/genealogy/builds", PLANNER, Map.of("buildCode", build, "partNumber", product, "quantity", 10), 201);
		post("/api/genealogy/builds/" + build + "/consumptions", "qc.engineer",
				List.of(Map.of("consumedLotCode", lot, "quantity", 20)), 204);
		post("/api/genealogy/builds/" + build + "/complete", PLANNER, Map.of(), 200);
		post("/api/genealogy/lots/" + lot + "/status", "qc.engineer",
				Map.of("status", "quarantined", "reason", "Swollen cells"), 200);

		assertThat(entries("subject=PART&key=" + part))
			.extracting(e -> e.path("user").asText(), e -> e.path("action").asText(), e -> e.path("summary").asText())
			.containsExactly(tuple(PLANNER, "CREATED", "Part registered: Li-ion cell"));
		List<JsonNode> lotTrail = entries("subject=LOT&key=" + lot);
		assertThat(lotTrail).extracting(e -> e.path("user").asText(), e -> e.path("action").asText())
			.containsExactly(tuple("qc.engineer", "STATUS_CHANGED"), tuple(PLANNER, "CREATED"));
		JsonNode quarantined = lotTrail.get(0);
		assertThat(quarantined.path("subjectLabel").asText()).isEqualTo(Labels.label(AuditSubject.LOT));
		assertThat(quarantined.path("actionLabel").asText()).isEqualTo(Labels.label(AuditAction.STATUS_CHANGED));
		assertThat(quarantined.path("oldValue").asText()).isEqualTo(LotStatus.AVAILABLE.name());
		assertThat(quarantined.path("newValue").asText()).isEqualTo(LotStatus.QUARANTINED.name());
		assertThat(quarantined.path("newValueLabel").asText()).isEqualTo(Labels.label(LotStatus.QUARANTINED));
		assertThat(quarantined.path("summary").asText()).contains(Labels.label(LotStatus.AVAILABLE))
			.contains(Labels.label(LotStatus.QUARANTINED))
			.endsWith("Swollen cells");
		assertThat(entries("subject=BUILD&key=" + build))
			.extracting(e -> e.path("user").asText(), e -> e.path("action").asText(), e -> e.path("newValue").asText())
			.containsExactly(tuple(PLANNER, "COMPLETED", ""), tuple("qc.engineer", "CONSUMED", lot),
					tuple(PLANNER, "CREATED", ""));
		// newest first: the entries' times never increase down the list
		List<Instant> times = lotTrail.stream().map(e -> Instant.parse(e.path("at").asText())).toList();
		assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void aRolledBackOrRefusedChangeLeavesNoEntry() {
		String part = p + "-RES";
		String lot = p + "-RES-L1";
		lots.createPart(new Part(part, "Resistor", PartKind.COMPONENT, new BigDecimal("0.01"), "Yageo", false));
		transactions.executeWithoutResult(status -> {
			lots.createLot(new NewLot(lot, part, "Yageo", "2611", new BigDecimal("5000"), null, null, null, null));
			lots.changeStatus(lot, LotStatus.QUARANTINED, PLANNER, "Wrong reel");
			status.setRollbackOnly();
		});
		assertThat(genealogy.findLot(lot)).isEmpty();
		assertThat(trail.find(new AuditQuery(AuditSubject.LOT, lot, null, null, null, 0, 10)).entries()).isEmpty();

		lots.createLot(new NewLot(lot, part, "Yageo", "2611", new BigDecimal("5000"), null, null, null, null));
		// AVAILABLE cannot become IN_PRODUCTION: refused, nothing written
		HttpResponse<String> refused = call("POST", "/api/genealogy/lots/" + lot + "/status", PLANNER,
				Map.of("status", "in_production"));
		assertProblem(refused, 422, "status");
		assertThat(trail.find(new AuditQuery(AuditSubject.LOT, lot, null, null, null, 0, 10)).entries())
			.extracting(AuditEntry::action)
			.containsExactly(AuditAction.CREATED);
	}

	@Test
	void theTrailFiltersByUserAndPeriodAndPagesNewestFirst() {
		String user = "auditor." + p.toLowerCase();
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(10, ChronoUnit.DAYS);
		List<String> keys = new ArrayList<>();
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < 5; i++) {
				String key = p + "-L" + i;
				keys.add(key);
				trail.record(start.plus(i, ChronoUnit.HOURS), user, AuditSubject.LOT, key, AuditAction.STATUS_CHANGED,
						"Entry " + i, LotStatus.AVAILABLE, LotStatus.QUARANTINED);
			}
			trail.record(start.plus(2, ChronoUnit.HOURS), "someone.else", AuditSubject.LOT, keys.get(2),
					AuditAction.STATUS_CHANGED, "Not by the user", (String) null, null);
		});
		List<String> newestFirst = new ArrayList<>(keys);
		Collections.reverse(newestFirst);

		JsonNode first = page("user=" + user + "&size=2", MANAGER);
		assertThat(first.path("entries").findValuesAsText("key")).containsExactlyElementsOf(newestFirst.subList(0, 2));
		assertThat(first.path("hasNext").asBoolean()).isTrue();
		JsonNode last = page("user=" + user + "&size=2&page=2", "admin");
		assertThat(last.path("entries").findValuesAsText("key")).containsExactlyElementsOf(newestFirst.subList(4, 5));
		assertThat(last.path("hasNext").asBoolean()).isFalse();

		// from is inclusive, to exclusive: the entries of hours 1 and 2
		JsonNode period = page(
				"user=" + user + "&from=" + start.plus(1, ChronoUnit.HOURS) + "&to=" + start.plus(3, ChronoUnit.HOURS),
				MANAGER);
		assertThat(period.path("entries").findValuesAsText("key")).containsExactly(keys.get(2), keys.get(1));
		JsonNode byKey = page("key=" + keys.get(2), MANAGER);
		assertThat(byKey.path("entries").findValuesAsText("user")).containsExactlyInAnyOrder(user, "someone.else");
	}

	@Test
	void onlyManagersAndAdministratorsReadTheWholeTrailOthersTheTrailOfACase() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = cases
			.file(new FailureReport(plant.failedUnit(), "Dana Miller", "dana.miller@example.com", null,
					SymptomCategory.NO_POWER, "Dead", null, ReportChannel.PHONE, null, CustomerTier.STANDARD),
					"cs.agent", null)
			.failureCase()
			.getCaseNumber();

		for (String user : List.of("cs.agent", "qc.engineer", PLANNER, "finance.approver")) {
			assertProblem(call("GET", "/api/audit", user, null), 403, null);
			assertProblem(call("GET", "/api/audit?subject=LOT&key=" + plant.mcuReel, user, null), 403, null);
			JsonNode own = page("subject=CASE&key=" + caseNumber, user);
			assertThat(own.path("entries")).extracting(e -> e.path("user").asText(), e -> e.path("action").asText())
				.contains(tuple("cs.agent", "CREATED"));
		}
		assertProblem(call("GET", "/api/audit?subject=CASE&key=FC-2099-999999", "qc.engineer", null), 404, null);
		assertThat(page("subject=CASE&key=" + caseNumber, MANAGER).path("entries").findValuesAsText("action"))
			.contains("CREATED");
	}

	@Test
	void badParametersAreRefusedNamingTheField() {
		Map<String, String> bad = Map.of("subject=NOPE", "subject", "from=yesterday", "from", "to=2026-13-01", "to",
				"page=-1", "page", "page=x", "page", "size=0", "size", "size=201", "size",
				"from=2026-03-02&to=2026-03-01", "to", "user=" + "u".repeat(101), "user");
		bad.forEach((query, field) -> assertProblem(call("GET", "/api/audit?" + query, MANAGER, null), 422, field));
	}

	private List<JsonNode> entries(String query) {
		List<JsonNode> entries = new ArrayList<>();
		page(query, MANAGER).path("entries").forEach(entries::add);
		return entries;
	}

	private JsonNode page(String query, String user) {
		HttpResponse<String> response = call("GET", "/api/audit?" + query, user, null);
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		return read(response.body());
	}

	private void post(String path, String user, Object body, int expectedStatus) {
		HttpResponse<String> response = call("POST", path, user, body);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
	}

	private HttpResponse<String> call(String method, String path, String user, Object body) {
		String uri = "http://localhost:" + port + encodeQuery(path);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
			.header("Authorization", DemoLogin.basic(user));
		try {
			if (body != null) {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encodeQuery(String path) {
		int query = path.indexOf('?');
		if (query < 0) {
			return path;
		}
		StringBuilder encoded = new StringBuilder(path.substring(0, query + 1));
		for (String pair : path.substring(query + 1).split("&")) {
			int equals = pair.indexOf('=');
			if (encoded.charAt(encoded.length() - 1) != '?') {
				encoded.append('&');
			}
			encoded.append(pair, 0, equals + 1)
				.append(URLEncoder.encode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return encoded.toString();
	}

	private JsonNode read(String body) {
		try {
			return json.readTree(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
