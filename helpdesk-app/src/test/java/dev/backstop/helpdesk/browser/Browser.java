package dev.backstop.helpdesk.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
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
 *
 * <p>Starting and quitting Chromium costs seconds of CPU, so the test JVM keeps the Chromium processes it started
 * (one, two while a test drives two browsers at once) and lends one to each test with a fresh state: a new tab (no
 * page, script state, history or {@code sessionStorage} of the test before; the old tabs are closed, which also
 * closes their event streams), no cookie (the session and the language cookie), and the storage of every origin the
 * process has served cleared. {@link #start} checks that no cookie is left, so a test can never see another's session.
 * {@link #quitAll} ends them when the test run ends ({@link BrowserTest} registers it; a JVM shutdown hook as well).
 *
 * <p>Waits poll every 50 ms (Selenium's default is 500 ms: every wait that is not true at once cost up to half a
 * second idle) with the same 15 s ceiling. The time of each step is logged at debug level
 * ({@code logging.level.dev.backstop.helpdesk.browser=DEBUG}).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final Duration POLL = Duration.ofMillis(50);

    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    /** Chromium processes of this JVM not lent to a test now. */
    private static final Deque<Chromium> idle = new ArrayDeque<>();

    private static final List<Chromium> all = new ArrayList<>();

    private static boolean hooked;

    final WebDriver driver;
    final WebDriverWait wait;
    private final String baseUrl;
    private final Chromium chromium;
    private boolean closed;

    private Browser(Chromium chromium, String baseUrl) {
        this.chromium = chromium;
        this.driver = chromium.driver;
        this.wait = new LiveWait(driver);
        this.baseUrl = baseUrl;
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

    /**
     * A browser with nothing of an earlier test in it (no tab, cookie or stored data), on an idle Chromium of this JVM
     * or a new one. {@link #close()} gives it back.
     */
    static Browser start(String baseUrl) throws IOException {
        Chromium chromium;
        synchronized (Browser.class) {
            chromium = idle.pollFirst();
        }
        if (chromium != null) {
            try {
                chromium.fresh();
            } catch (RuntimeException e) {
                log.warn("An idle Chromium could not be reset, starting another: {}", e.toString());
                chromium.quit();
                synchronized (Browser.class) {
                    all.remove(chromium);
                }
                chromium = null;
            }
        }
        if (chromium == null) {
            chromium = Chromium.launch();
            synchronized (Browser.class) {
                all.add(chromium);
                if (!hooked) {
                    Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitAll, "chromium-quit"));
                    hooked = true;
                }
            }
        }
        chromium.origins.add(baseUrl);
        return new Browser(chromium, baseUrl);
    }

    /** Quits every Chromium this JVM started (at the end of the test run). */
    static void quitAll() {
        List<Chromium> quitting;
        synchronized (Browser.class) {
            quitting = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        quitting.forEach(Chromium::quit);
    }

    private <T> T timed(String step, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            log.debug("{} took {} ms", step, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void timed(String step, Runnable action) {
        timed(step, () -> {
            action.run();
            return null;
        });
    }

    void open(String path) {
        timed("open " + path, () -> driver.get(baseUrl + path));
    }

    WebElement find(String css) {
        return timed(
                "find " + css, () -> wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css))));
    }

    /**
     * The visible text of the element, read again when a live update (an htmx swap) replaces the element between
     * finding and reading it.
     */
    String text(String css) {
        return timed(
                "text " + css,
                () -> wait.until(driver -> {
                    WebElement element = driver.findElement(By.cssSelector(css));
                    return element.isDisplayed() ? element.getText() : null;
                }));
    }

    void type(String css, String text) {
        timed("type " + css, () -> {
            WebElement field = find(css);
            field.clear();
            field.sendKeys(text);
        });
    }

    void click(String css) {
        timed(
                "click " + css,
                () -> wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                        .click());
    }

    void waitForText(String css, String text) {
        timed(
                "waitForText " + css,
                () -> wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text)));
    }

    void waitForUrl(String regex) {
        timed("waitForUrl " + regex, () -> wait.until(ExpectedConditions.urlMatches(regex)));
    }

    /**
     * Waits until the page's live stream (an htmx {@code sse-connect}) is open: the server has registered the
     * subscription before it answers, so an event sent after this reaches the page.
     */
    void waitForLiveStream() {
        timed(
                "waitForLiveStream",
                () -> wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-test-stream", "open")));
    }

    String pageLanguage() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    void waitForLanguage(String tag) {
        timed(
                "waitForLanguage " + tag,
                () -> wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", tag)));
    }

    void logIn(String username, String password) {
        timed("logIn " + username, () -> {
            open("/login");
            type("#username", username);
            type("#password", password);
            click("#login-submit");
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        });
    }

    /**
     * Logs in as the login form does, without the form's two page loads: this JVM sends the form's POST (its CSRF
     * token and the password check included) and hands the session cookie to Chromium. The browser stays where it is;
     * the test opens the page it needs next. The tests of the form itself use {@link #logIn}.
     */
    void logInWithoutTheForm(String username, String password) {
        timed("logInWithoutTheForm " + username, () -> {
            var cookies = new CookieManager();
            try (var http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()) {
                String page = http.send(
                                HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
                if (!token.find()) {
                    throw new IllegalStateException("no CSRF token on the login page");
                }
                String form =
                        "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
                var answer = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                String location = answer.headers().firstValue("Location").orElse("");
                if (answer.statusCode() != 302 || location.contains("/login")) {
                    throw new IllegalStateException(
                            "login as " + username + " refused: " + answer.statusCode() + " " + location);
                }
                for (var cookie : cookies.getCookieStore().getCookies()) {
                    chromium.driver.executeCdpCommand(
                            "Network.setCookie",
                            Map.of(
                                    "name", cookie.getName(),
                                    "value", cookie.getValue(),
                                    "url", baseUrl + "/",
                                    "path", cookie.getPath() == null ? "/" : cookie.getPath(),
                                    "httpOnly", cookie.isHttpOnly()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    void logOut() {
        timed("logOut", () -> {
            click("#logout");
            waitForUrl(".*/login\\?logout$");
        });
    }

    /** Saves a PNG of the current page as target/screenshots/{name}.png and returns its path. */
    Path screenshot(String name) {
        return timed("screenshot " + name, () -> {
            try {
                Files.createDirectories(SCREENSHOTS);
                Path target = SCREENSHOTS.resolve(name + ".png");
                // what ChromeDriver's own screenshot asks for (the viewport as a PNG), encoded for speed, not size
                Map<String, Object> shot = chromium.driver.executeCdpCommand(
                        "Page.captureScreenshot", Map.of("format", "png", "optimizeForSpeed", true));
                Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
                log.info("Screenshot saved: {}", target.toAbsolutePath());
                return target;
            } catch (IOException | RuntimeException e) {
                log.warn("Could not save screenshot {}: {}", name, e.toString());
                return null;
            }
        });
    }

    /** Gives the Chromium back to this JVM's idle ones; its state is wiped before the next test gets it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timed("close", () -> {
            try {
                // leave the page now: its event streams and timers end with it
                driver.get("about:blank");
            } catch (RuntimeException e) {
                log.warn("Chromium did not leave the page, quitting it: {}", e.toString());
                chromium.quit();
                synchronized (Browser.class) {
                    all.remove(chromium);
                }
                return;
            }
            synchronized (Browser.class) {
                if (all.contains(chromium)) {
                    idle.addFirst(chromium);
                }
            }
        });
    }

    /**
     * A wait that reads the page again when a live update (an htmx swap) replaced the element it was reading, for every
     * wait of a test (its own {@code browser.wait.until} too). ChromeDriver reports such an element as stale or, when
     * htmx swaps it out during the command, with the DevTools error "Node with given id does not belong to the
     * document", which is no exception class of its own (it failed a CI run on the import job page, whose progress
     * region is swapped every second).
     */
    private static final class LiveWait extends WebDriverWait {

        LiveWait(WebDriver driver) {
            super(driver, TIMEOUT, POLL);
            ignoring(StaleElementReferenceException.class);
        }

        @Override
        public <V> V until(Function<? super WebDriver, ? extends V> condition) {
            return super.until(driver -> {
                try {
                    return condition.apply(driver);
                } catch (WebDriverException e) {
                    if (!(e instanceof StaleElementReferenceException)
                            && String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                        return null;
                    }
                    throw e;
                }
            });
        }
    }

    /** One Chromium process with its ChromeDriver and its own profile directory. */
    private static final class Chromium {

        final ChromeDriver driver;
        final Path profile;
        /** Every base URL a test used on this process: their storage is cleared for the next test. */
        final Set<String> origins = new LinkedHashSet<>();

        private Chromium(ChromeDriver driver, Path profile) {
            this.driver = driver;
            this.profile = profile;
        }

        static Chromium launch() throws IOException {
            long start = System.nanoTime();
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
            System.setProperty("SE_OFFLINE", "true");
            Path profile = Files.createTempDirectory("backstop-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    // what a browser does beside the page (extensions, phishing and update checks, metrics) off, as
                    // Puppeteer's defaults have it: 55.0 -> 51.8 CPU-s of Chromium for the eight browser classes
                    "--disable-background-networking",
                    "--disable-extensions",
                    "--disable-component-extensions-with-background-pages",
                    "--disable-default-apps",
                    "--disable-client-side-phishing-detection",
                    "--disable-domain-reliability",
                    "--disable-breakpad",
                    "--disable-hang-monitor",
                    "--metrics-recording-only",
                    "--mute-audio",
                    "--password-store=basic",
                    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
                            + "AutofillServerCommunication,CertificateTransparencyComponentUpdater,"
                            + "InterestFeedContentSuggestions,PaintHolding",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--user-data-dir=" + profile,
                    "--window-size=1400,1000",
                    "--lang=zh-CN");
            if (smallSharedMemory()) {
                // Chromium's shared memory in /tmp instead: a container's 64 MB /dev/shm crashes its tabs
                options.addArguments("--disable-dev-shm-usage");
            }
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            Chromium chromium = new Chromium(new ChromeDriver(service, options), profile);
            chromium.markLiveStreams();
            log.debug("Chromium started in {} ms", (System.nanoTime() - start) / 1_000_000);
            return chromium;
        }

        private static boolean smallSharedMemory() {
            try {
                return Files.getFileStore(Path.of("/dev/shm")).getUsableSpace() < (1L << 30);
            } catch (IOException | RuntimeException e) {
                return true;
            }
        }

        /**
         * Every page notes on {@code <html>} when its htmx server-sent-events stream is open (htmx-ext-sse's own
         * event), so a test waits for exactly that instead of sleeping. Per tab: the command goes to the current one.
         */
        void markLiveStreams() {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    document.addEventListener('htmx:sseOpen', function () {
                      document.documentElement.setAttribute('data-test-stream', 'open');
                    });"""));
        }

        /** Nothing of the test before: a new tab only, no cookie, no stored data of any origin it served. */
        void fresh() {
            Collection<String> before = driver.getWindowHandles();
            driver.switchTo().newWindow(WindowType.TAB);
            String tab = driver.getWindowHandle();
            for (String old : before) {
                driver.switchTo().window(old).close();
            }
            driver.switchTo().window(tab);
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            for (String origin : origins) {
                driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            }
            Object cookies =
                    driver.executeCdpCommand("Storage.getCookies", Map.of()).get("cookies");
            if (!(cookies instanceof Collection<?> left) || !left.isEmpty()) {
                throw new IllegalStateException("cookies left from the test before: " + cookies);
            }
            markLiveStreams();
        }

        void quit() {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                log.warn("Chromium did not quit cleanly: {}", e.toString());
            } finally {
                try (var files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                } catch (IOException ignored) {
                    // a temp dir left behind is harmless
                }
            }
        }
    }
}
