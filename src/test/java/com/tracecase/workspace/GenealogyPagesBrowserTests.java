package com.tracecase.workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.workflow.CaseFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QC's genealogy pages in a real browser: the device page lists every lot inside the
 * unit, the lot page takes files and status changes and says what is wrong with a form.
 */
@TracecaseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenealogyPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	@Autowired
	com.tracecase.genealogy.ReturnedMaterial returnedMaterial;

	Browser browser;

	@BeforeEach
	void startBrowser() {
		if (browser == null) {
			browser = new Browser(port);
		}
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void qcSeesEveryAncestorLotOfADeviceInTheTableAndTheGraph() {
		CaseFixture plant = new CaseFixture().build(lots, false, 2);
		String serial = plant.failedUnit();
		browser.signIn("qc.engineer");
		browser.open("/devices/" + serial);

		assertThat(browser.text(By.id("serial"))).isEqualTo(serial);
		assertThat(browser.texts(By.cssSelector("#genealogy-table tbody tr td:first-child a")))
			.containsExactlyInAnyOrderElementsOf(
					genealogy.traceDevice(serial).lots().stream().map(TracedLot::lotCode).toList())
			.contains(plant.pmicReelA, plant.mcuReel);
		// the graph is drawn (ECharts renders into a canvas)
		browser.screenshot("device");
		WebElement graph = browser.waitFor(By.cssSelector("#genealogy-graph canvas"));
		browser.driver().executeScript("arguments[0].scrollIntoView()", graph);
		browser.screenshot("device-graph");

		browser.driver().findElement(By.linkText(plant.pmicReelA)).click();
		assertThat(browser.text(By.id("lot-code"))).isEqualTo(plant.pmicReelA);
		assertThat(browser.text(By.id("where-used-total"))).isEqualTo("2");
	}

	@Test
	void qcUploadsAFileToALotAndDownloadsIt() throws Exception {
		CaseFixture plant = new CaseFixture().build(lots, false, 2);
		Path report = Files.createTempFile("inspection-", ".txt");
		Files.writeString(report, "X-ray inspection: voids under the PMIC pad");
		browser.signIn("qc.engineer");
		browser.open("/lots/" + plant.pmicReelA);

		browser.waitFor(By.id("file")).sendKeys(report.toAbsolutePath().toString());
		browser.driver().findElement(By.cssSelector("#upload-form button[type=submit]")).click();

		assertThat(browser.text(By.id("done-message"))).contains(report.getFileName().toString());
		WebElement link = browser.waitFor(By.linkText(report.getFileName().toString()));
		browser.driver().executeScript("window.scrollTo(0, 0)");
		browser.screenshot("lot");
		String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<String> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
				.header("Cookie", "JSESSIONID=" + session)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("X-ray inspection: voids under the PMIC pad");
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
			.contains(report.getFileName().toString());

		browser.driver().findElement(By.linkText("Print labels")).click();
		assertThat(browser.driver().findElements(By.cssSelector(".labels img"))).hasSize(4)
			.allSatisfy(label -> assertThat(label.getAttribute("alt")).contains(plant.pmicReelA));
	}

	@Test
	void aStatusChangeWithoutAReasonIsRefusedWithAMessageAndWithOneTheLotIsQuarantined() {
		CaseFixture plant = new CaseFixture().build(lots, false, 2);
		browser.signIn("qc.engineer");
		browser.open("/lots/" + plant.pmicReelB);

		new Select(browser.waitFor(By.id("status"))).selectByVisibleText("Quarantined");
		browser.driver().findElement(By.cssSelector("#status-form button[type=submit]")).click();

		assertThat(browser.text(By.cssSelector(".error-summary"))).contains("Give the reason for the change.");
		assertThat(browser.driver().findElement(By.linkText("Give the reason for the change.")).getAttribute("href"))
			.endsWith("#reason");
		assertThat(genealogy.getLot(plant.pmicReelB).status()).isEqualTo(LotStatus.AVAILABLE);

		browser.driver().findElement(By.id("reason")).sendKeys("Voids under the pad in X-ray");
		browser.driver().findElement(By.cssSelector("#status-form button[type=submit]")).click();

		assertThat(browser.text(By.id("lot-status"))).isEqualTo("Quarantined");
		assertThat(browser.text(By.id("history"))).contains("Available → Quarantined")
			.contains("Voids under the pad in X-ray");
		assertThat(genealogy.getLot(plant.pmicReelB).status()).isEqualTo(LotStatus.QUARANTINED);
	}

	@Test
	void qcMovesARemovedPartOnFromFailureAnalysisOnTheReturnsPage() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = "FC-2098-%06d"
			.formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
		String removed = returnedMaterial
			.recordRepair(caseNumber, plant.failedUnit(), plant.pmicReelA, plant.pmicSpare, "FAILURE_ANALYSIS",
					"FA shelf 3", "prod.planner", "Repair for case " + caseNumber)
			.lotCode();
		browser.signIn("qc.engineer");
		browser.open("/lots/" + removed);
		assertThat(browser.text(By.id("disposal-origin"))).contains(plant.pmicReelA, plant.failedUnit());
		browser.driver().findElement(By.linkText("To scrap or recycling, from the list of returns")).click();

		browser.waitFor(By.id("return-" + removed));
		browser.screenshot("returns");
		browser.driver().findElement(By.cssSelector("#move-" + removed + " button[type=submit]")).click();
		assertThat(browser.text(By.cssSelector(".error-summary")))
			.contains("Choose scrap or recycling for lot " + removed);

		browser.driver().findElement(By.id("scrap-" + removed)).click();
		browser.driver().findElement(By.id("reason-" + removed)).sendKeys("Decapped: bond wire lifted");
		browser.driver().findElement(By.cssSelector("#move-" + removed + " button[type=submit]")).click();
		assertThat(browser.text(By.id("done-message"))).startsWith("Lot " + removed + " is scrapped at ");
		assertThat(genealogy.getLot(removed).status()).isEqualTo(LotStatus.SCRAPPED);
	}

	@Test
	void customerServiceSeesALotButCannotChangeIt() {
		CaseFixture plant = new CaseFixture().build(lots, false, 2);
		browser.signIn("cs.agent");
		browser.open("/lots/" + plant.pmicReelA);

		assertThat(browser.text(By.id("lot-code"))).isEqualTo(plant.pmicReelA);
		assertThat(browser.driver().findElements(By.id("status-form"))).isEmpty();
		assertThat(browser.driver().findElements(By.id("upload-form"))).isEmpty();
	}

}
