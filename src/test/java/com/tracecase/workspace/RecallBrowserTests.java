package com.tracecase.workspace;

import java.time.LocalDate;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.Shipment;
import com.tracecase.quality.CampaignUnit;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.quality.Recalls;
import com.tracecase.workflow.CaseDriver;
import com.tracecase.workflow.CaseFixture;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recall campaign in a real browser: QC starts it from the lot, customer service books
 * the customer it told by phone on the campaign's page.
 */
@TracecaseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecallBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	LotManagement lots;

	@Autowired
	Recalls recalls;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CaseManagement cases;

	Browser browser;

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void qcStartsACampaignFromTheLotAndCustomerServiceBooksACallOnItsPage() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		lots.recordShipment(plant.devices.get(0),
				new Shipment("Northwind Traders", "buyer@northwind.example", LocalDate.now().minusDays(30), "DN-1"));
		lots.recordShipment(plant.devices.get(1),
				new Shipment("Contoso Retail", null, LocalDate.now().minusDays(20), "DN-2"));
		browser = new Browser(port);
		browser.signIn("qc.engineer");
		browser.open("/lots/" + plant.pmicReelA);
		browser.waitFor(By.id("recalls-link")).click();
		browser.waitFor(By.id("reason")).sendKeys("Charger ICs of this reel fail after months");
		browser.driver().findElement(By.cssSelector("#start-recall button[type=submit]")).click();
		String started = browser.text(By.id("done-message"));
		assertThat(started).startsWith("Recall campaign RC-");
		String reference = started.substring("Recall campaign ".length()).split(" ")[0];
		new CaseDriver(engine, cases).runJobs(reference);

		browser.signIn("cs.agent");
		browser.open("/recalls/" + reference);
		String unit = plant.deviceLots.get(1);
		assertThat(browser.text(By.id("unit-" + unit))).contains("Contoso Retail (no email address)", "To notify");
		new Select(browser.waitFor(By.id("status-" + unit))).selectByVisibleText("Notified");
		browser.driver().findElement(By.id("note-" + unit)).sendKeys("Told by phone");
		browser.driver().findElement(By.cssSelector("#book-" + unit + " button[type=submit]")).click();
		assertThat(browser.text(By.id("done-message"))).isEqualTo("Unit " + plant.devices.get(1) + " is notified.");
		assertThat(browser.text(By.id("count-NOTIFIED"))).endsWith("2");
		browser.screenshot("recall");
		assertThat(recalls.allUnits(reference)).filteredOn(u -> u.getLotCode().equals(unit))
			.extracting(CampaignUnit::getStatus)
			.containsExactly(RecallUnitStatus.NOTIFIED);
	}

}
