package dev.backstop.helpdesk.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless Chromium (Debian's chromium + chromium-driver) for one test, speaking Chinese by default, with
 * explicit waits and screenshots under {@code target/screenshots}. Selenium Manager never runs: the driver
 * and the browser are given by path, and {@code SE_OFFLINE=true} (passed on by Selenium to Selenium Manager
 * as an environment variable, should it ever start) forbids it the network.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    final WebDriver driver;
    final WebDriverWait wait;
    private final String baseUrl;
    private final Path profile;

    private Browser(WebDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // a live update may replace an element while a wait reads it: read it again rather than fail
        this.wait.ignoring(StaleElementReferenceException.class);
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /**
     * Skips the calling test (visibly) when Chromium or its driver is not installed on a developer's machine.
     * Where {@code BACKSTOP_REQUIRE_BROWSER=true} (set by {@code .ci/run}, which installs Chromium) a missing
     * browser fails the test instead, so CI can never pass by skipping.
     */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("BACKSTOP_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("BACKSTOP_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: install chromium and chromium-driver");
        }
        assumeTrue(
                installed,
                "Chromium or chromedriver not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): browser test skipped");
    }

    static Browser start(String baseUrl) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("backstop-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1400,1000",
                "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // every page notes on <html> when its htmx server-sent-events stream is open (htmx-ext-sse's own event), so a
        // test waits for exactly that instead of sleeping
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                document.addEventListener('htmx:sseOpen', function () {
                  document.documentElement.setAttribute('data-test-stream', 'open');
                });"""));
        return new Browser(driver, baseUrl, profile);
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * The visible text of the element, read again when a live update (an htmx swap) replaces the element between
     * finding and reading it.
     */
    String text(String css) {
        return wait.until(driver -> {
            WebElement element = driver.findElement(By.cssSelector(css));
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    void waitForUrl(String regex) {
        wait.until(ExpectedConditions.urlMatches(regex));
    }

    /**
     * Waits until the page's live stream (an htmx {@code sse-connect}) is open: the server has registered the
     * subscription before it answers, so an event sent after this reaches the page.
     */
    void waitForLiveStream() {
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-test-stream", "open"));
    }

    String pageLanguage() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    void waitForLanguage(String tag) {
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", tag));
    }

    void logIn(String username, String password) {
        open("/login");
        type("#username", username);
        type("#password", password);
        click("#login-submit");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    void logOut() {
        click("#logout");
        waitForUrl(".*/login\\?logout$");
    }

    /** Saves a PNG of the current page as target/screenshots/{name}.png and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            log.info("Screenshot saved: {}", target.toAbsolutePath());
            return target;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not save screenshot {}: {}", name, e.toString());
            return null;
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
