package com.tracecase.quality.web;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.tracecase.PageSession;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.Lot;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.NewBuild;
import com.tracecase.genealogy.NewConsumption;
import com.tracecase.genealogy.Shipment;
import com.tracecase.workflow.CaseFixture;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recall drill of a lot produces the complete recall record: exactly the units the
 * fixture built from it that are still somewhere, where each is, who has the shipped
 * ones, and the suppliers, with the time it took, kept as it was.
 */
@TracecaseIntegrationTest
class RecallDrillPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	LotManagement lots;

	CaseFixture plant;

	/** A board still on the line, built from the MCU reel. */
	String boardInProduction;

	@BeforeEach
	void setUp() {
		// four units built from the MCU reel: the first two shipped, two in stock
		plant = new CaseFixture().build(lots, true, 2);
		lots.recordShipment(plant.devices.get(0),
				new Shipment("Northwind Traders", "buyer@northwind.example", LocalDate.now().minusDays(20), "DN-1001"));
		String build = plant.code("B-PCBA-2");
		List<Lot> boards = lots.createBuild(
				new NewBuild(build, plant.pcba, BigDecimal.ONE, LocalDate.now(), true, plant.code("PCBB"), null));
		boardInProduction = boards.get(0).lotCode();
		lots.recordConsumption(build, new NewConsumption(plant.mcuReel, BigDecimal.ONE, boardInProduction));
	}

	@Test
	void aDrillRecordsEveryAffectedUnitWhereItIsAndWhoHasIt() throws Exception {
		PageSession qc = new PageSession(port, "qc.engineer");
		HttpResponse<String> report = qc.submit("/lots/" + plant.mcuReel + "/recall-drills", "run-drill", Map.of());
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.uri().getPath()).matches("/recall-drills/\\d+");
		Document page = qc.page();
		assertThat(page.getElementById("drill-counts").text())
			.isEqualTo("6 in all: 2 in the field, 3 in stock, 1 in production");
		assertThat(page.getElementById("drill-customers").text()).isEqualTo("1");
		assertThat(page.getElementById("drill-suppliers").text()).isEqualTo("Arrow");
		assertThat(page.getElementById("drill-took").text())
			.matches("\\d+ ms from the first query to the finished record");
		assertThat(page.getElementById("drill-run").text()).endsWith("by qc.engineer");
		assertThat(page.getElementById("recall-units").text()).contains("Northwind Traders <buyer@northwind.example>",
				"In the field", "In production", "In stock");

		HttpResponse<String> csv = qc.get(report.uri().getPath() + "/record.csv");
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv.body()))
			.getRecords();
		Map<String, String> whereabouts = rows.stream()
			.collect(Collectors.toMap(row -> row.get("lot_code"), row -> row.get("whereabouts")));
		assertThat(whereabouts).containsExactlyInAnyOrderEntriesOf(
				Map.of(plant.mcuReel, "STOCK", plant.deviceLots.get(0), "FIELD", plant.deviceLots.get(1), "FIELD",
						plant.deviceLots.get(2), "STOCK", plant.deviceLots.get(3), "STOCK", boardInProduction, "WIP"));
		CSVRecord shipped = rows.stream()
			.filter(row -> row.get("lot_code").equals(plant.deviceLots.get(0)))
			.findFirst()
			.orElseThrow();
		assertThat(shipped.get("serial_number")).isEqualTo(plant.devices.get(0));
		assertThat(shipped.get("customer_email")).isEqualTo("buyer@northwind.example");
		assertThat(shipped.get("shipment_reference")).isEqualTo("DN-1001");

		// the drill is kept as it was: a later shipment changes the next drill, not this
		// one
		lots.recordShipment(plant.devices.get(1),
				new Shipment("Contoso Retail", null, LocalDate.now().minusDays(2), null));
		assertThat(qc.get(report.uri().getPath() + "/record.csv").body()).isEqualTo(csv.body());
		qc.get("/lots/" + plant.mcuReel + "/recall-drills");
		assertThat(qc.page().select("#drills tbody tr")).hasSize(1);
	}

	@Test
	void drillsNameCustomersSoOnlyThoseWhoDealWithThemOrQcSeeThem() throws Exception {
		PageSession qc = new PageSession(port, "qc.engineer");
		HttpResponse<String> report = qc.submit("/lots/" + plant.mcuReel + "/recall-drills", "run-drill", Map.of());
		String path = report.uri().getPath();
		for (String user : new String[] { "prod.planner", "finance.approver" }) {
			PageSession other = new PageSession(port, user);
			assertThat(other.get(path).statusCode()).as(user).isEqualTo(403);
			assertThat(other.get(path + "/record.csv").statusCode()).as(user).isEqualTo(403);
		}
		PageSession service = new PageSession(port, "cs.agent");
		assertThat(service.get(path).statusCode()).isEqualTo(200);
		// customer service reads drills but does not run them
		service.get("/lots/" + plant.mcuReel + "/recall-drills");
		assertThat(service.page().getElementById("run-drill")).isNull();
		assertThat(
				service.post("/lots/" + plant.mcuReel + "/recall-drills", Map.of("_csrf", service.csrf())).statusCode())
			.isEqualTo(403);
	}

}
