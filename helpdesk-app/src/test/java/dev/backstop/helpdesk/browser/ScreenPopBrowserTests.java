package dev.backstop.helpdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The phone in real Chromium: a PBX's newCall for a known distributor contact's number pops that distributor on the
 * logged-in channel agent's workspace page without a reload; the agent answers, creates a ticket from the pop, and the
 * call (with its recording link once the PBX has one) is on the ticket's timeline.
 */
class ScreenPopBrowserTests extends BrowserTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private String cti(String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cti/demo-pbx"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aKnownDistributorsCallPopsOnTheAgentsPageAndAfterAnswerTheCallIsOnTheNewTicketsTimeline() throws Exception {
        Map<String, Object> contact = jdbc.queryForMap("""
                select c.name, c.phone, d.code from distributor_contacts c join distributors d on d.id = c.distributor_id
                 where d.code = 'D0004' order by c.primary_contact desc, c.id fetch first 1 rows only""");
        String phone = (String) contact.get("phone");
        String callId = "browser-" + UUID.randomUUID();
        browser.logInWithoutTheForm("agent", "demo");
        browser.open("/workspace");
        browser.wait.until(d -> "open".equals(d.findElement(By.id("call-pop")).getAttribute("data-live")));

        cti("""
                {"event":"newCall","from":"%s","to":"4008001000","direction":"in","callId":"%s"}""".formatted(phone, callId));
        browser.waitForText("#pop-party", (String) contact.get("name"));
        assertThat(browser.text("#pop-party")).contains((String) contact.get("code"));
        assertThat(browser.text("#pop-number")).isEqualTo(phone);
        browser.screenshot("screen-pop-ringing");

        cti("""
                {"event":"answer","from":"%s","to":"4008001000","direction":"in","callId":"%s","answeringNumber":"8001"}""".formatted(phone, callId));
        browser.waitForText("#call-pop h2", "通话中");
        browser.type("#pop-subject", "电话：询问促销政策（浏览器）");
        browser.click("#pop-create-ticket");
        browser.waitForUrl(".*/workspace/tickets/\\d+$");
        browser.waitForText("#timeline", callId);
        assertThat(browser.text("#timeline")).contains(phone, "4008001000", "李坐席");

        cti("""
                {"event":"recordingAvailable","callId":"%s","recording":"https://pbx.example.com/rec/%s.mp3"}""".formatted(callId, callId));
        cti("""
                {"event":"hangup","from":"%s","to":"4008001000","direction":"in","callId":"%s","cause":"normalClearing"}""".formatted(phone, callId));
        browser.open(browser.driver.getCurrentUrl().replace("http://localhost:" + port, ""));
        browser.waitForText("#timeline", "https://pbx.example.com/rec/" + callId + ".mp3");
        assertThat(browser.text("#timeline")).contains("normalClearing");
        assertThat(jdbc.queryForObject("""
                select t.subject from calls c join tickets t on t.id = c.ticket_id where c.call_id = ?""", String.class, callId)).isEqualTo("电话：询问促销政策（浏览器）");
        browser.screenshot("call-on-timeline");
    }
}
