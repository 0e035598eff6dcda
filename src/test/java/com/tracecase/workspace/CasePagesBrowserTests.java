package com.tracecase.workspace;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.tracecase.TestClock;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseStatus;
import com.tracecase.casework.CustomerTier;
import com.tracecase.casework.FailureReport;
import com.tracecase.casework.ReportChannel;
import com.tracecase.casework.SymptomCategory;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.notification.DeliveryStatus;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.quality.Containment;
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
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case pages in a real browser: customer service files a report and sees its number,
 * a bad report is refused with messages naming the fields, QC reads the investigation,
 * production books the unit received.
 */
@TracecaseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePagesBrowserTests {

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

	@Autowired
	Notifications notifications;

	@Autowired
	QualityManagement quality;

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
	void customerServiceFilesAReportAndSeesTheCaseNumberAtOnce() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		browser.signIn("cs.agent");
		browser.driver().findElement(By.id("report-link")).click();

		browser.waitFor(By.id("serialNumber")).sendKeys(plant.failedUnit());
		browser.driver().findElement(By.id("customerName")).sendKeys("Kim Lee");
		browser.driver().findElement(By.id("customerEmail")).sendKeys("kim.lee@example.com");
		new Select(browser.driver().findElement(By.id("symptomCategory"))).selectByVisibleText("Charging");
		browser.driver().findElement(By.id("description")).sendKeys("Does not charge any more");
		browser.screenshot("report");
		browser.driver().findElement(By.cssSelector("#report-form button[type=submit]")).click();

		String caseNumber = browser.text(By.id("filed-case-number"));
		assertThat(caseNumber).matches("FC-\\d{4}-\\d{6}");
		assertThat(browser.text(By.id("case-number"))).isEqualTo(caseNumber);
		assertThat(cases.get(caseNumber).getSerialNumber()).isEqualTo(plant.failedUnit());
		assertThat(cases.get(caseNumber).getCustomerName()).isEqualTo("Kim Lee");
		assertThat(cases.get(caseNumber).getReportedBy()).isEqualTo("cs.agent");
	}

	@Test
	void aReportWithMissingAndWrongFieldsIsRefusedWithMessagesNamingThem() {
		browser.signIn("cs.agent");
		browser.open("/reports/new");
		browser.waitFor(By.id("serialNumber")).sendKeys("NO-SUCH-SERIAL-1");
		browser.driver().findElement(By.id("customerEmail")).sendKeys("kim.lee.example.com");
		browser.driver().findElement(By.cssSelector("#report-form button[type=submit]")).click();

		String summary = browser.text(By.id("error-summary"));
		assertThat(summary).contains("There is a problem")
			.contains("Enter the customer's email address in the correct format");
		assertThat(browser.driver().getTitle()).startsWith("Error:");
		// the typed serial stays, and each message links to its field
		assertThat(browser.driver().findElement(By.id("serialNumber")).getAttribute("value"))
			.isEqualTo("NO-SUCH-SERIAL-1");
		assertThat(browser.driver()
			.findElement(By.partialLinkText("Enter the customer's email address"))
			.getAttribute("href")).endsWith("#customerEmail");
		browser.screenshot("report-errors");

		browser.driver().findElement(By.id("customerEmail")).clear();
		browser.driver().findElement(By.id("customerEmail")).sendKeys("kim.lee@example.com");
		browser.driver().findElement(By.cssSelector("#report-form button[type=submit]")).click();
		// the page of the first refusal shows until the second one arrives
		browser.waitForText(By.id("error-summary"), "The customer's name is required.");
		assertThat(browser.text(By.id("error-summary"))).contains("The customer's name is required.")
			.contains("A description of the failure is required.")
			.contains("The symptom category is required.");
		assertThat(browser.driver()
			.findElement(By.partialLinkText("The customer's name is required"))
			.getAttribute("href")).endsWith("#customerName");
	}

	@Test
	void productionBooksTheUnitReceivedOnTheCasePage() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = confirmedRepair(plant);

		browser.signIn("qc.engineer");
		browser.open("/cases/" + caseNumber);
		assertThat(browser.texts(By.cssSelector("#investigation-lots tbody td:first-child a")))
			.contains(plant.pmicReelA, plant.mcuReel);
		assertThat(browser.driver().findElements(By.id("unit-received-form"))).isEmpty();
		String taskLink = browser.driver()
			.findElement(By.partialLinkText("Receive unit " + plant.failedUnit()))
			.getAttribute("href");
		assertThat(taskLink).startsWith(browser.url("/camunda/app/tasklist/default/#/?task="))
			.endsWith(driver.task(caseNumber, FailureCaseProcess.TASK_RECEIVE_UNIT).getId());

		browser.signIn("prod.planner");
		browser.open("/cases/" + caseNumber);
		browser.screenshot("case");
		browser.waitFor(By.cssSelector("#unit-received-form button")).click();

		assertThat(browser.text(By.id("done-message"))).contains("The unit is booked as received");
		driver.runJobs(caseNumber);
		assertThat(engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey("Task_RepairUnit")
			.count()).isOne();
		browser.open("/cases/" + caseNumber);
		assertThat(browser.driver().findElements(By.id("unit-received-form"))).isEmpty();
		assertThat(browser.text(By.id("open-tasks"))).contains("Repair");
	}

	@Test
	void theCaseListFiltersByStatusAndLot() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = confirmedRepair(plant);
		browser.signIn("ops.manager");
		browser.open("/cases?lot=" + plant.pmicReelA);

		assertThat(browser.texts(By.cssSelector("#case-table tbody td:first-child a"))).containsExactly(caseNumber);
		new Select(browser.driver().findElement(By.id("status"))).selectByVisibleText("Closed");
		browser.waitForText(By.id("case-count"), "0");
		assertThat(cases.get(caseNumber).getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
	}

	@Test
	void theCaseListFiltersByTheStepTheCaseWaitsAtAndByAge() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String older;
		clock.set(Instant.now().minus(Duration.ofDays(20)));
		try {
			older = driver.fileReport(plant.devices.get(1), LocalDate.now().minusMonths(6), CustomerTier.STANDARD);
			driver.runJobs(older);
		}
		finally {
			clock.reset();
		}
		String repair = confirmedRepair(plant);
		browser.signIn("qc.engineer");
		browser.open("/cases?lot=" + plant.pmicReelA);
		assertThat(caseNumbersListed()).containsExactlyInAnyOrder(older, repair);

		new Select(browser.driver().findElement(By.id("step"))).selectByVisibleText("Review investigation");
		browser.waitForText(By.id("case-count"), "1");
		assertThat(caseNumbersListed()).containsExactly(older);
		assertThat(browser.driver().getCurrentUrl()).contains("step=Task_ReviewInvestigation");
		new Select(browser.driver().findElement(By.id("step"))).selectByVisibleText("Receive unit");
		browser.waitForText(By.id("case-table"), repair);
		assertThat(caseNumbersListed()).containsExactly(repair);

		new Select(browser.driver().findElement(By.id("step"))).selectByVisibleText("Any step");
		browser.waitForText(By.id("case-count"), "2");
		browser.driver().findElement(By.id("olderThan")).sendKeys("10");
		browser.driver().findElement(By.cssSelector("#case-filters button[type=submit]")).click();
		browser.waitForText(By.id("case-count"), "1");
		assertThat(caseNumbersListed()).containsExactly(older);
		browser.screenshot("cases");

		browser.driver().findElement(By.id("olderThan")).clear();
		browser.driver().findElement(By.id("olderThan")).sendKeys("ten");
		browser.driver().findElement(By.cssSelector("#case-filters button[type=submit]")).click();
		browser.waitForText(By.id("error-summary"), "Enter the age in whole days");
		assertThat(browser.text(By.id("error-summary"))).contains("Enter the age in whole days");
		assertThat(browser.driver().findElement(By.partialLinkText("Enter the age")).getAttribute("href"))
			.endsWith("#olderThan");
		assertThat(browser.driver().findElements(By.id("case-table"))).isEmpty();
	}

	@Test
	void badFiltersOfTheCaseListAreNamedNotFailed() {
		browser.signIn("cs.agent");
		browser.open("/cases?step=Task_NoSuchStep&from=2026-13-45&olderThan=-3&status=SOMETIMES&page=x");
		String summary = browser.text(By.id("error-summary"));
		assertThat(summary).contains("Choose a step from the list.")
			.contains("Choose a status from the list.")
			.contains("Enter the date reported since as a real date")
			.contains("Enter the age in days as a number from 0 to");
		assertThat(browser.driver().getTitle()).startsWith("Error:");
		assertThat(browser.driver().findElement(By.id("olderThan")).getAttribute("value")).isEqualTo("-3");

		browser.open("/cases?lot=NO-SUCH-LOT-" + System.nanoTime());
		assertThat(browser.text(By.id("error-summary"))).contains("There is no lot NO-SUCH-LOT-");
	}

	@Test
	void theCaseListPagesThroughManyCases() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		for (int i = 0; i < 27; i++) {
			driver.fileReport(plant.devices.get(i % 4), LocalDate.now().minusMonths(6), CustomerTier.STANDARD);
		}
		browser.signIn("cs.agent");
		browser.open("/cases?lot=" + plant.mcuReel);
		assertThat(browser.text(By.id("case-summary"))).startsWith("27 cases, showing 1 to 25");
		assertThat(browser.driver().findElements(By.cssSelector("#case-table tbody tr"))).hasSize(25);
		browser.driver().findElement(By.cssSelector("#case-pager a[rel=next]")).click();
		browser.waitForText(By.id("case-summary"), "showing 26 to 27");
		assertThat(browser.driver().findElements(By.cssSelector("#case-table tbody tr"))).hasSize(2);
		assertThat(browser.driver().getCurrentUrl()).contains("lot=" + plant.mcuReel).contains("page=2");
	}

	@Test
	void theCasePageListsTheMailsSentAndShowsCustomerAddressesOnlyToThoseWhoDealWithTheCustomer() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String customer = "kim.lee." + System.nanoTime() + "@example.invalid";
		String caseNumber = cases
			.file(new FailureReport(plant.failedUnit(), "Kim Lee", customer, null, SymptomCategory.CHARGING,
					"Does not charge", LocalDate.now().minusMonths(3), ReportChannel.PHONE, null, null), "cs.agent",
					null)
			.failureCase()
			.getCaseNumber();
		driver.runJobs(caseNumber);
		// the embedded SMTP sink refuses the reserved .invalid domain for good
		await().atMost(Duration.ofSeconds(20))
			.until(() -> notifications.mailsOf(caseNumber),
					mails -> mails.stream()
						.anyMatch(mail -> mail.template() == MailTemplate.CUSTOMER_ACKNOWLEDGEMENT
								&& mail.status() == DeliveryStatus.FAILED)
							&& mails.stream()
								.filter(mail -> mail.template() == MailTemplate.QC_NOTIFIED)
								.allMatch(mail -> mail.status() == DeliveryStatus.SENT));

		browser.signIn("qc.engineer");
		browser.open("/cases/" + caseNumber);
		String mails = browser.text(By.id("case-mails"));
		assertThat(mails).contains("Quality check needed")
			.contains("Report received (to the customer)")
			.contains("Customer")
			.contains("QC")
			.contains("Sent")
			.contains("Failed");
		assertThat(browser.driver().getPageSource()).doesNotContain(customer);

		browser.signIn("cs.agent");
		browser.open("/cases/" + caseNumber);
		assertThat(browser.text(By.id("case-mails"))).contains(customer)
			.contains("The mail server refused the address: 550");
		assertThat(browser.text(By.id("customer"))).contains(customer);
		browser.driver().executeScript("document.getElementById('case-mails').scrollIntoView()");
		browser.screenshot("case-mails");
	}

	@Test
	void theCasePageDrawsItsProcessesWithTheStepsItIsAtAndThoseItPassed() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No charging, PMIC output 0 V",
						"suspectLotCode", plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded",
						true));
		driver.runJobs(caseNumber);

		browser.signIn("qc.engineer");
		browser.open("/cases/" + caseNumber);
		assertThat(browser.text(By.cssSelector("#diagram-0 figcaption"))).startsWith("Failure case: the case is at ")
			.contains("Contain the suspect lot")
			.contains("Receive unit");
		assertThat(browser.driver()
			.findElements(By.cssSelector("#diagram-0 g.current"))
			.stream()
			.map(step -> step.getAttribute("data-step")))
			.containsExactlyInAnyOrder("Call_Containment", "Task_ReceiveUnit");
		assertThat(browser.driver()
			.findElement(By.cssSelector("#diagram-0 g[data-step=Task_ReviewInvestigation]"))
			.getAttribute("class")).isEqualTo("step passed");
		assertThat(browser.driver()
			.findElement(By.cssSelector("#diagram-0 g[data-step=Task_ShipReplacement]"))
			.getAttribute("class")).isEqualTo("step ahead");
		assertThat(String.join(" ",
				browser.texts(By.cssSelector("#diagram-0 g[data-step=Task_ReviewInvestigation] text tspan"))))
			.isEqualTo("Review investigation");
		assertThat(browser.text(By.cssSelector("#diagram-1 figcaption")))
			.isEqualTo("Containment: the case is at Decide on a field action");
		assertThat(browser.text(By.id("current-steps"))).contains("Receive unit " + plant.failedUnit());
		browser.driver().executeScript("document.getElementById('diagram-0').scrollIntoView()");
		browser.screenshot("case-diagram");
	}

	@Test
	void qcStartsTheContainmentOfALotAtRiskWithAReason() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		driver.fileReport(plant.devices.get(0), LocalDate.now().minusMonths(6), CustomerTier.STANDARD);
		driver.fileReport(plant.devices.get(1), LocalDate.now().minusMonths(6), CustomerTier.STANDARD);
		String lot = plant.pmicReelA;
		By form = By.id("contain-" + lot);
		browser.signIn("qc.engineer");
		browser.open("/at-risk");

		browser.waitFor(form).findElement(By.tagName("button")).click();
		assertThat(browser.text(By.id("error-summary"))).contains("Say why the lot is to be contained.");
		assertThat(browser.driver().findElement(By.partialLinkText("Say why")).getAttribute("href"))
			.endsWith("#reason-" + lot);
		assertThat(quality.containmentsOf(List.of(lot))).isEmpty();

		browser.driver().findElement(By.id("reason-" + lot)).sendKeys("Two chargers dead within a week");
		browser.driver().findElement(form).findElement(By.tagName("button")).click();
		assertThat(browser.text(By.id("containment-started"))).contains("Containment of lot " + lot + " started");
		assertThat(browser.driver().findElement(By.id("contained-lot-link")).getAttribute("href"))
			.endsWith("/lots/" + lot + "#where-used");
		assertThat(browser.text(By.id("at-risk-" + lot))).contains("By qc.engineer")
			.contains("Two chargers dead within a week")
			.contains("Stock being quarantined");
		assertThat(engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey("CT-" + lot, FailureCaseProcess.CONTAINMENT_PROCESS_KEY)
			.count()).isOne();

		driver.runJobs("CT-" + lot);
		Containment containment = quality.containmentsOf(List.of(lot)).get(lot);
		assertThat(containment.isContained()).isTrue();
		assertThat(containment.getShippedSerialsAtRisk()).containsExactlyInAnyOrder(plant.devices.get(0),
				plant.devices.get(1));
		assertThat(containment.getRequestedBy()).isEqualTo("qc.engineer");
		assertThat(driver.task("CT-" + lot, FailureCaseProcess.TASK_APPROVE_FIELD_ACTION).getName())
			.isEqualTo("Decide on a field action for lot " + lot + " (CT-" + lot + ")");
		assertThat(notifications.messages(null, null, 50))
			.anyMatch(message -> message.template() == MailTemplate.CONTAINMENT
					&& message.subject().equals("Containment: lot " + lot));
		browser.open("/at-risk");
		assertThat(browser.text(By.id("at-risk-" + lot))).contains("2 shipped units at risk")
			.contains("field action not decided yet");
		browser.screenshot("at-risk");

		// a second containment of the lot is refused in words
		assertThat(post("/at-risk/containments", "lotCode=" + lot + "&reason=Again")).contains("is contained already");

		browser.signIn("cs.agent");
		browser.open("/at-risk");
		assertThat(browser.driver().findElements(By.cssSelector("form.contain-form"))).isEmpty();
		assertThat(post("/at-risk/containments", "lotCode=" + plant.pmicReelB + "&reason=Curious")).startsWith("403 ")
			.contains("You cannot do this");
		assertThat(quality.containmentsOf(List.of(plant.pmicReelB))).isEmpty();
	}

	/**
	 * Posts a form from the signed-in browser, with its CSRF token, and answers the
	 * status and the text of the page it ends on.
	 */
	private String post(String path, String body) {
		Object answer = browser.driver().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const headers = JSON.parse(document.body.getAttribute('hx-headers'));
				headers['Content-Type'] = 'application/x-www-form-urlencoded';
				fetch(arguments[0], { method: 'POST', headers: headers, body: arguments[1] })
					.then(r => r.text().then(t => done(r.status + ' ' + t)));
				""", path, body);
		return String.valueOf(answer);
	}

	private List<String> caseNumbersListed() {
		return browser.texts(By.cssSelector("#case-table tbody td:first-child a"));
	}

	@Test
	void aManagerSeesTheLotSharedByTwoReportedUnitsAtRisk() {
		CaseFixture plant = new CaseFixture().build(lots, true, 2);
		driver.fileReport(plant.devices.get(0), LocalDate.now().minusMonths(6), CustomerTier.STANDARD);
		driver.fileReport(plant.devices.get(1), LocalDate.now().minusMonths(6), CustomerTier.STANDARD);
		browser.signIn("ops.manager");
		browser.open("/at-risk");

		assertThat(browser.texts(By.cssSelector("#at-risk-lots tbody td:first-child a"))).contains(plant.pmicReelA)
			.doesNotContain(plant.pmicReelB);
		browser.driver().findElement(By.linkText(plant.pmicReelA)).click();
		assertThat(browser.text(By.id("lot-code"))).isEqualTo(plant.pmicReelA);
	}

	/** A case QC confirmed, waiting for the customer's unit to come in for repair. */
	private String confirmedRepair(CaseFixture plant) {
		String caseNumber = driver.fileReport(plant.failedUnit(), LocalDate.now().minusMonths(12),
				CustomerTier.STANDARD);
		driver.runJobs(caseNumber);
		driver.complete(caseNumber, "Task_ReviewInvestigation", "qc.engineer",
				Map.of("qcVerdict", "FAILURE_CONFIRMED", "failureMode", "No charging, PMIC output 0 V",
						"suspectLotCode", plant.pmicReelA, "rootCauseCategory", "COMPONENT", "containmentNeeded",
						false));
		driver.runJobs(caseNumber);
		return caseNumber;
	}

}
