package com.tracecase.genealogy.web;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.tracecase.PageSession;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.Disposal;
import com.tracecase.genealogy.Disposition;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.ReturnedMaterial;
import com.tracecase.genealogy.ServiceEvent;
import com.tracecase.workflow.CaseFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of removed parts and returned units, their lot and device pages, and QC or
 * production moving an item on from failure analysis with a reason.
 */
@TracecaseIntegrationTest
class ReturnsPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	@Autowired
	ReturnedMaterial returnedMaterial;

	CaseFixture plant;

	String caseNumber;

	Disposal removedPart;

	Disposal returnedUnit;

	@BeforeEach
	void setUp() {
		plant = new CaseFixture().build(lots, true, 2);
		caseNumber = "FC-2099-%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
		// a repair of one unit keeps its removed PMIC for analysis; another unit came
		// back
		// and is scrapped
		removedPart = returnedMaterial.recordRepair(caseNumber, plant.failedUnit(), plant.pmicReelA, plant.pmicSpare,
				"FAILURE_ANALYSIS", "FA shelf 3", "prod.planner", "Repair for case " + caseNumber);
		returnedUnit = returnedMaterial.disposeReturnedUnit(caseNumber, plant.devices.get(1), "SCRAP", null,
				"prod.planner", "Housing cracked");
	}

	@Test
	void theListShowsEachItemWithWhereItIsWhereItCameFromAndItsCase() throws Exception {
		Document page = Jsoup.parse(new PageSession(port, "cs.agent").get("/returns").body());
		Element part = page.getElementById("return-" + removedPart.lotCode());
		assertThat(part).isNotNull();
		assertThat(part.text()).contains("Removed part", plant.pmic, "Mouser", "In failure analysis", "FA shelf 3",
				plant.pmicReelA, plant.failedUnit(), caseNumber, "by prod.planner");
		assertThat(part.select("a[href=/cases/" + caseNumber + "]")).hasSize(1);
		// customer service reads the list; QC or production decide
		assertThat(part.select("form")).isEmpty();
		assertThat(part.text()).contains("QC or production decides");
		Element unit = page.getElementById("return-" + returnedUnit.lotCode());
		assertThat(unit.text()).contains("Returned unit", plant.product, "Scrapped",
				returnedMaterial.defaultLocation(Disposition.SCRAP), plant.devices.get(1), caseNumber);
		assertThat(unit.select("form")).isEmpty();

		Document scrapped = Jsoup.parse(new PageSession(port, "cs.agent").get("/returns?disposition=SCRAP").body());
		assertThat(scrapped.getElementById("return-" + returnedUnit.lotCode())).isNotNull();
		assertThat(scrapped.getElementById("return-" + removedPart.lotCode())).isNull();
		Document units = Jsoup.parse(new PageSession(port, "cs.agent").get("/returns?item=returned_unit").body());
		assertThat(units.getElementById("return-" + returnedUnit.lotCode())).isNotNull();
		assertThat(units.getElementById("return-" + removedPart.lotCode())).isNull();
	}

	@Test
	void aFilterThatMakesNoSenseIsNamedAboveTheList() throws Exception {
		HttpResponse<String> response = new PageSession(port, "qc.engineer").get("/returns?disposition=MELT&item=x");
		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(response.body());
		assertThat(page.getElementById("error-summary").text()).contains("Choose where the items are from the list.",
				"Choose removed parts or returned units from the list.");
		assertThat(page.title()).startsWith("Error:");
	}

	@Test
	void theCsvHasEveryItemTheFilterShows() throws Exception {
		HttpResponse<String> csv = new PageSession(port, "qc.engineer").get("/returns.csv?item=REMOVED_PART");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("lot_code,item,status,location");
		assertThat(csv.body()).contains(
				removedPart.lotCode() + ",Removed part,In failure analysis,FA shelf 3," + plant.pmic + ",Mouser,");
		assertThat(csv.body()).contains("," + plant.pmicReelA + "," + plant.failedUnit() + "," + caseNumber + ",")
			.doesNotContain(returnedUnit.lotCode() + ",");
	}

	@Test
	void theLotAndDevicePagesShowWhereTheItemCameFromAndItsCase() throws Exception {
		PageSession session = new PageSession(port, "qc.engineer");
		Document lot = Jsoup.parse(session.get("/lots/" + removedPart.lotCode()).body());
		assertThat(lot.getElementById("lot-status").text()).isEqualTo("In failure analysis");
		assertThat(lot.getElementById("disposal-heading").text()).isEqualTo("Removed part");
		assertThat(lot.getElementById("disposal-status").text()).isEqualTo("In failure analysis, FA shelf 3");
		assertThat(lot.getElementById("disposal-origin").text()).contains(plant.pmicReelA, plant.failedUnit());
		assertThat(lot.getElementById("disposal-case").text()).isEqualTo(caseNumber);
		assertThat(lot.getElementById("history").text()).contains(caseNumber, plant.failedUnit());

		String unitLot = returnedUnit.lotCode();
		Document unitPage = Jsoup.parse(session.get("/lots/" + unitLot).body());
		assertThat(unitPage.getElementById("disposal-heading").text()).isEqualTo("Returned unit");
		assertThat(unitPage.getElementById("disposal-case").text()).isEqualTo(caseNumber);
		Document device = Jsoup.parse(session.get("/devices/" + plant.devices.get(1)).body());
		assertThat(device.getElementById("unit-disposal").text()).contains("Scrapped", caseNumber);
		// a lot that is neither shows nothing of the kind
		assertThat(Jsoup.parse(session.get("/lots/" + plant.pmicReelB).body()).getElementById("disposal")).isNull();
	}

	@Test
	void qcMovesAnItemOnFromFailureAnalysisWithTheReasonKeptInItsHistory() throws Exception {
		PageSession qc = new PageSession(port, "qc.engineer");
		String lotCode = removedPart.lotCode();
		HttpResponse<String> noReason = qc.submit("/returns", "move-" + lotCode,
				Map.of("disposition", "RECYCLING", "reason", " "));
		Document refused = Jsoup.parse(noReason.body());
		assertThat(noReason.statusCode()).isEqualTo(200);
		assertThat(refused.getElementById("error-summary").text())
			.contains("Give the reason for moving lot " + lotCode + " on.");
		assertThat(refused.getElementById("reason-" + lotCode).parent().hasClass("field-error")).isTrue();
		HttpResponse<String> noChoice = qc.submit("/returns", "move-" + lotCode, Map.of("reason", "Done"));
		assertThat(Jsoup.parse(noChoice.body()).getElementById("error-summary").text())
			.contains("Choose scrap or recycling for lot " + lotCode + ".");
		assertThat(genealogy.getLot(lotCode).status()).isEqualTo(LotStatus.FAILURE_ANALYSIS);

		HttpResponse<String> moved = qc.submit("/returns", "move-" + lotCode,
				Map.of("disposition", "RECYCLING", "reason", "Decapped, bond wire lifted; report filed"));
		assertThat(moved.statusCode()).isEqualTo(200);
		String recyclingAt = returnedMaterial.defaultLocation(Disposition.RECYCLING);
		assertThat(Jsoup.parse(moved.body()).getElementById("done-message").text())
			.isEqualTo("Lot " + lotCode + " is sent to recycling at " + recyclingAt + ".");
		assertThat(genealogy.getLot(lotCode).status()).isEqualTo(LotStatus.RECYCLING);
		assertThat(genealogy.getLot(lotCode).location()).isEqualTo(recyclingAt);
		assertThat(genealogy.lotHistory(lotCode)).anySatisfy(event -> {
			assertThat(event.summary()).contains("Decapped, bond wire lifted; report filed");
			assertThat(event.actor()).isEqualTo("qc.engineer");
		});
		assertThat(genealogy.lotHistory(lotCode)).extracting(ServiceEvent::type).contains("DISPOSED", "STATUS_CHANGED");
	}

	@Test
	void onlyQcProductionAndAdministratorsMoveItemsOn() throws Exception {
		for (String user : new String[] { "cs.agent", "finance.approver", "ops.manager" }) {
			PageSession session = new PageSession(port, user);
			session.get("/returns");
			assertThat(session.csrf()).as(user).isNotBlank();
			HttpResponse<String> refused = session.post("/returns/" + removedPart.lotCode() + "/move",
					Map.of("disposition", "SCRAP", "reason", "Not mine", "_csrf", session.csrf()));
			assertThat(refused.statusCode()).as(user).isEqualTo(403);
		}
		assertThat(genealogy.getLot(removedPart.lotCode()).status()).isEqualTo(LotStatus.FAILURE_ANALYSIS);
		Document production = Jsoup.parse(new PageSession(port, "prod.planner").get("/returns").body());
		assertThat(production.getElementById("move-" + removedPart.lotCode())).isNotNull();
	}

}
