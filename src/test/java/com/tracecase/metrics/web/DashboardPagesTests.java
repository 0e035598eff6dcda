package com.tracecase.metrics.web;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TestClock;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseStatus;
import com.tracecase.casework.CustomerTier;
import com.tracecase.finance.CostKind;
import com.tracecase.finance.LedgerEntry;
import com.tracecase.finance.WarrantyLedger;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.shared.Labels;
import com.tracecase.shared.Money;
import com.tracecase.workflow.CaseDriver;
import com.tracecase.workflow.CaseFixture;
import com.tracecase.workflow.FailureCaseProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The managers' view shows exactly the figures of known cases. Cases are filed in two
 * weeks no other test uses, across the end of a month, and worked on known paths at known
 * times: two refunds QC confirmed (closed after one day and after three and a half days),
 * one closed after two days with no fault found, one left at QC's review past its
 * reminder and its escalation, and one a failed step stops. Every expected value follows
 * from those paths and times.
 */
@TracecaseIntegrationTest
class DashboardPagesTests {

	static final Instant FIRST_MONDAY = LocalDate.of(2034, 4, 24).atTime(9, 0).toInstant(ZoneOffset.UTC);

	static final Instant SECOND_MONDAY = LocalDate.of(2034, 5, 1).atTime(9, 0).toInstant(ZoneOffset.UTC);

	static final String PERIOD = "from=2034-04-24&to=2034-05-07";

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	@Autowired
	LotManagement lots;

	@Autowired
	WarrantyLedger ledger;

	@Autowired
	TestClock clock;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	CaseDriver driver;

