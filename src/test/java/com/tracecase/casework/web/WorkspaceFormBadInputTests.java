package com.tracecase.casework.web;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.tracecase.PageSession;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.genealogy.Disposal;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.NewLot;
import com.tracecase.genealogy.Part;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.ReturnedMaterial;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.Recalls;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.workflow.CaseDriver;
import com.tracecase.workflow.CaseFixture;
import com.tracecase.workflow.SupplierActionDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue of the workspace's forms (docs/bad-input.md): each bad entry
 * comes back as the page with an error summary that names the field (200, or a 4xx page),
 * never a 500 or an internal message, and changes nothing.
 */
@TracecaseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceFormBadInputTests {

	/** The tables these forms write, compared whole before and after each row. */
	private static final List<String> TABLES = List.of("failure_case", "recall_campaign", "recall_unit", "supplier",
			"supplier_corrective_action", "gen_lot", "gen_lot_status_change", "gen_disposal", "containment");

	/** Words only internals contain; a page has HTML, so not ProblemAssertions' list. */
	private static final List<String> INTERNALS = List.of("SQL", "ERROR:", "Exception", "\tat ", "java.",
			"com.tracecase", "varchar", "violates", "postgres");

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
	ReturnedMaterial returnedMaterial;

	@Autowired
	JdbcTemplate jdbc;

	CaseFixture plant;

	String campaign;

	String quarantined;

	String returned;

	SupplierCorrectiveAction action;

	long supplierId;

	String otherSupplier;

	/**
	 * Seeded once for all rows, in the first row's run (the engine's coverage needs one).
	 */
	@BeforeEach
	void seed() {
		if (plant != null) {
			return;
		}
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		campaign = recalls.start(plant.mcuReel, "MCU brown-out below 0 °C", "qc.engineer").getReference();
		new CaseDriver(engine, cases).runJobs(campaign);
		String p = "W" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		lots.createPart(new Part(p + "-CAP", "Capacitor", PartKind.COMPONENT, new BigDecimal("0.01"), "Murata", false));
		quarantined = p + "-CAP-L1";
		lots.createLot(new NewLot(quarantined, p + "-CAP", "Murata", "2611", new BigDecimal("4000"), LocalDate.now(),
				"Q-1", null, null));
		lots.changeStatus(quarantined, LotStatus.QUARANTINED, "qc.engineer", "Cracked caps");
		Disposal disposal = returnedMaterial.disposeReturnedUnit("FC-2099-" + p.substring(1, 7), plant.devices.get(1),
				"FAILURE_ANALYSIS", "FA shelf 1", "prod.planner", "Back for analysis");
		returned = disposal.lotCode();
		SupplierActionDriver supplier = new SupplierActionDriver(engine, lots, suppliers).withContact();
		action = supplier.request(quality);
		supplierId = suppliers.findSupplier(supplier.supplier).orElseThrow().getId();
		otherSupplier = new SupplierActionDriver(engine, lots, suppliers).withContact().supplier;
		this.plant = plant;
	}

	/**
	 * One row of the catalogue.
	 *
	 * @param row what is entered, as the catalogue says
	 * @param user who enters it
	 * @param page the page the form is on (for the session and its CSRF token)
	 * @param action where the form posts
	 * @param fields what is entered
	 * @param says what the error summary says, naming the field
	 */
	record Row(String row, String user, String page, String action, Map<String, String> fields, String says) {

		@Override
		public String toString() {
			return row;
		}

	}

	static Row row(String row, String user, String page, String action, Map<String, String> fields, String says) {
		return new Row(row, user, page, action, fields, says);
	}

	static Map<String, String> report(String field, String value) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("serialNumber", "{serial}", "customerName",
				"Ada Lovelace", "customerEmail", "ada@example.com", "customerTier", "STANDARD", "symptomCategory",
				"NO_POWER", "description", "Dead after a week", "channel", "WEB"));
		fields.put(field, value);
		return fields;
	}

	Stream<Row> rows() {
		String book = "/recalls/{campaign}/units/{unit}";
		String answer = "/supplier-actions/{action}/answer";
		String verdict = "/supplier-actions/{action}/verdict";
		return Stream.of(
				row("report: NUL byte in the description", "cs.agent", "/reports/new", "/reports/new",
						report("description", "De\u0000ad"), "description"),
				row("report: NUL byte at the end of the description", "cs.agent", "/reports/new", "/reports/new",
						report("description", "Dead\u0000"), "description"),
				row("report: customer name of 201 characters", "cs.agent", "/reports/new", "/reports/new",
						report("customerName", "A".repeat(201)), "name"),
				row("report: February 30th as purchase date", "cs.agent", "/reports/new", "/reports/new",
						report("purchaseDate", "2026-02-30"), "purchase date"),
				row("report: purchase date with a time and zone", "cs.agent", "/reports/new", "/reports/new",
						report("purchaseDate", "2026-01-01T00:00+02:00"), "purchase date"),
				row("report: purchase date in the future", "cs.agent", "/reports/new", "/reports/new",
						report("purchaseDate", LocalDate.now().plusYears(1).toString()), "purchase date"),
				row("report: unknown serial number", "cs.agent", "/reports/new", "/reports/new",
						report("serialNumber", "NO-SUCH-SERIAL-1"), "serial"),
				row("report: serial number with SQL", "cs.agent", "/reports/new", "/reports/new",
						report("serialNumber", "x' OR '1'='1"), "serial"),
				row("report: email without @", "cs.agent", "/reports/new", "/reports/new",
						report("customerEmail", "ada.example.com"), "email"),
				row("report: unknown symptom", "cs.agent", "/reports/new", "/reports/new",
						report("symptomCategory", "SMOKE_SIGNALS"), "symptom"),
				row("recall: no reason", "qc.engineer", "/lots/{other}/recalls", "/lots/{other}/recalls",
						Map.of("reason", " "), "reason"),
				row("recall: NUL byte in the reason", "qc.engineer", "/lots/{other}/recalls", "/lots/{other}/recalls",
						Map.of("reason", "Brown\u0000out"), "reason"),
				row("recall: reason of 1001 characters", "qc.engineer", "/lots/{other}/recalls",
						"/lots/{other}/recalls", Map.of("reason", "r".repeat(1001)), "reason"),
				row("recall: a second campaign for the lot", "qc.engineer", "/lots/{reel}/recalls",
						"/lots/{reel}/recalls", Map.of("reason", "Again"), "open recall campaign"),
				row("book unit: unknown status", "cs.agent", "/recalls/{campaign}", book, Map.of("status", "LOST"),
						"not a valid status"),
				row("book unit: closed without a note", "qc.engineer", "/recalls/{campaign}", book,
						Map.of("status", "CLOSED"), "closed without a remedy"),
				row("book unit: NUL byte in the note", "cs.agent", "/recalls/{campaign}", book,
						Map.of("status", "NOTIFIED", "note", "Phoned\u0000"), "note"),
				row("book unit: page not a number", "cs.agent", "/recalls/{campaign}", book + "?page=x",
						Map.of("status", "NOTIFIED", "note", "Phoned"), "not a valid page"),
				row("8D answer: root cause missing", "qc.engineer", "/supplier-actions/{action}", answer,
						Map.of("containmentAction", "Sorted", "correctiveAction", "Limit", "preventiveAction", "Log"),
						"root cause"),
				row("8D answer: NUL byte in the root cause", "qc.engineer", "/supplier-actions/{action}", answer,
						Map.of("containmentAction", "Sorted", "rootCause", "Drift\u0000", "correctiveAction", "Limit",
								"preventiveAction", "Log"),
						"root cause"),
				row("verdict: before the answer", "qc.engineer", "/supplier-actions/{action}", verdict,
						Map.of("verdict", "VERIFIED"), "answer"),
				row("verdict: neither verified nor rejected", "qc.engineer", "/supplier-actions/{action}", verdict,
						Map.of("verdict", "MAYBE"), "verified or rejected"),
				row("supplier: NUL byte in the name", "qc.engineer", "/suppliers", "/suppliers",
						Map.of("name", "Acme\u0000"), "name"),
				row("supplier: header injection in the email", "qc.engineer", "/suppliers", "/suppliers",
						Map.of("name", "Acme Cells W", "contactEmail", "a@acme.example\r\nBcc: x@y.example"), "email"),
				row("supplier: no name", "qc.engineer", "/suppliers", "/suppliers", Map.of("contactName", "Kim"),
						"name"),
				row("supplier: change with an id that is no number", "qc.engineer", "/suppliers", "/suppliers/abc",
						Map.of("name", "Acme"), "not a valid id"),
				row("supplier: change to another's name in other case", "qc.engineer", "/suppliers",
						"/suppliers/{supplier}", Map.of("name", "{otherSupplier}"), "Another supplier"),
				row("quarantine: no decision", "qc.engineer", "/quarantine", "/quarantine/{quarantined}",
						Map.of("reason", "Looks fine"), "release"),
				row("quarantine: unknown status", "qc.engineer", "/quarantine", "/quarantine/{quarantined}",
						Map.of("status", "MELTED", "reason", "Looks fine"), "not a valid status"),
				row("quarantine: NUL byte in the reason", "qc.engineer", "/quarantine", "/quarantine/{quarantined}",
						Map.of("status", "AVAILABLE", "reason", "Fine\u0000"), "reason"),
				row("at risk: contain an unknown lot", "qc.engineer", "/at-risk", "/at-risk/containments",
						Map.of("lotCode", "NO-SUCH-LOT-3", "reason", "Cracks"), "NO-SUCH-LOT-3"),
				row("at risk: contain with LIKE wildcards as lot", "qc.engineer", "/at-risk", "/at-risk/containments",
						Map.of("lotCode", "%", "reason", "Cracks"), "%"),
				row("at risk: no reason", "qc.engineer", "/at-risk", "/at-risk/containments",
						Map.of("lotCode", "{other}"), "why the lot"),
				row("returns: unknown disposition", "prod.planner", "/returns", "/returns/{returned}/move",
						Map.of("disposition", "MOON", "location", "Shelf 2", "reason", "Moved"), "dispose"),
				row("returns: NUL byte in the location", "prod.planner", "/returns", "/returns/{returned}/move",
						Map.of("disposition", "SCRAP", "location", "Shelf\u00002", "reason", "Moved"), "location"),
				row("lot status: NUL byte at the end of the reason", "qc.engineer", "/lots/{other}",
						"/lots/{other}/status", Map.of("status", "QUARANTINED", "reason", "Cracks\u0000"), "reason"),
				row("lot status: unknown status", "qc.engineer", "/lots/{other}", "/lots/{other}/status",
						Map.of("status", "MELTED", "reason", "Test"), "not a valid status"));
	}

	/**
	 * The filters of the lists, sent by hand.
	 * @return page, what the page says naming the filter ({@literal null}: the list as it
	 * is, its value taken as text)
	 */
	static Stream<Arguments> filters() {
		return Stream.of(Arguments.of("/cases?from=2026-02-30", "date"), Arguments.of("/cases?status=LOST", "status"),
				Arguments.of("/returns?disposition=MOON", "Choose where the items are"),
				Arguments.of("/dashboard?from=yesterday", "date"),
				Arguments.of("/supplier-actions?status=LOST", "status"), Arguments.of("/recalls?status=LOST", "status"),
				Arguments.of("/search?q=%25%27%3B--", null), Arguments.of("/cases?lot=%25", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("filters")
	void aBadFilterShowsTheListWithTheFilterNamedNeverAnError(String path, String says) throws Exception {
		String before = snapshot();
		HttpResponse<String> response = new PageSession(port, "ops.manager").get(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 499);
		for (String internal : INTERNALS) {
			assertThat(response.body()).as(path + " shows internals").doesNotContain(internal);
		}
		if (says != null) {
			Element message = Jsoup.parse(response.body()).selectFirst(".error-summary, #error-message");
			assertThat(message).as(path + ": no error summary in " + response.body()).isNotNull();
			assertThat(message.text()).as(path).containsIgnoringCase(says);
		}
		assertThat(snapshot()).as("nothing written by " + path).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void aBadEntryComesBackAsThePageNamingTheFieldAndChangesNothing(Row row) throws Exception {
		String before = snapshot();
		PageSession session = new PageSession(port, row.user());
		HttpResponse<String> page = session.get(fill(row.page()));
		assertThat(page.statusCode()).as(row.page()).isEqualTo(200);
		Map<String, String> fields = new LinkedHashMap<>();
		row.fields().forEach((name, value) -> fields.put(name, fill(value)));
		fields.put("_csrf", session.csrf());
		HttpResponse<String> response = session.post(fill(row.action()), fields);
		String body = response.body();
		assertThat(response.statusCode()).as(row.row() + ": " + body).isBetween(200, 499);
		for (String internal : INTERNALS) {
			assertThat(body).as(row.row() + " shows internals").doesNotContain(internal);
		}
		Document answer = Jsoup.parse(body);
		// the page's error summary, or the error page's message
		Element message = answer.selectFirst(".error-summary, #error-message");
		assertThat(message).as(row.row() + ": no error summary in " + body).isNotNull();
		assertThat(message.text()).as(row.row()).containsIgnoringCase(fill(row.says()));
		assertThat(snapshot()).as("nothing written by: " + row.row()).isEqualTo(before);
	}

	private String fill(String text) {
		return text.replace("{campaign}", campaign)
			.replace("{unit}", plant.deviceLots.get(1))
			.replace("{serial}", plant.devices.get(2))
			.replace("{reel}", plant.mcuReel)
			.replace("{other}", plant.pmicReelA)
			.replace("{quarantined}", quarantined)
			.replace("{returned}", returned)
			.replace("{action}", String.valueOf(action.getId()))
			.replace("{supplier}", String.valueOf(supplierId))
			.replace("{otherSupplier}", otherSupplier.toUpperCase());
	}

	/** The content of every table these forms write. */
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
