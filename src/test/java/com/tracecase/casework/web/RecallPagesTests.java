package com.tracecase.casework.web;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.PageSession;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.Shipment;
import com.tracecase.quality.CampaignUnit;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.quality.Recalls;
import com.tracecase.workflow.CaseDriver;
import com.tracecase.workflow.CaseFixture;
import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.tracecase.ProblemAssertions.assertNoInternals;
import static com.tracecase.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall campaigns in the workspace and over the API: QC starts one from a lot, each
 * group books what it did with a unit and nothing else, customers' names and addresses
 * reach only those who deal with customers, and a bad request changes nothing.
 */
@TracecaseIntegrationTest
class RecallPagesTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	@Autowired
	Recalls recalls;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	CaseFixture plant;

	@BeforeEach
	void setUp() {
		// the MCU reel went into all four devices: the first two shipped, two in stock
		plant = new CaseFixture().build(lots, true, 2);
		lots.recordShipment(plant.devices.get(0),
				new Shipment("Northwind Traders", "buyer@northwind.example", LocalDate.now().minusDays(30), "DN-1"));
		lots.recordShipment(plant.devices.get(1),
				new Shipment("Contoso Retail", null, LocalDate.now().minusDays(20), "DN-2"));
	}

	@Test
	void qcStartsACampaignFromTheLotAndEachGroupBooksWhatItDid() throws Exception {
		PageSession qc = new PageSession(port, "qc.engineer");
		HttpResponse<String> started = qc.submit("/lots/" + plant.mcuReel + "/recalls", "start-recall",
				Map.of("reason", "MCU brown-out below 0 °C"));
		assertThat(started.statusCode()).isEqualTo(200);
		assertThat(started.uri().getPath()).matches("/recalls/RC-\\d{4}-\\d{4}");
		String reference = started.uri().getPath().substring("/recalls/".length());
		assertThat(qc.page().getElementById("done-message").text())
			.contains("Recall campaign " + reference + " started");
		new CaseDriver(engine, cases).runJobs(reference);
		// QC's home lists the campaign's task, leading to the campaign
		assertThat(page(qc, "/").select("#home-tasks a[href=/recalls/" + reference + "]")).isNotEmpty();

		PageSession service = new PageSession(port, "cs.agent");
		Document page = page(service, "/recalls/" + reference);
		assertThat(page.getElementById("unit-count").text()).isEqualTo("5 units");
		assertThat(page.getElementById("count-NOTIFIED").text()).endsWith("1");
		assertThat(page.getElementById("count-TO_NOTIFY").text()).endsWith("1");
		assertThat(page.getElementById("count-HELD").text()).endsWith("3");
		assertThat(page.getElementById("unit-" + plant.deviceLots.get(0)).text())
			.contains("Northwind Traders <buyer@northwind.example>", "Notified");
		assertThat(page.getElementById("unit-" + plant.deviceLots.get(1)).text())
			.contains("Contoso Retail (no email address)", "To notify");
		assertThat(page.getElementById("open-tasks").text()).contains("Follow recall campaign " + reference);
		// customer service tells the customer without an address by phone
		service.submit("/recalls/" + reference, "book-" + plant.deviceLots.get(1),
				Map.of("status", "NOTIFIED", "note", "Told by phone"));
		assertThat(service.page().getElementById("done-message").text())
			.isEqualTo("Unit " + plant.devices.get(1) + " is notified.");

		// production sees no customers and may only take the unit back
		PageSession production = new PageSession(port, "prod.planner");
		Document seenByProduction = page(production, "/recalls/" + reference);
		assertThat(seenByProduction.text()).doesNotContain("Northwind", "buyer@northwind.example");
		assertThat(seenByProduction.select("#status-" + plant.deviceLots.get(0) + " option"))
			.extracting(option -> option.attr("value"))
			.containsExactly("RETURNED");
		production.submit("/recalls/" + reference, "book-" + plant.deviceLots.get(0), Map.of("status", "RETURNED"));
		assertThat(production.page().getElementById("done-message").text())
			.isEqualTo("Unit " + plant.devices.get(0) + " is returned.");
		assertThat(genealogy.getLot(plant.deviceLots.get(0)).status()).isEqualTo(LotStatus.RETURNED);

		// closing a unit is QC's, and needs the reason
		HttpResponse<String> notTheirs = production.post("/recalls/" + reference + "/units/" + plant.deviceLots.get(2),
				Map.of("status", "CLOSED", "note", "x", "_csrf", production.csrf()));
		assertThat(notTheirs.statusCode()).isEqualTo(200);
		assertThat(org.jsoup.Jsoup.parse(notTheirs.body()).getElementById("error-summary").text())
			.contains("Booking a unit as closed is not for your group; ask QC or Managers.");
		assertThat(status(reference, plant.deviceLots.get(2))).isEqualTo(RecallUnitStatus.HELD);
		qc.submit("/recalls/" + reference, "book-" + plant.deviceLots.get(2), Map.of("status", "CLOSED", "note", " "));
		assertThat(qc.page().getElementById("error-summary").text())
			.contains("Say why unit " + plant.devices.get(2) + " is closed without a remedy");
		assertThat(status(reference, plant.deviceLots.get(2))).isEqualTo(RecallUnitStatus.HELD);

		// the units as CSV: with customers for customer service, without for production
		String withCustomers = service.get("/recalls/" + reference + "/units.csv").body();
		assertThat(withCustomers.lines().findFirst().orElseThrow()).contains("customer_name,customer_email");
		assertThat(withCustomers).contains("buyer@northwind.example").hasLineCount(6);
		String withoutCustomers = production.get("/recalls/" + reference + "/units.csv").body();
		assertThat(withoutCustomers).doesNotContain("customer_email", "Northwind").hasLineCount(6);

		Document list = page(production, "/recalls");
		assertThat(list.getElementById("campaign-" + reference).text()).contains(plant.mcuReel, "Open", "5");
		assertThat(page(production, "/lots/" + plant.mcuReel + "/recalls").getElementById("start-recall")).isNull();
	}

	@Test
	void theApiStartsACampaignOnceAndRefusesWhatIsNotRightNamingTheField() throws Exception {
		PageSession qc = new PageSession(port, "qc.engineer");
		HttpResponse<String> noReason = qc.postJson("/api/recalls",
				"{\"lotCode\":\"" + plant.mcuReel + "\",\"reason\":\" \"}");
		assertProblem(noReason, 422, "reason");
		assertThat(recalls.campaignsOf(plant.mcuReel)).isEmpty();
		HttpResponse<String> byProduction = new PageSession(port, "prod.planner").postJson("/api/recalls",
				"{\"lotCode\":\"" + plant.mcuReel + "\",\"reason\":\"Brown-out\"}");
		assertThat(byProduction.statusCode()).isEqualTo(403);
		assertThat(recalls.campaignsOf(plant.mcuReel)).isEmpty();

		HttpResponse<String> created = qc.postJson("/api/recalls",
				"{\"lotCode\":\"" + plant.mcuReel + "\",\"reason\":\"Brown-out\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode campaign = JSON.readTree(created.body());
		String reference = campaign.path("reference").asText();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/recalls/" + reference);
		assertThat(campaign.path("statusLabel").asText()).isEqualTo("Open");
		HttpResponse<String> again = qc.postJson("/api/recalls",
				"{\"lotCode\":\"" + plant.mcuReel + "\",\"reason\":\"Again\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(again.body()).path("detail").asText()).contains(reference);
		assertThat(recalls.campaignsOf(plant.mcuReel)).hasSize(1);
		new CaseDriver(engine, cases).runJobs(reference);

		String unitPath = "/api/recalls/" + reference + "/units/" + plant.deviceLots.get(0);
		HttpResponse<String> unknown = qc.postJson(unitPath, "{\"status\":\"SHIPPED_BACK\"}");
		assertProblem(unknown, 422, "status");
		HttpResponse<String> finance = new PageSession(port, "finance.approver").postJson(unitPath,
				"{\"status\":\"RETURNED\"}");
		assertThat(finance.statusCode()).isEqualTo(403);
		assertNoInternals(finance.body());
		assertThat(status(reference, plant.deviceLots.get(0))).isEqualTo(RecallUnitStatus.NOTIFIED);
		HttpResponse<String> notAllowedHere = new PageSession(port, "prod.planner").postJson(unitPath,
				"{\"status\":\"REPAIRED\"}");
		assertProblem(notAllowedHere, 422, "status");
		// a unit is named by its lot code or by its serial number
		HttpResponse<String> returned = new PageSession(port, "prod.planner").postJson(
				"/api/recalls/" + reference + "/units/" + plant.devices.get(0),
				"{\"status\":\"RETURNED\",\"note\":\"Arrived by courier\"}");
		assertThat(returned.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(returned.body()).path("statusLabel").asText()).isEqualTo("Returned");

		JsonNode forProduction = JSON
			.readTree(new PageSession(port, "prod.planner").get("/api/recalls/" + reference + "/units").body());
		JsonNode forService = JSON
			.readTree(new PageSession(port, "cs.agent").get("/api/recalls/" + reference + "/units").body());
		assertThat(forProduction.path("total").asInt()).isEqualTo(5);
		assertThat(forProduction.toString()).doesNotContain("buyer@northwind.example");
		assertThat(forService.toString()).contains("buyer@northwind.example");
		JsonNode read = JSON.readTree(new PageSession(port, "prod.planner").get("/api/recalls/" + reference).body());
		assertThat(read.path("unitsByStatus").path("Returned").asInt()).isEqualTo(1);
		assertThat(read.path("units").asInt()).isEqualTo(5);
	}

	@Test
	void managersSeeEachCampaignWithItsAgeAndHowFarItHasCome() throws Exception {
		String reference = recalls.start(plant.mcuReel, "Brown-out", "qc.engineer").getReference();
		new CaseDriver(engine, cases).runJobs(reference);
		recalls.update(reference, plant.deviceLots.get(2), RecallUnitStatus.REPAIRED, "MCU swapped", "prod.planner");
		recalls.update(reference, plant.deviceLots.get(3), RecallUnitStatus.CLOSED, "Scrapped", "qc.engineer");
		long units = recalls.allUnits(reference).size();

		PageSession manager = new PageSession(port, "ops.manager");
		JsonNode figures = JSON.readTree(manager.get("/api/metrics/recall-campaigns").body());
		JsonNode figure = null;
		for (JsonNode row : figures) {
			if (row.path("reference").asText().equals(reference)) {
				figure = row;
			}
		}
		assertThat(figure).as("figure of " + reference).isNotNull();
		assertThat(figure.path("units").asLong()).isEqualTo(units);
		assertThat(figure.path("remedied").asLong()).isEqualTo(1);
		assertThat(figure.path("followedToEnd").asLong()).isEqualTo(2);
		assertThat(figure.path("completionRate").asDouble()).isEqualTo(2.0 / units);
		assertThat(figure.path("status").asText()).isEqualTo("Open");
		assertThat(manager.get("/api/metrics/recall-campaigns?format=csv").body()).contains(reference);

		Document dashboard = page(manager, "/dashboard");
		assertThat(dashboard.getElementById("recall-campaigns-table").text()).contains(reference,
				Math.round(200.0 / units) + " %");
		assertThat(new PageSession(port, "qc.engineer").get("/api/metrics/recall-campaigns").statusCode())
			.isEqualTo(403);
	}

	@Test
	void theDeviceAndALaterCaseOnItShowItsCampaign() throws Exception {
		String reference = recalls.start(plant.mcuReel, "Brown-out", "qc.engineer").getReference();
		CaseDriver driver = new CaseDriver(engine, cases);
		driver.runJobs(reference);
		String caseNumber = driver.fileReport(plant.devices.get(0), LocalDate.now().minusMonths(3),
				com.tracecase.casework.CustomerTier.STANDARD);
		driver.runJobs(caseNumber);

		PageSession service = new PageSession(port, "cs.agent");
		assertThat(page(service, "/devices/" + plant.devices.get(0)).getElementById("recall-memberships").text())
			.contains("This unit is in open recall campaign " + reference + ": Notified; report " + caseNumber
					+ " joined it.");
		Document casePage = page(service, "/cases/" + caseNumber);
		assertThat(casePage.getElementById("recall-memberships").text()).contains("recall campaign " + reference);
		// the unit went to a trader; Dana Miller reported it
		assertThat(casePage.getElementById("shipped-to").text())
			.isEqualTo("Northwind Traders, buyer@northwind.example on "
					+ com.tracecase.shared.Labels.date(LocalDate.now().minusDays(30))
					+ " (DN-1): not the customer who reported it");
		assertThat(page(new PageSession(port, "prod.planner"), "/cases/" + caseNumber).getElementById("shipped-to"))
			.isNull();
		assertThat(page(service, "/devices/" + plant.devices.get(2)).getElementById("recall-memberships").text())
			.contains(reference + ": Held in stock or production.");
		assertThat(page(service, "/recalls/" + reference).getElementById("unit-" + plant.deviceLots.get(0)).text())
			.contains("report " + caseNumber);
		// a unit of no campaign shows none
		CaseFixture other = new CaseFixture().build(lots, true, 2);
		assertThat(page(service, "/devices/" + other.devices.get(0)).getElementById("recall-memberships")).isNull();
	}

	private RecallUnitStatus status(String reference, String lotCode) {
		return recalls.allUnits(reference)
			.stream()
			.filter(unit -> unit.getLotCode().equals(lotCode))
			.map(CampaignUnit::getStatus)
			.findFirst()
			.orElseThrow();
	}

	private static Document page(PageSession session, String path) throws Exception {
		HttpResponse<String> response = session.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return session.page();
	}

}
