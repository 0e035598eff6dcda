package com.tracecase.workspace;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.tracecase.TestClock;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.shared.Labels;
import com.tracecase.workflow.CaseDriver;
import com.tracecase.workflow.CaseFixture;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' view in a real browser: a manager finds it in the navigation, reads the
 * figures as charts and tables, changes the period and the ranking of failures, downloads
 * a figure as CSV with the session; anybody else is refused.
 */
@TracecaseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

	/** A week no other test uses. */
	static final Instant MONDAY = LocalDate.of(2035, 1, 1).atTime(9, 0).toInstant(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	LotManagement lots;

	@Autowired
	CaseManagement cases;

	@Autowired
	ProcessEngine engine;

	@Autowired
	TestClock clock;

	Browser browser;

	CaseDriver driver;

	@BeforeEach
	void setUp() {
		if (browser == null) {
			browser = new Browser(port);
		}
		driver = new CaseDriver(engine, cases);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aManagerReadsChartsAndTablesChangesThePeriodAndDownloadsAFigure() throws Exception {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		clock.set(MONDAY);
		String confirmed = driver.fileReport(plant.devices.get(0), LocalDate.of(2034, 6, 1), CustomerTier.STANDARD);
		String noFault = driver.fileReport(plant.devices.get(1), LocalDate.of(2034, 6, 1), CustomerTier.STANDARD);
		driver.runJobs(confirmed);
		driver.runJobs(noFault);
		clock.set(MONDAY.plus(Duration.ofHours(3)));
		driver.complete(confirmed, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No charging, PMIC output 0 V",
						"suspectLotCode", plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded",
						false));
		driver.complete(noFault, "Task_ReviewInvestigation", "qc.engineer", Map.of("qcVerdict", "NO_FAULT_FOUND"));
		clock.set(MONDAY.plus(Duration.ofHours(27)));
		driver.complete(noFault, "Task_TellNoFaultFound", "cs.agent",
				Map.of("customerMessage", "We tested your scanner and found no fault."));
		clock.reset();

		browser.signIn("ops.manager");
		browser.driver().findElement(By.linkText("Managers’ view")).click();
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Managers’ view");
		assertThat(browser.driver().getTitle()).isEqualTo("Managers’ view – Tracecase");

		// another period: typed into the form
		period("2035-01-01", "2035-01-14");
		browser.waitForText(By.id("period-text"), "1 January 2035 to 14 January 2035");
		assertThat(browser.driver().getCurrentUrl()).contains("from=2035-01-01").contains("to=2035-01-14");

		// every chart is drawn, and its table lists the same figures
		for (String chart : List.of("chart-open-cases", "chart-cases-per-week", "chart-cycle-time", "chart-task-waits",
				"chart-pareto")) {
			assertThat(browser.waitFor(By.cssSelector("#" + chart + " canvas")).isDisplayed()).as(chart).isTrue();
		}
		assertThat(browser.texts(By.cssSelector("#cases-per-week-table tbody tr")))
			.containsExactly("1 January 2035 2 1", "8 January 2035 0 0");
		// closed 27 hours after the report
		assertThat(browser.texts(By.cssSelector("#cycle-time-table tbody tr td:nth-child(3)")))
			.containsExactly("1.1 days", "–");
		// the numbers on hover read as the table does
		assertThat(tooltip("chart-cycle-time", 0)).contains("Week of 1 January 2035").contains("Median: 1.1 days");
		assertThat(tooltip("chart-cases-per-week", 0)).contains("Filed: 2").contains("Closed: 1");
		browser.driver().executeScript("document.getElementById('cases-per-week').scrollIntoView()");
		browser.screenshot("dashboard");

		// the failures ranked by failure mode: only that part of the page changes
		WebElement heading = browser.driver().findElement(By.cssSelector("#pareto h2"));
		new Select(browser.driver().findElement(By.id("by"))).selectByVisibleText("Failure mode");
		browser.waitForText(By.cssSelector("#pareto-table thead th"), "Failure mode");
		assertThat(browser.texts(By.cssSelector("#pareto-table tbody tr td:first-child")))
			.containsExactly("no charging, pmic output 0 v");
		assertThat(browser.waitFor(By.cssSelector("#chart-pareto canvas")).isDisplayed()).isTrue();
		assertThat(heading.isDisplayed()).as("the rest of the page stays").isTrue();
		assertThat(browser.driver().getCurrentUrl()).contains("by=failure-mode");

		// a figure as CSV, downloaded with the browser's session
		browser.driver().findElement(By.cssSelector("#cases-per-week .csv a")).click();
		assertThat(Files.readString(browser.downloaded("cases-per-week-2035-01-01-to-2035-01-14.csv")))
			.isEqualTo("week,opened,closed\r\n2035-01-01,2,1\r\n");

		// a preset period, and a period that ends before it starts
		browser.driver().findElement(By.linkText("Last 4 weeks")).click();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		browser.waitForText(By.id("period-text"),
				Labels.date(today.minusWeeks(4).plusDays(1)) + " to " + Labels.date(today));
		assertThat(browser.text(By.cssSelector(".presets a[aria-current]"))).isEqualTo("Last 4 weeks");
		period("2035-01-14", "2035-01-01");
		assertThat(browser.text(By.id("error-summary"))).contains("There is a problem")
			.contains("The period must start on or before its end (1 January 2035).");
		assertThat(browser.driver().findElement(By.cssSelector("#error-summary a")).getAttribute("href"))
			.endsWith("#from");
	}

	@Test
	void anybodyButManagersAndAdministratorsIsRefused() {
		browser.signIn("qc.engineer");
		assertThat(browser.driver().findElements(By.linkText("Managers’ view"))).isEmpty();
		browser.open("/dashboard");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("You cannot open this page");
		assertThat(browser.driver().getPageSource()).doesNotContain("Exception").doesNotContain("Whitelabel");
	}

	private void period(String from, String to) {
		browser.driver()
			.executeScript("document.getElementById('from').value = arguments[0];"
					+ "document.getElementById('to').value = arguments[1];", from, to);
		browser.driver().findElement(By.cssSelector("#period-form button[type=submit]")).click();
	}

	/** What the chart's tooltip says at a category. */
	private String tooltip(String chart, int category) {
		browser.driver()
			.executeScript(
					"echarts.getInstanceByDom(document.getElementById(arguments[0]))"
							+ ".dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: arguments[1] });",
					chart, category);
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(d -> d.findElements(By.cssSelector("#" + chart + " div"))
				.stream()
				.map(WebElement::getText)
				.filter(text -> text.contains("Week of"))
				.findFirst()
				.orElse(null));
	}

}
