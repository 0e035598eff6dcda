package com.tracecase.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.quality.QualityManagement;
import com.tracecase.workflow.CaseDriver;
import com.tracecase.workflow.CaseFixture;
import com.tracecase.workflow.FailureCaseProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks worked in Tasklist, reached from Tracecase's pages: every task links back to its
 * case's page (Tracecase's Tasklist plugin), QC completes the review with its Camunda
 * form, a manager reads the units at risk on the field action form. The forms are found
 * by their fields' ids in the form files, which form-js ends the input ids with.
 */
@TracecaseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	LotManagement lots;

	@Autowired
	CaseManagement cases;

	@Autowired
	com.tracecase.genealogy.Genealogy genealogy;

	@Autowired
	QualityManagement quality;

	@Autowired
	ProcessEngine engine;

	/** Tasklist is a large single-page application; its first start takes a while. */
	private static final Duration TASKLIST = Duration.ofSeconds(60);

	Browser browser;

	CaseDriver driver;

	@BeforeEach
	void setUp() {
		if (browser == null) {
			browser = new Browser(port);
		}
		driver = new CaseDriver(engine, cases);
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void qcFollowsTheCasePageIntoTasklistAndCompletesTheReviewWithItsForm() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		browser.signIn("qc.engineer");
		browser.open("/cases/" + caseNumber);

		browser.driver().findElement(By.partialLinkText("Review investigation " + caseNumber)).click();
		openedSignedIn();
		assertThat(linkToCasePage())
			.isEqualTo("Open case page " + caseNumber + " " + browser.url("/cases/" + caseNumber));

		claim();
		click(browser.waitFor(field("Field_15-0")));
		browser.waitFor(field("Field_16")).sendKeys("No charging, PMIC output 0 V");
		choose("Field_19", "Component");
		browser.screenshot("tasklist-qc-review");
		complete();

		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> quality.findInvestigation(caseNumber)
			.map(investigation -> investigation.getReview() != null)
			.orElse(false));
		assertThat(quality.findInvestigation(caseNumber).orElseThrow().getReview().failureMode())
			.isEqualTo("No charging, PMIC output 0 V");
		assertThat(quality.findInvestigation(caseNumber).orElseThrow().getReviewedBy()).isEqualTo("qc.engineer");

		// and back to the case page, still signed in, which shows the review
		browser.open("/cases/" + caseNumber);
		assertThat(browser.driver().findElements(By.id("username"))).isEmpty();
		assertThat(browser.text(By.id("qc-review"))).contains("Failure confirmed").contains("Component");
	}

	@Test
	void productionBooksInTheReplacedUnitAndScrapsItWithItsForm() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(1),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				java.util.Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No boot", "suspectLotCode",
						plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded", false));
		driver.complete(caseNumber, "Task_ApproveCost", "finance.approver",
				java.util.Map.of("financeVerdict", "APPROVED"));
		driver.complete(caseNumber, "Task_ShipReplacement", "prod.planner",
				java.util.Map.of("trackingNumber", "1Z999"));
		String taskId = driver.task(caseNumber, FailureCaseProcess.TASK_DISPOSE_RETURNED_UNIT).getId();

		browser.signIn("prod.planner");
		browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
		openedSignedIn();
		claim();
		// failure analysis is preselected; production chooses scrap and names the bin
		WebElement analysis = browser.waitFor(field("Field_UnitDisposition-0"));
		assertThat(analysis.isSelected()).isTrue();
		click(browser.waitFor(field("Field_UnitDisposition-1")));
		browser.waitFor(field("Field_UnitLocation")).sendKeys("Scrap bin 7");
		browser.screenshot("tasklist-dispose-returned-unit");
		complete();

		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> genealogy.findDevice(plant.failedUnit())
			.map(device -> device.status() == com.tracecase.genealogy.LotStatus.SCRAPPED)
			.orElse(false));
		assertThat(genealogy.getLot(genealogy.findDevice(plant.failedUnit()).orElseThrow().lotCode()).location())
			.isEqualTo("Scrap bin 7");
	}

	@Test
	void aManagerReadsTheShippedUnitsAtRiskOnTheFieldActionForm() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		driver.fileReport(plant.devices.get(0), LocalDate.now().minusMonths(6), CustomerTier.STANDARD);
		String lot = plant.pmicReelA;
		quality.requestContainment(lot, "Two chargers dead within a week", "qc.engineer");
		driver.runJobs("CT-" + lot);
		String taskId = driver.task("CT-" + lot, FailureCaseProcess.TASK_APPROVE_FIELD_ACTION).getId();

		browser.signIn("ops.manager");
		browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
		openedSignedIn();
		assertThat(linkToCasePage()).isEqualTo("Open lot page " + lot + " " + browser.url("/lots/" + lot));
		WebElement units = browser.waitFor(field("Field_ShippedAtRiskList"));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(d -> units.getAttribute("value").contains(plant.devices.get(1)));
		assertThat(units.getAttribute("value").lines().toList()).containsExactlyInAnyOrder(plant.devices.get(0),
				plant.devices.get(1));
		assertThat(browser.driver().findElement(field("Field_ContainmentReason")).getAttribute("value"))
			.isEqualTo("Two chargers dead within a week");
		browser.screenshot("tasklist-field-action");
	}

	@Test
	void signingOutOfTheWebappsSignsOutOfThePagesToo() {
		browser.signIn("cs.agent");
		browser.open("/camunda/app/tasklist/default/");
		// Tasklist asks who is signed in and gets its CSRF token with the answer
		String token = new WebDriverWait(browser.driver(), TASKLIST).until(d -> {
			var cookie = d.manage().getCookieNamed("XSRF-TOKEN");
			return cookie == null ? null : cookie.getValue();
		});
		String signedIn = (String) browser.driver()
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch('/camunda/api/admin/auth/user/default').then(r => r.text()).then(done, e => done(String(e)));");
		assertThat(signedIn).contains("\"userId\":\"cs.agent\"");

		// what Tasklist's "Log out" sends
		Object status = browser.driver()
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch('/camunda/api/admin/auth/user/default/logout', {method: 'POST',"
					+ " headers: {'X-XSRF-TOKEN': arguments[0]}}).then(r => done(r.status), e => done(String(e)));",
					token);
		assertThat(status).isIn(200L, 204L);

		browser.open("/cases");
		assertThat(browser.driver().getCurrentUrl()).contains("/login");
	}

	/**
	 * Tasklist opens signed in as the user signed in to the pages: one sign-in for both,
	 * never Tasklist's own sign-in form.
	 */
	private void openedSignedIn() {
		try {
			new WebDriverWait(browser.driver(), TASKLIST).until(
					d -> !d.findElements(By.cssSelector("a.tracecase-case-link, input[ng-model=username]")).isEmpty());
		}
		catch (TimeoutException ex) {
			keepPage("tasklist-failed");
			throw ex;
		}
		assertThat(browser.driver().findElements(By.cssSelector("input[ng-model=username]")))
			.as("Tasklist's own sign-in form")
			.isEmpty();
		browser.waitFor(By.cssSelector("a.tracecase-case-link"));
	}

	/** The page as it is, for a failure's report: a picture and its HTML. */
	private void keepPage(String name) {
		browser.screenshot(name);
		try {
			Files.writeString(Path.of("target", "screenshots", name + ".html"), browser.driver().getPageSource());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The text and target of Tracecase's link in the task's action bar, which may be
	 * drawn again.
	 */
	private String linkToCasePage() {
		return new WebDriverWait(browser.driver(), TASKLIST).ignoring(StaleElementReferenceException.class).until(d -> {
			WebElement link = d.findElement(By.cssSelector("a.tracecase-case-link"));
			return link.getText() + " " + link.getAttribute("href");
		});
	}

	private void claim() {
		browser.waitFor(By.xpath("//*[self::a or self::button][normalize-space()='Claim']")).click();
		// claimed: the claim link gives way to the assignee
		new WebDriverWait(browser.driver(), TASKLIST).until(ExpectedConditions
			.invisibilityOfElementLocated(By.xpath("//*[self::a or self::button][normalize-space()='Claim']")));
	}

	private void complete() {
		WebElement button = new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")));
		click(button);
	}

	/** A form-js select: open its list and pick the option by its label. */
	private void choose(String fieldId, String label) {
		click(browser.waitFor(field(fieldId + "-display")));
		click(browser
			.waitFor(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space()='" + label + "']")));
	}

	/** Clicks an element in the middle of the view, clear of Tasklist's fixed bars. */
	private void click(WebElement element) {
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	/** form-js ends an input's id with the field's id in the form file. */
	private static By field(String fieldId) {
		return By.cssSelector("[id$='-" + fieldId + "']");
	}

}
