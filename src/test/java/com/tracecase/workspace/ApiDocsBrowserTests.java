package com.tracecase.workspace;

import java.time.Duration;
import java.util.List;

import com.tracecase.TracecaseIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI in a real browser: behind the sign-in, and once signed in it shows the
 * Tracecase API with its operations.
 */
@TracecaseIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void startBrowser() {
		browser = new Browser(port);
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void swaggerUiOpensAfterSigningInWithTheApisOperations() {
		browser.driver().manage().deleteAllCookies();
		browser.open("/swagger-ui.html");
		browser.waitFor(By.id("sign-in"));
		assertThat(browser.driver().getTitle()).startsWith("Sign in");

		browser.waitFor(By.id("username")).sendKeys("cs.agent");
		browser.driver().findElement(By.id("password")).sendKeys("cs.agent");
		browser.driver().findElement(By.cssSelector("#sign-in button[type=submit]")).click();

		browser.waitForText(By.cssSelector(".information-container .title"), "Tracecase API");
		List<WebElement> operations = new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver -> {
			List<WebElement> found = driver.findElements(By.cssSelector(".opblock-summary-path"));
			return found.size() > 30 ? found : null;
		});
		// Swagger UI breaks long paths with zero-width spaces
		assertThat(operations).extracting(operation -> operation.getText().replace("\u200B", ""))
			.contains("/api/failure-reports", "/api/cases/{caseNumber}", "/api/genealogy/lots");
		browser.screenshot("swagger-ui");
	}

}
