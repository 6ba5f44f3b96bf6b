package dev.backstop.helpdesk.browser;

import dev.backstop.helpdesk.testsupport.TestLocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with its demo data on a random port, and a headless Chromium per test with nothing of an
 * earlier test in it (the test JVM reuses its Chromium processes, see {@link Browser}); a failing test leaves a picture
 * of the page it failed on. Every browser test class shares this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "backstop.demo-data=true",
            "backstop.data-dir=target/test-data/browser",
            "backstop.security.login.delay-per-failure=0ms",
            "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        })
@ResourceLock(TestLocks.CHROMIUM)
@ResourceLock("context:browser")
abstract class BrowserTest {

    /** Quits this JVM's Chromium processes when the whole test run ends (JUnit closes the root store's values). */
    @RegisterExtension
    static BeforeAllCallback quitChromiumAtTheEnd = context -> context.getRoot()
            .getStore(ExtensionContext.Namespace.create(Browser.class))
            .computeIfAbsent("chromium", key -> (AutoCloseable) Browser::quitAll, AutoCloseable.class);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Browser browser;
    String testName;

    /** Runs before @AfterEach closes the browser, so a failing test leaves a picture of the page it failed on. */
    @RegisterExtension
    AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot("FAILED-" + testName);
        }
    };

    @BeforeEach
    void startBrowser(TestInfo test) throws Exception {
        Browser.assumeInstalled();
        testName = test.getTestMethod().orElseThrow().getName();
        browser = Browser.start("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
