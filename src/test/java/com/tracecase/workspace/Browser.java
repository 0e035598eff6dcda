package com.tracecase.workspace;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the browser tests: Debian's {@code chromium} driven by Debian's
 * {@code chromedriver}, both at fixed paths, so Selenium never downloads a driver or a
 * browser. One per test class; {@link #signIn(String)} starts a fresh session.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final ChromeDriver driver;

	private final Path profile;

	private final Path downloads;

	private final String baseUrl;

	Browser(int port) {
		this.baseUrl = "http://localhost:" + port;
		if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
			throw new IllegalStateException("The browser tests need Debian's chromium and chromedriver at " + CHROMIUM
					+ " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver (.ci/run does this).");
		}
		try {
			this.profile = Files.createTempDirectory("tracecase-chromium");
			this.downloads = Files.createTempDirectory("tracecase-downloads");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1000",
				"--user-data-dir=" + profile);
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	ChromeDriver driver() {
		return driver;
	}

	String url(String path) {
		return baseUrl + path;
	}

	void open(String path) {
		driver.get(url(path));
	}

	/** Signs out whoever is signed in, then signs in on the sign-in page. */
	void signIn(String user) {
		driver.manage().deleteAllCookies();
		open("/login");
		signInHere(user);
	}

	/** Fills the sign-in form this browser shows, with the demo password. */
	void signInHere(String user) {
		waitFor(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(user);
		driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
		waitFor(By.id("signed-in-user"));
	}

	WebElement waitFor(By locator) {
		return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	void waitForText(By locator, String text) {
		new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
	}

	/**
	 * The text of the element once it is shown; read again when the page replaced the
	 * element between finding and reading it (a form sent, an htmx swap).
	 */
	String text(By locator) {
		return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
			WebElement element = d.findElement(locator);
			return element.isDisplayed() ? element.getText() : null;
		});
	}

	List<String> texts(By locator) {
		waitFor(locator);
		return driver.findElements(locator).stream().map(WebElement::getText).toList();
	}

	/** Waits until a download of that name is complete and returns its file. */
	Path downloaded(String fileName) {
		Path file = downloads.resolve(fileName);
		new WebDriverWait(driver, WAIT)
			.until(d -> Files.exists(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")));
		return file;
	}

	/** Keeps a picture of the page for the README, under {@code target/screenshots}. */
	void screenshot(String name) {
		try {
			Path target = Path.of("target", "screenshots");
			Files.createDirectories(target);
			Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			delete(profile);
			delete(downloads);
		}
	}

	private static void delete(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind does no harm
		}
	}

}
