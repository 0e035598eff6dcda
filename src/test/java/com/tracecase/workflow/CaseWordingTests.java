package com.tracecase.workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseStatus;
import com.tracecase.casework.CustomerTier;
import com.tracecase.casework.ReportChannel;
import com.tracecase.casework.SymptomCategory;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.quality.WarrantyStatus;
import com.tracecase.shared.Labels;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case's mails and the case API speak the reader's language: labels instead of (or
 * next to) codes, money with its currency, readable dates, and at intake only what is
 * known at intake.
 */
@TracecaseIntegrationTest
class CaseWordingTests {

	/** Codes that must never reach a reader (the remedies are kept as text). */
	private static final Pattern RAW_CODE = Pattern.compile("\\b(" + String.join("|",
			Stream
				.of(SymptomCategory.values(), WarrantyStatus.values(), CustomerTier.values(), ReportChannel.values(),
						CaseStatus.values(), LotStatus.values())
				.flatMap(Stream::of)
				.map(Enum::name)
				.toList())
			+ "|REPAIR|REPLACE|REFUND|DENY|ESCALATE)\\b");

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	@Autowired
	LotManagement lots;

	@Autowired
	DataSource dataSource;

	@Autowired
	ObjectMapper json;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	CaseDriver driver;

	@BeforeEach
	void setUp() {
		driver = new CaseDriver(engine, cases);
	}

	@Test
	void intakeMailsShowLabelsDatesAndWhatIsKnownAtIntake() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		LocalDate purchased = LocalDate.now().minusMonths(12);
		String caseNumber = driver.fileReport(plant.failedUnit(), purchased, CustomerTier.STANDARD);
		driver.runJobs(caseNumber);

		String toQc = body(caseNumber, "QC_NOTIFIED");
		assertThat(toQc).contains("Symptom:        No power", "Purchased:      " + Labels.date(purchased),
				"Warranty:       In warranty");

		String toProduction = body(caseNumber, "PRODUCTION_INFORMED");
		assertThat(subject(caseNumber, "PRODUCTION_INFORMED")).contains("failure reported on " + plant.failedUnit())
			.contains("not reviewed by QC yet");
		assertThat(toProduction).contains("Quality control has not reviewed the case yet")
			.doesNotContain("traced", "Suspect lots")
			.contains("Build:          " + plant.code("B-HX2"))
			// the board we built, and the reel we bought, each with where it comes from
			.contains("HX2 main board assembly, built in-house in build " + plant.code("B-PCBA"))
			.contains(plant.pmicReelA + "  PMIC BQ25895, from Mouser, date code 2611")
			.doesNotContainPattern("\\bnull\\b");

		assertThat(body(caseNumber, "CUSTOMER_ACKNOWLEDGEMENT")).contains("You reported: No power");
		assertNoRawCodes(caseNumber);
	}

	@Test
	void theClosingMailTellsTheRemedyAndTheAmountWithItsCurrency() {
		String caseNumber = refundedCase();

		// the unit's price, 180.00, as money
		assertThat(body(caseNumber, "RESOLUTION")).contains("What we did: Refund. Amount refunded to you: 180.00 EUR.");
		assertThat(html(caseNumber, "RESOLUTION")).contains("180.00 EUR").doesNotContain("180.0<");
		assertNoRawCodes(caseNumber);
	}

	@Test
	void theCaseApiShowsLabelsAndMoneyNextToTheCodes() throws Exception {
		String caseNumber = refundedCase();

		JsonNode details = get("/api/cases/" + caseNumber);
		assertThat(details.path("status").asText()).isEqualTo("CLOSED");
		assertThat(details.path("statusLabel").asText()).isEqualTo("Closed");
		assertThat(details.path("symptomCategory").asText()).isEqualTo("NO_POWER");
		assertThat(details.path("symptomLabel").asText()).isEqualTo("No power");
		assertThat(details.path("channelLabel").asText()).isEqualTo("Phone");
		assertThat(details.path("closureLabel").asText()).isEqualTo("Resolved");
		assertThat(details.path("customer").path("tierLabel").asText()).isEqualTo("Standard");
		assertThat(details.path("purchaseDateDisplay").asText())
			.isEqualTo(Labels.date(LocalDate.parse(details.path("purchaseDate").asText())));
		assertThat(details.path("decision").path("action").asText()).isEqualTo("REFUND");
		assertThat(details.path("decision").path("actionLabel").asText()).isEqualTo("Refund");
		assertThat(details.path("investigation").path("statusLabel").asText()).isEqualTo("Failure confirmed");
		JsonNode cost = details.path("costs").get(0);
		assertThat(cost.path("kind").asText()).isEqualTo("REFUND");
		assertThat(cost.path("kindLabel").asText()).isEqualTo("Refund");
		assertThat(cost.path("amount").decimalValue()).isEqualByComparingTo("180.00");
		assertThat(cost.path("amountDisplay").asText()).isEqualTo("180.00 EUR");

		JsonNode summary = get("/api/cases?serial=" + details.path("serialNumber").asText()).get(0);
		assertThat(summary.path("statusLabel").asText()).isEqualTo("Closed");
		assertThat(summary.path("symptomLabel").asText()).isEqualTo("No power");
		assertThat(summary.path("decisionLabel").asText()).isEqualTo("Refund");
	}

	/** Neither parts nor units in stock: the customer is refunded the unit's price. */
	private String refundedCase() {
		CaseFixture plant = new CaseFixture().build(lots, false, 0);
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		lots.changeStatus(plant.pmicReelB, LotStatus.QUARANTINED, "qc.engineer", "test: no stock");
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot, PMIC output 0 V", "suspectLotCode",
						plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded", false));
		assertThat(cases.get(caseNumber).getDecisionAction()).isEqualTo(com.tracecase.finance.Remedy.REFUND);
		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver", Map.of("financeVerdict", "APPROVED"));
		driver.complete(caseNumber, "Task_ConfirmResolution", "cs.agent", Map.of("resolutionSummary", "Refunded."));
		return caseNumber;
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic("cs.agent"))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private void assertNoRawCodes(String caseNumber) {
		List<String> found = new ArrayList<>();
		jdbc().query("SELECT template, subject, text_body, html_body FROM notification WHERE case_number = ?", rs -> {
			for (String column : List.of("subject", "text_body", "html_body")) {
				var matcher = RAW_CODE.matcher(rs.getString(column));
				while (matcher.find()) {
					found.add(rs.getString("template") + " " + column + ": " + matcher.group());
				}
			}
		}, caseNumber);
		assertThat(found).as("raw codes in the mails of " + caseNumber).isEmpty();
	}

	private String body(String caseNumber, String template) {
		return column(caseNumber, template, "text_body");
	}

	private String html(String caseNumber, String template) {
		return column(caseNumber, template, "html_body");
	}

	private String subject(String caseNumber, String template) {
		return column(caseNumber, template, "subject");
	}

	private String column(String caseNumber, String template, String column) {
		return jdbc().queryForObject(
				"SELECT " + column + " FROM notification WHERE case_number = ? AND template = ? ORDER BY id LIMIT 1",
				String.class, caseNumber, template);
	}

	private JdbcTemplate jdbc() {
		return new JdbcTemplate(dataSource);
	}

}
