package com.tracecase.quality.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.RecallCampaign;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.quality.Recalls;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.workflow.CaseDriver;
import com.tracecase.workflow.CaseFixture;
import com.tracecase.workflow.SupplierActionDriver;
import com.tracecase.workflow.SupplierActionProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.tracecase.ProblemAssertions.assertNoInternals;
import static com.tracecase.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue of the recall campaigns, suppliers, supplier actions, managers'
 * figures and the engine REST API's task completion (docs/bad-input.md): each row is
 * refused with a 4xx that names the field and shows nothing of the inside, and leaves
 * every table it could touch as it was.
 */
@TracecaseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QualityApiBadInputTests {

	/** The tables these endpoints write, compared whole before and after each row. */
	private static final List<String> TABLES = List.of("recall_campaign", "recall_unit", "supplier",
			"supplier_corrective_action", "gen_lot", "gen_lot_status_change", "containment");

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	LotManagement lots;

	@Autowired
	QualityManagement quality;

	@Autowired
	SupplierManagement suppliers;

	@Autowired
	Recalls recalls;

	@Autowired
	CaseManagement cases;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	CaseFixture plant;

	String campaign;

	String unit;

	String shippedUnit;

	SupplierCorrectiveAction action;

	long supplierId;

	String otherSupplier;

	String answerTask;

	/**
	 * Seeded once for all rows, in the first row's run (the engine's coverage needs one).
	 */
	@BeforeEach
	void seed() {
		if (plant != null) {
			return;
		}
		plant = new CaseFixture().build(lots, true, 2);
		RecallCampaign started = recalls.start(plant.mcuReel, "MCU brown-out below 0 °C", "qc.engineer");
		campaign = started.getReference();
		new CaseDriver(engine, cases).runJobs(campaign);
		unit = plant.deviceLots.get(1);
		shippedUnit = plant.deviceLots.get(0);
		// the unit is taken back once; a second return is a repeated completion
		recalls.update(campaign, shippedUnit, RecallUnitStatus.RETURNED, null, "prod.planner");

		SupplierActionDriver supplier = new SupplierActionDriver(engine, lots, suppliers).withContact();
		action = supplier.request(quality);
		supplierId = suppliers.findSupplier(supplier.supplier).orElseThrow().getId();
		SupplierActionDriver other = new SupplierActionDriver(engine, lots, suppliers).withContact();
		otherSupplier = other.supplier;
		answerTask = supplier.task(action, SupplierActionProcess.TASK_RECORD_ANSWER).getId();
	}

	/**
	 * One row of the catalogue.
	 *
	 * @param row what is sent, as the catalogue says
	 * @param user who sends it
	 * @param method the HTTP method
	 * @param path the path, with {campaign}, {unit}, {shipped}, {returned}, {reel},
	 * {action}, {supplier}, {task} filled in
	 * @param body the raw body, or {@literal null}
	 * @param status the answer's status
	 * @param field the field the problem names, {@literal null} where none is (a 404 on
	 * the path, a 409)
	 */
	record Row(String row, String user, String method, String path, String body, int status, String field) {

		@Override
		public String toString() {
			return row;
		}

	}

	static Row row(String row, String user, String method, String path, String body, int status, String field) {
		return new Row(row, user, method, path, body, status, field);
	}

	Stream<Row> recallRows() {
		String start = "/api/recalls";
		String book = "/api/recalls/{campaign}/units/{unit}";
		return Stream.of(row("recall: malformed JSON", "qc.engineer", "POST", start, "{\"lotCode\": ", 422, null),
				row("recall: lotCode of the wrong type (array)", "qc.engineer", "POST", start,
						"{\"lotCode\": [\"{reel}\"], \"reason\": \"Brown-out\"}", 422, "lotCode"),
				row("recall: reason missing", "qc.engineer", "POST", start, "{\"lotCode\": \"{reel}\"}", 422, "reason"),
				row("recall: lotCode missing", "qc.engineer", "POST", start, "{\"reason\": \"Brown-out\"}", 422,
						"lotCode"),
				row("recall: lotCode of 101 characters", "qc.engineer", "POST", start,
						"{\"lotCode\": \"" + "L".repeat(101) + "\", \"reason\": \"Brown-out\"}", 422, "lotCode"),
				row("recall: reason of 1001 characters", "qc.engineer", "POST", start,
						"{\"lotCode\": \"{reel}\", \"reason\": \"" + "r".repeat(1001) + "\"}", 422, "reason"),
				row("recall: NUL byte in reason", "qc.engineer", "POST", start,
						"{\"lotCode\": \"{reel}\", \"reason\": \"Brown\\u0000out\"}", 422, "reason"),
				row("recall: line break in lotCode", "qc.engineer", "POST", start,
						"{\"lotCode\": \"{reel}\\n\", \"reason\": \"Brown-out\"}", 422, "lotCode"),
				row("recall: unknown lot", "qc.engineer", "POST", start,
						"{\"lotCode\": \"NO-SUCH-LOT-1\", \"reason\": \"Brown-out\"}", 422, "lotCode"),
				row("recall: lot code with SQL", "qc.engineer", "POST", start,
						"{\"lotCode\": \"x' OR '1'='1\", \"reason\": \"Brown-out\"}", 422, "lotCode"),
				row("recall: lot code with LIKE wildcards", "qc.engineer", "POST", start,
						"{\"lotCode\": \"%\", \"reason\": \"Brown-out\"}", 422, "lotCode"),
				row("recall: a second open campaign for the lot (duplicate)", "qc.engineer", "POST", start,
						"{\"lotCode\": \"{reel}\", \"reason\": \"Again\"}", 409, null),
				row("recall: unknown extra field", "qc.engineer", "POST", start,
						"{\"lotCode\": \"{reel}\", \"reason\": \"Brown-out\", \"status\": \"CLOSED\"}", 422, "status"),
				row("recall list: unknown status", "qc.engineer", "GET", "/api/recalls?status=LOST", null, 422,
						"status"),
				row("recall list: limit not a number", "qc.engineer", "GET", "/api/recalls?limit=ten", null, 400,
						"limit"),
				row("recall list: limit overflows an int", "qc.engineer", "GET", "/api/recalls?limit=99999999999", null,
						400, "limit"),
				row("recall units: negative page", "qc.engineer", "GET", "/api/recalls/{campaign}/units?page=-1", null,
						422, "page"),
				row("recall units: page beyond an int", "qc.engineer", "GET",
						"/api/recalls/{campaign}/units?page=2147483648", null, 400, "page"),
				row("recall units: unknown status", "qc.engineer", "GET", "/api/recalls/{campaign}/units?status=GONE",
						null, 422, "status"),
				row("recall: unknown campaign", "qc.engineer", "GET", "/api/recalls/RC-0000-9999", null, 404, null),
				row("recall units.csv: unknown campaign", "qc.engineer", "GET", "/api/recalls/RC-0000-9999/units.csv",
						null, 404, null),
				row("recall: path traversal in the reference", "qc.engineer", "GET", "/api/recalls/..%2F..%2Fetc", null,
						400, null),
				row("book unit: status missing", "prod.planner", "POST", book, "{}", 422, "status"),
				row("book unit: unknown status", "prod.planner", "POST", book, "{\"status\": \"LOST\"}", 422, "status"),
				row("book unit: status of the wrong type (object)", "prod.planner", "POST", book,
						"{\"status\": {\"value\": \"RETURNED\"}}", 422, "status"),
				row("book unit: CLOSED without a note", "qc.engineer", "POST", book, "{\"status\": \"CLOSED\"}", 422,
						"note"),
				row("book unit: NUL byte in note", "prod.planner", "POST", book,
						"{\"status\": \"RETURNED\", \"note\": \"Back\\u0000\"}", 422, "note"),
				row("book unit: note of 1001 characters", "prod.planner", "POST", book,
						"{\"status\": \"RETURNED\", \"note\": \"" + "n".repeat(1001) + "\"}", 422, "note"),
				row("book unit: unknown unit", "prod.planner", "POST", "/api/recalls/{campaign}/units/NO-SUCH-LOT-2",
						"{\"status\": \"RETURNED\"}", 404, null),
				row("book unit: unknown campaign", "prod.planner", "POST", "/api/recalls/RC-0000-9999/units/{unit}",
						"{\"status\": \"RETURNED\"}", 404, null),
				row("book unit: returned twice (repeated completion)", "prod.planner", "POST",
						"/api/recalls/{campaign}/units/{returned}", "{\"status\": \"RETURNED\"}", 422, "status"),
				row("book unit: Content-Type text/plain", "prod.planner", "POST", book, "status=RETURNED", 415, null));
	}

	Stream<Row> supplierRows() {
		String add = "/api/suppliers";
		String change = "/api/suppliers/{supplier}";
		return Stream.of(row("supplier: malformed JSON", "qc.engineer", "POST", add, "{\"name\": \"A\",", 422, null),
				row("supplier: empty body", "qc.engineer", "POST", add, "", 422, "name"),
				row("supplier: name of the wrong type (object)", "qc.engineer", "POST", add, "{\"name\": {}}", 422,
						"name"),
				row("supplier: name of 201 characters", "qc.engineer", "POST", add,
						"{\"name\": \"" + "S".repeat(201) + "\"}", 422, "name"),
				row("supplier: NUL byte in name", "qc.engineer", "POST", add, "{\"name\": \"Acme\\u0000 Cells\"}", 422,
						"name"),
				row("supplier: line break in contactName", "qc.engineer", "POST", add,
						"{\"name\": \"Acme Cells NL\", \"contactName\": \"Kim\\r\\nBcc: x@y.example\"}", 422,
						"contactName"),
				row("supplier: header injection in contactEmail", "qc.engineer", "POST", add,
						"{\"name\": \"Acme Cells NL\", \"contactEmail\": \"kim@acme.example\\r\\nBcc: x@y.example\"}",
						422, "contactEmail"),
				row("supplier: contactEmail with Unicode lookalike @", "qc.engineer", "POST", add,
						"{\"name\": \"Acme Cells NL\", \"contactEmail\": \"kim\uFF20acme.example\"}", 422,
						"contactEmail"),
				row("supplier: unknown extra field", "qc.engineer", "POST", add,
						"{\"name\": \"Acme Cells XF\", \"id\": 1}", 422, "id"),
				row("supplier: the name of another in other case (duplicate)", "qc.engineer", "PUT", change,
						"{\"name\": \"{otherSupplierUpper}\"}", 409, null),
				row("supplier: id not a number", "qc.engineer", "PUT", "/api/suppliers/abc", "{\"name\": \"A\"}", 400,
						"id"),
				row("supplier: id beyond a long", "qc.engineer", "GET", "/api/suppliers/99999999999999999999", null,
						400, "id"),
				row("supplier: unknown id", "qc.engineer", "PUT", "/api/suppliers/987654321", "{\"name\": \"A\"}", 404,
						null),
				row("supplier: NUL byte in name on change", "qc.engineer", "PUT", change, "{\"name\": \"Acme\\u0000\"}",
						422, "name"));
	}

	Stream<Row> supplierActionRows() {
		String answer = "/api/supplier-actions/{action}/answer";
		String verdict = "/api/supplier-actions/{action}/verdict";
		String full = "\"containmentAction\": \"Sorted\", \"correctiveAction\": \"Limit\", "
				+ "\"preventiveAction\": \"Logging\"";
		return Stream.of(row("8D answer: malformed JSON", "qc.engineer", "POST", answer, "{\"rootCause\": ", 422, null),
				row("8D answer: rootCause of the wrong type (array)", "qc.engineer", "POST", answer,
						"{" + full + ", \"rootCause\": [\"Drift\"]}", 422, "rootCause"),
				row("8D answer: rootCause missing", "qc.engineer", "POST", answer, "{" + full + "}", 422, "rootCause"),
				row("8D answer: rootCause of 4001 characters", "qc.engineer", "POST", answer,
						"{" + full + ", \"rootCause\": \"" + "c".repeat(4001) + "\"}", 422, "rootCause"),
				row("8D answer: NUL byte in rootCause", "qc.engineer", "POST", answer,
						"{" + full + ", \"rootCause\": \"Oven\\u0000drift\"}", 422, "rootCause"),
				row("8D answer: unknown action", "qc.engineer", "POST", "/api/supplier-actions/987654321/answer",
						"{" + full + ", \"rootCause\": \"Drift\"}", 404, null),
				row("8D answer: action id not a number", "qc.engineer", "POST", "/api/supplier-actions/x/answer",
						"{" + full + ", \"rootCause\": \"Drift\"}", 400, "id"),
				row("verdict: before the answer (out of order)", "qc.engineer", "POST", verdict,
						"{\"verdict\": \"VERIFIED\"}", 409, null),
				row("verdict: lower case", "qc.engineer", "POST", verdict, "{\"verdict\": \"verified\"}", 422,
						"verdict"),
				row("verdict: SQL in the verdict", "qc.engineer", "POST", verdict,
						"{\"verdict\": \"VERIFIED' OR '1'='1\"}", 422, "verdict"),
				row("verdict: NUL byte in reason (named as the task's field)", "qc.engineer", "POST", verdict,
						"{\"verdict\": \"REJECTED\", \"reason\": \"No\\u0000\"}", 422, "reason"),
				row("actions: unknown status", "qc.engineer", "GET", "/api/supplier-actions?status=LOST", null, 422,
						"status"),
				row("actions: overdue not a boolean", "qc.engineer", "GET", "/api/supplier-actions?overdue=maybe", null,
						400, "overdue"),
				row("actions: lot filter with a NUL byte", "qc.engineer", "GET", "/api/supplier-actions?lot=a%00b",
						null, 422, "lot"));
	}

	Stream<Row> metricsRows() {
		String user = "ops.manager";
		return Stream.of(
				row("figures: from is no date", user, "GET", "/api/metrics/cases-per-week?from=yesterday", null, 400,
						"from"),
				row("figures: from is the 13th month", user, "GET", "/api/metrics/cases-per-week?from=2026-13-01", null,
						400, "from"),
				row("figures: February 30th", user, "GET", "/api/metrics/sla-breaches?to=2026-02-30", null, 400, "to"),
				row("figures: from with a time and zone", user, "GET",
						"/api/metrics/task-waits?from=2026-01-01T00:00%2B02:00", null, 400, "from"),
				row("figures: period ends before it starts", user, "GET",
						"/api/metrics/decisions-per-week?from=2026-02-01&to=2026-01-01", null, 422, "from"),
				row("figures: year 10000", user, "GET", "/api/metrics/warranty-cost-per-month?to=+10000-01-01", null,
						400, "to"),
				row("figures: Pareto by an unknown dimension", user, "GET", "/api/metrics/failure-pareto?by=colour",
						null, 422, "by"),
				row("figures: minimumCases 0", user, "GET", "/api/metrics/suspect-lots?minimumCases=0", null, 422,
						"minimumCases"),
				row("figures: minimumCases not a number", user, "GET", "/api/metrics/suspect-lots?minimumCases=two",
						null, 400, "minimumCases"),
				row("figures: minimumCases beyond an int", user, "GET",
						"/api/metrics/suspect-lots?minimumCases=99999999999", null, 400, "minimumCases"),
				row("figures: format xml", user, "GET", "/api/metrics/recall-campaigns?format=xml", null, 422,
						"format"),
				row("figures: Accept application/xml", user, "GET", "/api/metrics/open-cases-by-step", null, 406,
						null));
	}

	Stream<Row> otherRows() {
		return Stream.of(row("cases: unknown status", "cs.agent", "GET", "/api/cases?status=LOST", null, 400, "status"),
				row("cases: February 30th", "cs.agent", "GET", "/api/cases?from=2026-02-30", null, 400, "from"),
				row("mail: limit not a number", "cs.agent", "GET", "/api/mail/messages?limit=many", null, 400, "limit"),
				row("notification retry: id not a number", "ops.manager", "POST", "/api/notifications/abc/retry", null,
						400, "id"),
				row("unit received: unknown case", "prod.planner", "POST", "/api/cases/FC-0000-000000/unit-received",
						null, 404, null),
				row("import: unknown import", "prod.planner", "GET", "/api/genealogy/imports/abc", null, 404, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("otherRows")
	void casesMailNotificationsAndImportsRefuseBadParametersNamingThem(Row row) throws Exception {
		refused(row);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("recallRows")
	void recallCampaignsRefuseBadInputNamingTheFieldAndWriteNothing(Row row) throws Exception {
		refused(row);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("supplierRows")
	void suppliersRefuseBadInputNamingTheFieldAndWriteNothing(Row row) throws Exception {
		refused(row);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("supplierActionRows")
	void supplierActionsRefuseBadInputNamingTheFieldAndWriteNothing(Row row) throws Exception {
		refused(row);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("metricsRows")
	void managersFiguresRefuseBadParametersNamingThem(Row row) throws Exception {
		refused(row);
	}

	@Test
	void tasklistsCompletionThroughTheEngineRestApiRefusesBadInputAndKeepsTheTaskOpen() throws Exception {
		SupplierActionDriver other = new SupplierActionDriver(engine, lots, suppliers).withContact();
		SupplierCorrectiveAction done = other.request(quality);
		String doneTask = other.task(done, SupplierActionProcess.TASK_RECORD_ANSWER).getId();
		other.complete(done, SupplierActionProcess.TASK_RECORD_ANSWER, "qc.engineer",
				SupplierActionDriver.answer("Oven drift"));
		String complete = "/engine-rest/task/" + answerTask + "/complete";
		List<Row> rows = List.of(
				row("engine: completion without the answer's fields", "qc.engineer", "POST", complete,
						"{\"variables\": {}}", 400, SupplierActionProcess.VAR_ROOT_CAUSE),
				row("engine: NUL byte in a variable", "qc.engineer", "POST", complete,
						"{\"variables\": {"
								+ String.join(", ", variable(SupplierActionProcess.VAR_CONTAINMENT_ACTION, "Sorted"),
										variable(SupplierActionProcess.VAR_ROOT_CAUSE, "Drift\\u0000"),
										variable(SupplierActionProcess.VAR_CORRECTIVE_ACTION, "Limit"),
										variable(SupplierActionProcess.VAR_PREVENTIVE_ACTION, "Logging"))
								+ "}}",
						400, SupplierActionProcess.VAR_ROOT_CAUSE),
				row("engine: variables of the wrong type", "qc.engineer", "POST", complete, "{\"variables\": \"nope\"}",
						400, null),
				row("engine: malformed JSON", "qc.engineer", "POST", complete, "{\"variables\": ", 400, null),
				row("engine: unknown task", "qc.engineer", "POST", "/engine-rest/task/no-such-task/complete", "{}", 404,
						null),
				row("engine: a completed task again (repeated completion)", "qc.engineer", "POST",
						"/engine-rest/task/" + doneTask + "/complete",
						"{\"variables\": {\"" + SupplierActionProcess.VAR_ROOT_CAUSE
								+ "\": {\"value\": \"Again\", \"type\": \"String\"}}}",
						404, null));
		for (Row row : rows) {
			String before = snapshot();
			HttpResponse<String> response = send(row);
			assertThat(response.statusCode()).as(row.row() + ": " + response.body()).isEqualTo(row.status());
			assertNoInternals(response.body()
				.replace("\"type\":\"InvalidRequestException\"", "")
				.replace("\"type\":\"RestException\"", ""));
			assertThat(response.body()).as(row.row()).doesNotContain("ENGINE-");
			if (row.field() != null) {
				assertThat(response.body()).as(row.row()).containsIgnoringCase(label(row.field()));
			}
			assertThat(snapshot()).as("nothing written by: " + row.row()).isEqualTo(before);
			assertThat(engine.getTaskService().createTaskQuery().taskId(answerTask).count()).as(row.row()).isEqualTo(1);
		}
	}

	private static String variable(String name, String value) {
		return "\"" + name + "\": {\"value\": \"" + value + "\", \"type\": \"String\"}";
	}

	/**
	 * Runs last: the campaign it starts is written while the other rows compare tables.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void twoSimultaneousRecallsOfOneLotStartOneCampaignAndTheOtherIsAConflict() throws Exception {
		String lot = plant.pmicReelA;
		Row start = row("recall: two at the same moment", "qc.engineer", "POST", "/api/recalls",
				"{\"lotCode\": \"" + lot + "\", \"reason\": \"Charger overheats\"}", 201, null);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try {
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				sent.add(clients.submit(() -> {
					go.await();
					return send(start);
				}));
			}
			go.countDown();
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : sent) {
				answers.add(answer.get(30, TimeUnit.SECONDS));
			}
			assertThat(answers).extracting(HttpResponse::statusCode)
				.as(answers.toString())
				.containsExactlyInAnyOrder(201, 409);
			assertProblem(answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow(), 409,
					null);
			assertThat(jdbc.queryForObject("SELECT count(*) FROM recall_campaign WHERE lot_code = ?", Long.class, lot))
				.isEqualTo(1);
		}
		finally {
			clients.shutdownNow();
		}
	}

	/** How the refusal names a variable: in words, as Tasklist's form labels it. */
	private static String label(String variable) {
		return variable.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
	}

	private void refused(Row row) throws Exception {
		String before = snapshot();
		HttpResponse<String> response = send(row);
		assertProblem(response, row.status(), row.field());
		assertThat(snapshot()).as("nothing written by: " + row.row()).isEqualTo(before);
	}

	private HttpResponse<String> send(Row row) throws Exception {
		String path = fill(row.path());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic(row.user()))
			.header("Accept", row.status() == 406 ? "application/xml"
					: path.contains(".csv") ? "text/csv, application/problem+json" : "application/json");
		if (row.body() != null) {
			boolean form = !row.body().isEmpty() && !row.body().startsWith("{");
			request.header("Content-Type", form ? "text/plain" : "application/json")
				.method(row.method(), HttpRequest.BodyPublishers.ofString(fill(row.body())));
		}
		else {
			request.method(row.method(), HttpRequest.BodyPublishers.noBody());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String fill(String text) {
		return text.replace("{campaign}", campaign)
			.replace("{unit}", unit)
			.replace("{shipped}", shippedUnit)
			.replace("{returned}", shippedUnit)
			.replace("{reel}", plant.mcuReel)
			.replace("{action}", String.valueOf(action.getId()))
			.replace("{supplier}", String.valueOf(supplierId))
			.replace("{otherSupplierUpper}", otherSupplier.toUpperCase())
			.replace("{task}", answerTask);
	}

	/** The content of every table these endpoints write. */
	private String snapshot() {
		List<String> hashes = new ArrayList<>();
		for (String table : TABLES) {
			hashes.add(table + ":" + jdbc.queryForObject(
					"SELECT count(*) || '/' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM "
							+ table + " t",
					String.class));
		}
		return String.join(" ", hashes);
	}

}
