package com.tracecase.workspace;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.workflow.CaseFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in to the workspace in a real browser: every role lands on its home, a page
 * asked for before signing in opens after it, and errors read as pages.
 */
@TracecaseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	LotManagement lots;

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
	void everyRoleSignsInAndSeesItsHome() {
		record Role(String user, String group) {
		}
		// groups in words, not their ids
		for (Role role : new Role[] { new Role("cs.agent", "Customer service"), new Role("qc.engineer", "QC"),
				new Role("prod.planner", "Production"), new Role("finance.approver", "Finance"),
				new Role("ops.manager", "Managers"), new Role("admin", "Administrators") }) {
			browser.signIn(role.user());
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url("/"));
			assertThat(browser.text(By.id("signed-in-user"))).isEqualTo(role.user());
			assertThat(browser.text(By.id("groups"))).contains(role.group());
			assertThat(browser.text(By.tagName("h2"))).isEqualTo("Open tasks of your groups");
			if (role.user().equals("cs.agent")) {
				assertThat(browser.driver().findElements(By.id("report-link"))).hasSize(1);
				browser.screenshot("home");
			}
			if (role.user().equals("qc.engineer")) {
				assertThat(browser.driver().findElements(By.id("report-link"))).isEmpty();
			}
		}
	}

	@Test
	void aLotLabelOpensTheLotPageAfterSigningIn() {
		CaseFixture plant = new CaseFixture().build(lots, false, 2);
		browser.driver().manage().deleteAllCookies();
		browser.open("/lots/" + plant.pmicReelA);
		browser.waitFor(By.id("sign-in"));
		assertThat(browser.driver().getTitle()).startsWith("Sign in");
		browser.screenshot("sign-in");

		browser.signInHere("qc.engineer");

		assertThat(browser.driver().getCurrentUrl()).startsWith(browser.url("/lots/" + plant.pmicReelA));
		assertThat(browser.text(By.id("lot-code"))).isEqualTo(plant.pmicReelA);
	}

	@Test
	void aWrongPasswordIsToldOnTheSignInPage() {
		browser.driver().manage().deleteAllCookies();
		browser.open("/login");
		// a user no other test signs in as, since a failed login delays that user's next
		// one
		browser.waitFor(By.id("username")).sendKeys("nobody.here");
		browser.driver().findElement(By.id("password")).sendKeys("wrong");
		browser.driver().findElement(By.cssSelector("#sign-in button[type=submit]")).click();

		assertThat(browser.text(By.cssSelector(".error-summary"))).contains("The user name or password is wrong");
	}

	@Test
	void anUnknownLotIsAReadablePageNotAStackTrace() {
		browser.signIn("qc.engineer");
		browser.open("/lots/NO-SUCH-LOT-4711");

		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Page not found");
		assertThat(browser.text(By.id("error-message"))).isEqualTo("Lot 'NO-SUCH-LOT-4711' does not exist.");
		assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel").doesNotContain("Exception");

		browser.open("/no/such/page");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Page not found");
		assertThat(browser.driver().getPageSource()).doesNotContain("Whitelabel");
	}

}
