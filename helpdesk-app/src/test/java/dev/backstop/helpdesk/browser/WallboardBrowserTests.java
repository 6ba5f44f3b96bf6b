package dev.backstop.helpdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The wallboard in real Chromium: a supervisor's big screen shows the channel desk's figures with its charts, and
 * without a reload counts a call that arrives (waiting), then is answered (answered today, service level).
 */
class WallboardBrowserTests extends BrowserTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private void cti(String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cti/demo-pbx"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void waitForNumber(String css, int value) {
        browser.wait.until(d -> String.valueOf(value)
                .equals(d.findElement(By.cssSelector(css)).getText().strip()));
    }

    private int number(String css) {
        return Integer.parseInt(browser.text(css).strip());
    }

    @Test
    void theWallboardShowsTheServiceLevelAndCountsACallThatArrivesWithoutAReload() throws Exception {
        browser.logInWithoutTheForm("supervisor", "demo");
        browser.open("/workspace/wallboard?desk=CHANNEL");
        browser.wait.until(d -> "open".equals(d.findElement(By.id("wb-live")).getAttribute("data-live")));
        assertThat(browser.text("#wb-desk")).isEqualTo("渠道服务台");
        assertThat(browser.text("#wb-target")).isEqualTo("90 %");
        // the charts are drawn by ECharts, served from the webjar (no CDN)
        browser.wait.until(
                d -> !d.findElements(By.cssSelector("#wb-gauge canvas")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("#wb-hours canvas")))
                .isNotEmpty();
        int waiting = number("#wb-waiting");
        int answered = number("#wb-answered");

        String callId = "wallboard-" + UUID.randomUUID();
        String base =
                "\"from\":\"13911112222\",\"to\":\"4008001000\",\"direction\":\"in\",\"callId\":\"" + callId + "\"";
        cti("{\"event\":\"newCall\"," + base + "}");
        waitForNumber("#wb-waiting", waiting + 1);

        cti("{\"event\":\"answer\"," + base + ",\"answeringNumber\":\"8001\"}");
        waitForNumber("#wb-answered", answered + 1);
        assertThat(number("#wb-waiting")).isEqualTo(waiting);
        // answered at once: in time, so the level is a percentage now, whatever it was before
        assertThat(browser.text("#wb-level")).endsWith(" %");
        assertThat(number("#wb-agents-onCall")).isGreaterThanOrEqualTo(1);
        browser.screenshot("wallboard-channel");
        cti("{\"event\":\"hangup\"," + base + ",\"cause\":\"normalClearing\"}");
    }
}