	@BeforeEach
	void setUp() {
		driver = new CaseDriver(engine, cases);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theDashboardShowsExactlyTheFiguresOfTheCasesWorked() throws Exception {
		Map<String, Long> openBefore = openCases(page("/dashboard?" + PERIOD));
		CaseFixture refundPlant = new CaseFixture().build(lots, false, 0);
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		// nothing to repair or replace with: QC's confirmed failures are refunded
		lots.changeStatus(refundPlant.pmicReelB, LotStatus.QUARANTINED, "qc.engineer", "test: no stock");
		LocalDate purchased = LocalDate.of(2033, 3, 1);

		// the first week: a refund closed after a day, no fault found after two days, a
		// review left waiting
		clock.set(FIRST_MONDAY);
		String refunded = driver.fileReport(refundPlant.devices.get(0), purchased, CustomerTier.STANDARD);
		String noFault = driver.fileReport(plant.devices.get(0), purchased, CustomerTier.STANDARD);
		String waiting = driver.fileReport(plant.devices.get(1), purchased, CustomerTier.STANDARD);
		driver.runJobs(refunded);
		driver.runJobs(noFault);
		driver.runJobs(waiting);
		driver.fireTimer(waiting, "Timer_QcReminder");
		driver.fireTimer(waiting, "Timer_QcEscalation");
		at(FIRST_MONDAY, Duration.ofHours(1));
		confirm(refunded, refundPlant.pmicReelA, "No boot, PMIC output 0 V");
		at(FIRST_MONDAY, Duration.ofHours(2));
		driver.complete(noFault, "Task_ReviewInvestigation", "qc.engineer", Map.of("qcVerdict", "NO_FAULT_FOUND"));
		at(FIRST_MONDAY, Duration.ofHours(3));
		driver.complete(refunded, "Task_ApproveCost", "finance.approver", Map.of("financeVerdict", "APPROVED"));
		at(FIRST_MONDAY, Duration.ofDays(1));
		driver.complete(refunded, "Task_ConfirmResolution", "cs.agent", Map.of("resolutionSummary", "Refunded."));
		at(FIRST_MONDAY, Duration.ofDays(2));
		driver.complete(noFault, "Task_TellNoFaultFound", "cs.agent",
				Map.of("customerMessage", "We tested your scanner and found no fault."));

		// the second week, in the next month: a refund closed after three and a half days
		clock.set(SECOND_MONDAY);
		String refundedLater = driver.fileReport(refundPlant.devices.get(1), purchased, CustomerTier.STANDARD);
		driver.runJobs(refundedLater);
		at(SECOND_MONDAY, Duration.ofHours(4));
		confirm(refundedLater, refundPlant.pmicReelA, "Overheats while charging");
		at(SECOND_MONDAY, Duration.ofHours(5));
		driver.complete(refundedLater, "Task_ApproveCost", "finance.approver", Map.of("financeVerdict", "APPROVED"));
		at(SECOND_MONDAY, Duration.ofDays(3).plusHours(12));
		driver.complete(refundedLater, "Task_ConfirmResolution", "cs.agent", Map.of("resolutionSummary", "Refunded."));

		// after the period: a case a failed step stops
		clock.set(LocalDate.of(2034, 6, 5).atTime(9, 0).toInstant(ZoneOffset.UTC));
		String stalled = stalledCase();
		clock.reset();

		Document page = page("/dashboard?" + PERIOD);

		assertThat(page.title()).isEqualTo("Managers’ view – Tracecase");
		assertThat(page.getElementById("period-text").text()).isEqualTo("24 April 2034 to 7 May 2034");

		// where open cases wait: the one at QC's review and the stalled one, by step
		// name, in model order
		List<List<String>> open = rows(page, "open-cases-table");
		Map<String, Long> openAfter = openCases(page);
		Map<String, Long> added = new HashMap<>();
		openAfter.forEach((step, count) -> {
			long more = count - openBefore.getOrDefault(step, 0L);
			if (more != 0) {
				added.put(step, more);
			}
		});
		assertThat(added)
			.containsExactlyInAnyOrderEntriesOf(Map.of("Review investigation", 1L, "Open the QC investigation", 1L));
		assertThat(column(open, 0))
			.containsExactlyElementsOf(api("/api/metrics/open-cases-by-step").findValuesAsText("name"));

		// cases that need attention, each linked to its case
		Element attention = rowOf(page, "attention-table", stalled);
		assertThat(texts(attention)).containsExactly(stalled, "Open the QC investigation",
				"'31.12.2025' is not a date (yyyy-MM-dd).",
				Labels.dateTime(cases.get(stalled).getAttentions().get(0).since()));
		assertThat(attention.selectFirst("a").attr("href")).isEqualTo("/cases/" + stalled);

		// filed and closed per week: three filed in the first, two of them closed; one of
		// each in the second
		assertThat(rows(page, "cases-per-week-table")).containsExactly(List.of("24 April 2034", "3", "2"),
				List.of("1 May 2034", "1", "1"));

		// time to close: one and two days in the first week, three and a half in the
		// second
		Duration day = Duration.ofDays(1);
		Duration twoDays = Duration.ofDays(2);
		Duration threeAndAHalfDays = Duration.ofHours(84);
		assertThat(rows(page, "cycle-time-table")).containsExactly(
				List.of("24 April 2034", "2", "1.5 days", duration(percentile(0.9, day, twoDays))),
				List.of("1 May 2034", "1", "3.5 days", "3.5 days"));

		// tasks completed in the period: each waited from the previous step's time to its
		// own
		Duration reviews = Duration.ofHours(1).plusHours(2).plusHours(4);
		assertThat(rows(page, "task-waits-table")).containsExactly(
				waitRow("Approve the warranty cost", "Finance", Duration.ofHours(2), Duration.ofHours(1)),
				waitRow("Confirm the resolution with the customer", "Customer service", Duration.ofHours(24 - 3),
						threeAndAHalfDays.minusHours(5)),
				List.of("Review investigation", "QC", "3", "2 h", "3 h 36 min", Labels.duration(reviews)),
				waitRow("Tell the customer: no fault found", "Customer service", twoDays.minusHours(2)));

		// the waiting review's reminder and escalation, in the first week
		assertThat(rows(page, "sla-breaches-table")).containsExactly(List.of("24 April 2034", "1", "1"),
				List.of("1 May 2034", "0", "0"));

		// one refund decided each week, under the remedies' labels
		assertThat(headers(page, "decisions-table")).containsExactly("Week from", "Repair", "Replace", "Refund",
				"Deny the claim", "Escalate to a manager", "All");
		assertThat(rows(page, "decisions-table")).containsExactly(
				List.of("24 April 2034", "0", "0", "1", "0", "0", "1"),
				List.of("1 May 2034", "0", "0", "1", "0", "0", "1"));

		// the refunds' cost in April and in May, in money with its currency
		assertThat(headers(page, "warranty-cost-table")).containsExactly("Month", "Labor", "Parts", "Replacement unit",
				"Shipping", "Refund", "Material written off", "All");
		assertThat(rows(page, "warranty-cost-table")).containsExactly(costRow("April 2034", refunded),
				costRow("May 2034", refundedLater));

		// both confirmed failures name the same suspect reel: one part, one supplier, two
		// failure modes
		assertThat(rows(page, "pareto-table")).containsExactly(List.of(refundPlant.pmic, "2", "100%", "100%"));
		assertThat(rows(page("/dashboard?" + PERIOD + "&by=supplier"), "pareto-table"))
			.containsExactly(List.of("Mouser", "2", "100%", "100%"));
		Document byMode = page("/dashboard?" + PERIOD + "&by=failure-mode");
		assertThat(headers(byMode, "pareto-table").get(0)).isEqualTo("Failure mode");
		assertThat(rows(byMode, "pareto-table")).containsExactly(List.of("no boot, pmic output 0 v", "1", "50%", "50%"),
				List.of("overheats while charging", "1", "50%", "100%"));

		// the reels inside both units of each plant: confirmed twice in the refund plant,
		// never in the other
		List<List<String>> suspects = rows(page, "suspect-lots-table");
		assertThat(suspects).extracting(row -> row.subList(0, 3))
			.containsExactlyInAnyOrder(List.of(refundPlant.mcuReel, "2", "2"), List.of(refundPlant.pmicReelA, "2", "2"),
					List.of(plant.mcuReel, "2", "0"), List.of(plant.pmicReelA, "2", "0"));
		assertThat(column(suspects, 0).subList(0, 2)).containsExactlyInAnyOrder(refundPlant.mcuReel,
				refundPlant.pmicReelA);
		for (JsonNode lot : api("/api/metrics/suspect-lots?minimumCases=2&" + PERIOD)) {
			Element row = rowOf(page, "suspect-lots-table", lot.path("lotCode").asText());
			assertThat(row.selectFirst("a").attr("href")).isEqualTo("/lots/" + lot.path("lotCode").asText());
			assertThat(texts(row).get(3))
				.isEqualTo(String.format(Labels.LOCALE, "%.1f ×", lot.path("timesAverage").asDouble()));
		}

		// every figure as a chart too, from data embedded in the page
		assertThat(page.select(".chart")).extracting(chart -> chart.id())
			.containsExactly("chart-open-cases", "chart-cases-per-week", "chart-cycle-time", "chart-task-waits",
					"chart-sla-breaches", "chart-decisions", "chart-warranty-cost", "chart-pareto");
		JsonNode weekly = json.readTree(page.getElementById("chart-cases-per-week-data").data());
		assertThat(weekly.path("titles")).extracting(JsonNode::asText)
			.containsExactly("Week of 24 April 2034", "Week of 1 May 2034");
		assertThat(weekly.path("series").get(0).path("values")).extracting(JsonNode::asDouble)
			.containsExactly(3.0, 1.0);

		// the refunded case is closed, the waiting one still open
		assertThat(cases.get(refundedLater).getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(cases.get(waiting).getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
	}

	@Test
	void everyChartLinksTheCsvOfItsFigureForThePeriodWhichASignedInManagerDownloads() throws Exception {
		Document page = page("/dashboard?" + PERIOD + "&by=date-code");
		List<String> links = page.select(".csv a").eachAttr("href");
		assertThat(links).hasSize(12)
			.allSatisfy(link -> assertThat(link).startsWith("/api/metrics/").contains("format=csv"));
		assertThat(links)
			.filteredOn(link -> !link.contains("open-cases") && !link.contains("attention")
					&& !link.contains("overdue-supplier-actions"))
			.allSatisfy(link -> assertThat(link).contains("from=2034-04-24").contains("to=2034-05-07"));
		assertThat(links).contains("/api/metrics/failure-pareto?by=date-code&from=2034-04-24&to=2034-05-07&format=csv");

		HttpClient manager = signedIn("ops.manager");
		for (String link : links) {
			HttpResponse<String> csv = manager.send(request(link).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(csv.statusCode()).as(link).isEqualTo(200);
			assertThat(csv.headers().firstValue("Content-Type")).as(link)
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
			// the same CSV as a script gets with HTTP Basic and Accept: text/csv
			assertThat(csv.body()).as(link)
				.isEqualTo(send(link.replace("&format=csv", "").replace("?format=csv", ""), "ops.manager", "text/csv")
					.body());
		}
		// a period without figures is still a table, of its header alone
		assertThat(manager
			.send(request("/api/metrics/cases-per-week?from=2099-01-05&to=2099-01-11&format=csv").build(),
					HttpResponse.BodyHandlers.ofString())
			.body()).isEqualTo("week,opened,closed\r\n");
	}

	@Test
	void theSessionOpensOnlyTheFiguresAndOnlyToManagersAndAdministrators() throws Exception {
		String csv = "/api/metrics/cases-per-week?" + PERIOD + "&format=csv";
		assertThat(signedIn("admin").send(request(csv).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);
		HttpClient qc = signedIn("qc.engineer");
		assertThat(qc.send(request(csv).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		assertThat(http.send(request(csv).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
		// the rest of the API stays HTTP Basic only
		HttpClient manager = signedIn("ops.manager");
		assertThat(manager.send(request("/api/cases?status=CLOSED").build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
		// and reading the figures never writes the session
		HttpResponse<String> scripted = send(csv, "ops.manager", "*/*");
		assertThat(scripted.statusCode()).isEqualTo(200);
		assertThat(scripted.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void onlyManagersAndAdministratorsOpenTheDashboardAndFindItInTheirNavigation() throws Exception {
		for (String user : new String[] { "cs.agent", "qc.engineer", "prod.planner", "finance.approver" }) {
			HttpResponse<String> refused = send("/dashboard", user, "text/html");
			assertThat(refused.statusCode()).as(user).isEqualTo(403);
			Document page = Jsoup.parse(refused.body());
			assertThat(page.selectFirst("h1").text()).isEqualTo("You cannot open this page");
			assertThat(refused.body()).doesNotContain("Exception");
			assertThat(Jsoup.parse(send("/", user, "text/html").body()).select("a[href=\"/dashboard\"]")).as(user)
				.isEmpty();
		}
		for (String user : new String[] { "ops.manager", "admin" }) {
			assertThat(send("/dashboard", user, "text/html").statusCode()).as(user).isEqualTo(200);
			Document home = Jsoup.parse(send("/", user, "text/html").body());
			assertThat(home.select("nav a[href=\"/dashboard\"]").eachText()).as(user).containsExactly("Managers’ view");
			assertThat(home.getElementById("dashboard-link").attr("href")).isEqualTo("/dashboard");
		}
	}

	@Test
	void aBadPeriodIsToldOnThePageNamingTheField() throws Exception {
		assertError("/dashboard?from=2034-05-07&to=2034-04-24", "from",
				"The period must start on or before its end (24 April 2034).");
		assertError("/dashboard?from=2034-02-30&to=2034-04-24", "from",
				"Enter the start of the period as a real date, for example 2026-03-02.");
		assertError("/dashboard?from=2034-04-24&to=next+week", "to",
				"Enter the end of the period as a real date, for example 2026-03-02.");
		assertError("/dashboard?from=2020-01-01&to=2034-04-24", "from",
				"The period can be at most 3 years long. For a longer one, download the figures from the metrics API.");
		assertError("/dashboard?" + PERIOD + "&by=colour", "by",
				"Rank failures by part, supplier, lot, date-code or failure-mode, not \"colour\".");
	}

	@Test
	void withoutAPeriodTheDashboardShowsTheDefaultWeeksUpToToday() throws Exception {
		Document page = page("/dashboard");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(page.getElementById("period-text").text())
			.isEqualTo(Labels.date(today.minusWeeks(12).plusDays(1)) + " to " + Labels.date(today));
		assertThat(page.getElementById("from").val()).isEqualTo(today.minusWeeks(12).plusDays(1).toString());
		// the default is the preset of the last twelve weeks
		assertThat(page.select(".presets a[aria-current]").eachText()).containsExactly("Last 12 weeks");
		assertThat(page.select(".presets a").eachText()).containsExactly("Last 4 weeks", "Last 12 weeks",
				"Last 26 weeks");
	}

	private void assertError(String path, String field, String message) throws Exception {
		HttpResponse<String> response = send(path, "ops.manager", "text/html");
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.title()).as(path).startsWith("Error: ");
		assertThat(page.select("#error-summary a").eachText()).as(path).containsExactly(message);
		assertThat(page.selectFirst("#error-summary a").attr("href")).isEqualTo("#" + field);
		Element control = page.getElementById(field);
		assertThat(control).as(path).isNotNull();
		assertThat(control.parent().hasClass("field-error")).isTrue();
		assertThat(page.select(".chart")).as("no figures for a bad period").isEmpty();
	}

	/** A case whose investigation cannot open: its purchase date is not a date. */
	private String stalledCase() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.of(2033, 6, 1), CustomerTier.STANDARD);
		String instance = driver.caseProcess(caseNumber).getId();
		ManagementService management = engine.getManagementService();
		management.executeJob(job(instance, "Task_TraceDevice").getId());
		engine.getRuntimeService().setVariable(instance, FailureCaseProcess.VAR_PURCHASE_DATE, "31.12.2025");
		// the job fails as the job executor would run it, until no retry is left
		String investigation = job(instance, "Task_OpenInvestigation").getId();
		for (int attempt = 0; attempt < 10 && retries(investigation) > 0; attempt++) {
			assertThatThrownBy(() -> management.executeJob(investigation)).isNotNull();
		}
		assertThat(cases.get(caseNumber).getStatus()).isEqualTo(CaseStatus.NEEDS_ATTENTION);
		return caseNumber;
	}

	private int retries(String jobId) {
		return engine.getManagementService().createJobQuery().jobId(jobId).singleResult().getRetries();
	}

	private Job job(String instance, String activity) {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance)
			.activityId(activity)
			.singleResult();
	}

	private void confirm(String caseNumber, String suspectLot, String failureMode) {
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", failureMode, "suspectLotCode", suspectLot,
						"rootCauseCategory", "COMPONENT", "containmentNeeded", false));
	}

	private void at(Instant monday, Duration later) {
		clock.set(monday.plus(later));
	}

	/** A row of the task waits: completed tasks, median, 90th percentile and total. */
	private static List<String> waitRow(String task, String group, Duration... waits) {
		Duration total = Duration.ZERO;
		for (Duration wait : waits) {
			total = total.plus(wait);
		}
		return List.of(task, group, String.valueOf(waits.length), duration(percentile(0.5, waits)),
				duration(percentile(0.9, waits)), duration(total));
	}

	private List<String> costRow(String month, String caseNumber) {
		List<String> row = new ArrayList<>(List.of(month));
		List<LedgerEntry> entries = ledger.entries(caseNumber);
		BigDecimal total = BigDecimal.ZERO;
		for (CostKind kind : CostKind.values()) {
			BigDecimal amount = entries.stream()
				.filter(entry -> entry.getKind() == kind)
				.map(LedgerEntry::getAmount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			row.add(Money.format(amount, "EUR"));
			total = total.add(amount);
		}
		assertThat(total).as("the refund of " + caseNumber).isPositive();
		row.add(Money.format(total, "EUR"));
		return row;
	}

	/**
	 * A percentile as PostgreSQL's percentile_cont computes it: between the two nearest.
	 */
	private static Duration percentile(double fraction, Duration... values) {
		List<Duration> sorted = java.util.Arrays.stream(values).sorted().toList();
		double position = fraction * (sorted.size() - 1);
		int lower = (int) Math.floor(position);
		int upper = Math.min(lower + 1, sorted.size() - 1);
		double millis = sorted.get(lower).toMillis()
				+ (position - lower) * (sorted.get(upper).toMillis() - sorted.get(lower).toMillis());
		return Duration.ofMillis(Math.round(millis));
	}

	private static String duration(Duration duration) {
		return Labels.duration(duration);
	}

	private Document page(String path) throws Exception {
		HttpResponse<String> response = send(path, "ops.manager", "text/html");
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.body()).doesNotContain("error-summary");
		return Jsoup.parse(response.body());
	}

	private JsonNode api(String path) throws Exception {
		HttpResponse<String> response = send(path, "ops.manager", "application/json");
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static List<List<String>> rows(Document page, String tableId) {
		Element table = page.getElementById(tableId);
		assertThat(table).as("table " + tableId).isNotNull();
		return table.select("tbody tr").stream().map(DashboardPagesTests::texts).toList();
	}

	private static List<String> headers(Document page, String tableId) {
		return page.getElementById(tableId).select("thead th").eachText();
	}

	private static Element rowOf(Document page, String tableId, String firstCell) {
		return page.getElementById(tableId)
			.select("tbody tr")
			.stream()
			.filter(row -> row.child(0).text().equals(firstCell))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row " + firstCell + " in " + tableId));
	}

	private static List<String> texts(Element row) {
		return row.select("td").eachText();
	}

	private static List<String> column(List<List<String>> rows, int index) {
		return rows.stream().map(row -> row.get(index)).toList();
	}

	/**
	 * Open cases by step name; none when no case is open (and the page shows no table).
	 */
	private static Map<String, Long> openCases(Document page) {
		Map<String, Long> counts = new HashMap<>();
		if (page.getElementById("open-cases-table") != null) {
			rows(page, "open-cases-table").forEach(row -> counts.put(row.get(0), Long.parseLong(row.get(1))));
		}
		return counts;
	}

	/** A client signed in with the workspace's sign-in form, holding its session. */
	private HttpClient signedIn(String user) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		Document login = Jsoup
			.parse(client.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body());
		String csrf = login.selectFirst("#sign-in input[name=_csrf]").val();
		String form = "username=" + user + "&password=" + user + "&_csrf="
				+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		HttpResponse<String> signIn = client
			.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
		return client;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpResponse<String> send(String path, String user, String accept) throws Exception {
		HttpRequest.Builder request = request(path).header("Accept", accept).GET();
		if (user != null) {
			request.header("Authorization", DemoLogin.basic(user));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
