package dev.backstop.helpdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The flows an agent and a distributor live in, in real headless Chromium against the whole application with
 * its demo data (real security, real tickets, real pages, real htmx).
 */
class BrowserFlowsTests extends BrowserTest {

    private static final Pattern TICKET_URL = Pattern.compile(".*/(workspace|portal)/tickets/(\\d+)$");

    @Test
    void agentCreatesATicketFindsItInTheListAndSwitchesLanguage() {
        browser.logIn("agent", "demo");
        browser.waitForUrl(".*/workspace$");
        assertThat(browser.pageLanguage()).isEqualTo("zh-CN");
        browser.find("#my-tickets");

        String subject = "经销商查询发货进度 " + UUID.randomUUID().toString().substring(0, 8);
        browser.click("#nav-new");
        browser.find("#new-ticket");
        new Select(browser.find("#type")).selectByValue("SERVICE_REQUEST");
        new Select(browser.find("#priority")).selectByValue("HIGH");
        browser.type("#requesterName", "张伟");
        browser.type("#requesterPhone", "138 0013 8000");
        browser.type("#subject", subject);
        browser.type("#description", "经销商来电：订单 SO-20260301 何时发货？请物流确认。");
        browser.type("#orderNo", "SO-20260301");
        browser.type("#tags", "发货，加急");
        browser.click("#create");

        browser.waitForUrl(".*/workspace/tickets/\\d+$");
        String key = browser.text("#ticket-key");
        assertThat(key).matches("CH-\\d{4}-\\d{6}");
        assertThat(browser.text("#ticket-subject")).isEqualTo(subject);

        browser.type("#reply-body", "您好，订单已安排明日发货。");
        browser.click("#reply");
        browser.waitForText("#timeline", "您好，订单已安排明日发货。");
        browser.screenshot("agent-ticket-zh");

        browser.click("#nav-tickets");
        browser.find("#results");
        browser.type("#search", subject); // htmx filters as the agent types, without a page load
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr"), 1));
        browser.find("tr[data-key='" + key + "']");
        browser.wait.until(ExpectedConditions.urlContains("q=")); // htmx pushed the filtered URL
        browser.screenshot("agent-list-zh");

        browser.click("tr[data-key='" + key + "'] a.key");
        browser.waitForText("#ticket-key", key);

        browser.click("#lang-en");
        browser.waitForLanguage("en");
        assertThat(browser.text("main")).contains("Description", "Reply", "Service request", "High");
        assertThat(browser.text("header.top")).contains("Tickets");
        browser.screenshot("agent-ticket-en");

        browser.click("#nav-tickets"); // the choice sticks across pages
        browser.waitForLanguage("en");

        browser.click("#lang-zh");
        browser.waitForLanguage("zh-CN");
        assertThat(browser.text("header.top")).contains("工单");
    }

    @Test
    void anAgentFindsTheCallerByPhoneSeesTheAccountChecksAPolicyAndRaisesADiscrepancy() {
        String shortOrder = jdbc.queryForObject("""
                select min(o.order_no) from erp_orders o join wms_shipments s on s.order_no = o.order_no
                  join wms_shipment_lines l on l.shipment_id = s.id
                  join erp_order_lines ol on ol.order_id = o.id and ol.line_no = l.line_no
                 where l.quantity < ol.quantity""", String.class);
        browser.logIn("agent", "demo");
        browser.waitForUrl(".*/workspace$");
        browser.click("#nav-distributors");
        browser.type("#q", "138-1000-8000"); // the caller's number as the phone shows it
        browser.find("#q").submit();
        browser.waitForUrl(".*/workspace/distributors/D0001$");
        assertThat(browser.text("#profile")).isNotBlank();
        assertThat(browser.text("#tier")).isEqualTo("贵宾");
        assertThat(browser.text("main")).contains("ERP 快照", "仓储系统 快照", "PAY-DEMO-UNAPPLIED");
        browser.screenshot("agent-distributor-view-zh");

        browser.click("#orders a[href$='/orders/" + shortOrder + "']");
        browser.waitForUrl(".*/orders/" + shortOrder + "$");
        assertThat(browser.driver.findElements(By.cssSelector("#lines tr.short")))
                .isNotEmpty();
        new Select(browser.find("#policy-check-form select")).selectByValue("POL-VIP-REBATE");
        browser.find("#policy-check-form button").click();
        browser.find("#policy-check");
        assertThat(browser.text("#policy-check")).contains("POL-VIP-REBATE").containsAnyOf("✔", "✘");
        browser.screenshot("agent-order-policy-zh");

        browser.type("#discrepancy input[name='received_1']", "3");
        browser.type("#discrepancy textarea[name='description']", "客户称第一行只收到 3 件");
        browser.find("#discrepancy button[type='submit']").click();
        browser.waitForUrl(".*/workspace/tickets/\\d+$");
        assertThat(browser.text("#ticket-subject")).contains(shortOrder, "收货差异");
        assertThat(browser.text("main")).contains("物流部");
        browser.screenshot("agent-discrepancy-ticket-zh");
    }

    @Test
    void anAgentInsertsAReplyTemplateAfterWhatTheyTypedAndReadsTheCallScript() {
        long id = jdbc.queryForObject("select id from tickets where subject = '到货数量与发货单不符'", Long.class);
        browser.logIn("agent", "demo");
        browser.waitForUrl(".*/workspace$");
        browser.open("/workspace/tickets/" + id);
        assertThat(browser.text("#call-scripts")).contains("经销商投诉来电", "SH-2026-55821");

        browser.type("#reply-body", "王经理，抱歉让您久等了。");
        new Select(browser.find("#reply-template")).selectByVisibleText("订单状态查询 · 中文");
        browser.click("#insert-template");
        browser.wait.until(
                driver -> browser.find("#reply-body").getDomProperty("value").contains("SO-2026-09977"));
        String reply = browser.find("#reply-body").getDomProperty("value");
        assertThat(reply)
                .startsWith("王经理，抱歉让您久等了。\n\n")
                .contains("发货单号为 SH-2026-55821", "李坐席")
                .doesNotContain("{{");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/workspace/tickets/" + id); // no page load
        browser.screenshot("agent-reply-template-zh");

        // the template's own gap is still in it: sending is refused, naming it, and the text stays in the box
        browser.click("#reply");
        browser.waitForText("#error", "【请填写：已拣货 / 已发货 / 运输中】");
        assertThat(browser.find("#reply-body").getDomProperty("value")).contains("王经理，抱歉让您久等了。");
        browser.type("#reply-body", reply.replace("【请填写：已拣货 / 已发货 / 运输中】", "运输中"));
        browser.click("#reply");
        browser.waitForText("#timeline", "发货单号为 SH-2026-55821");
    }

    @Test
    void distributorSeesOnlyTheirOwnAccountsTickets() {
        String otherSubject = "另一经销商的诉求 " + UUID.randomUUID().toString().substring(0, 8);
        browser.logIn("distributor2", "demo");
        browser.waitForUrl(".*/portal$");
        long otherId = raisePortalTicket(otherSubject);
        String otherKey = browser.text("#ticket-key");
        browser.logOut();

        String ownSubject = "我的订单咨询 " + UUID.randomUUID().toString().substring(0, 8);
        browser.logIn("distributor", "demo");
        browser.waitForUrl(".*/portal$");
        raisePortalTicket(ownSubject);
        String ownKey = browser.text("#ticket-key");

        browser.click("#nav-portal");
        String listed = browser.text("#portal-tickets");
        assertThat(listed).contains(ownKey, ownSubject).doesNotContain(otherKey, otherSubject);
        browser.screenshot("distributor-portal-zh");

        browser.open("/portal/tickets/" + otherId);
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("error-page"), "data-status", "404"));
        assertThat(browser.text("#error-page")).contains("未找到").doesNotContain(otherSubject, "Exception");

        browser.open("/workspace");
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("error-page"), "data-status", "403"));
        assertThat(browser.text("#error-page")).contains("无权访问").doesNotContain("Exception", "at org.");
    }

    @Test
    void theQueuePageShowsANewTicketWithoutAReload() throws Exception {
        browser.logInWithoutTheForm("supervisor", "demo");
        browser.open("/workspace/queue?desk=CHANNEL");
        browser.find("#queue");
        browser.driver.findElement(By.tagName("body")).getAttribute("innerHTML");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("window.__marker = 'same page';");
        browser.waitForLiveStream();

        String subject = "实时进入队列 " + UUID.randomUUID().toString().substring(0, 8);
        var http = java.net.http.HttpClient.newHttpClient();
        var created = http.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/v1/tickets"))
                        .header(
                                "Authorization",
                                "Basic " + java.util.Base64.getEncoder().encodeToString("agent:demo".getBytes()))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"desk":"CHANNEL","type":"COMPLAINT","channel":"PHONE","priority":"URGENT","subject":"%s"}""".formatted(subject)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);

        browser.waitForText("#queue", subject);
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("return window.__marker;"))
                .isEqualTo("same page");
        browser.screenshot("supervisor-queue-live");
    }

    @Test
    void aRepAsksAnExpertFromTheSearchAndSeesTheAnswerWithoutAReload() throws Exception {
        browser.logIn("frontline", "demo");
        browser.waitForUrl(".*/workspace$");
        // letters only: digits would be words of their own and find articles
        String word = "zqbrowser"
                + java.util.concurrent.ThreadLocalRandom.current()
                        .ints(8, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        browser.open("/workspace/kb?q=" + word);
        browser.click("#kb-escalate");
        browser.find("#escalation-form");
        assertThat(browser.find("#escalation-question").getAttribute("value")).isEqualTo(word);
        assertThat(browser.text("#escalation-searches"))
                .as("the search that found nothing goes along")
                .contains(word);
        browser.type("#escalation-question", word + " 客户问延保卡丢了还能保修吗");
        new Select(browser.find("#escalation-skill")).selectByValue("PRODUCT");
        browser.click("#escalation-submit");
        browser.waitForUrl(".*/workspace/tickets/\\d+$");
        Matcher url = TICKET_URL.matcher(browser.driver.getCurrentUrl());
        assertThat(url.matches()).isTrue();
        browser.waitForText("#kb-panel", "等待专家答复");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("window.__marker = 'same page';");
        browser.waitForLiveStream();

        String answer = "凭购买发票即可保修，延保卡丢失不影响。";
        var http = java.net.http.HttpClient.newHttpClient();
        var replied = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + port + "/api/v1/tickets/" + url.group(2) + "/replies"))
                        .header(
                                "Authorization",
                                "Basic " + java.util.Base64.getEncoder().encodeToString("expert:demo".getBytes()))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"body\":\"" + answer + "\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(replied.statusCode()).isEqualTo(200);

        browser.waitForText("#timeline", answer);
        browser.waitForText("#kb-panel", "钱专家");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("return window.__marker;"))
                .isEqualTo("same page");
        browser.screenshot("rep-expert-answer-live");

        // two pushes close together (a poll's late push of an older change, then the new change): the reload the
        // second one starts must run — queued behind the first, it was dropped when the first replaced the timeline;
        // and a push right after a reload replaced the timeline must reach the new one — before it settled (20 ms by
        // default) it did not listen yet. Counted: the reloads these pushes start (a real push may come in between).
        @SuppressWarnings("unchecked")
        List<Long> reloads =
                (List<Long>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                let both = 0, right = 0;
                document.body.addEventListener('htmx:beforeRequest', e => {
                  const cause = e.detail.requestConfig && e.detail.requestConfig.triggeringEvent;
                  const probe = cause && cause.detail && cause.detail.probe;
                  if (probe === 1 || probe === 2) both++;
                  if (probe === 3) right++;
                });
                // the moment a reload puts a new timeline into the page (before any timer of htmx runs)
                const replaced = new MutationObserver(changes => {
                  const added = changes.flatMap(c => Array.from(c.addedNodes)).find(n => n.id === 'timeline-live');
                  if (!added) return;
                  replaced.disconnect();
                  htmx.trigger(added, 'sse:ticket', {probe: 3});
                  setTimeout(() => done([both, right]), 500);
                });
                replaced.observe(document.body, {childList: true, subtree: true});
                const live = document.getElementById('timeline-live');
                htmx.trigger(live, 'sse:ticket', {probe: 1});
                htmx.trigger(live, 'sse:ticket', {probe: 2});""");
        assertThat(reloads.get(0)).as("reloads started by two quick pushes").isEqualTo(2L);
        assertThat(reloads.get(1))
                .as("reloads started by a push right after a reload")
                .isEqualTo(1L);
        assertThat(browser.text("#timeline")).contains(answer);
    }

    /** Fills the portal's new-ticket form and returns the new ticket's id (the browser is on its page). */
    private long raisePortalTicket(String subject) {
        browser.click("#portal-new");
        browser.find("#portal-ticket");
        new Select(browser.find("#type")).selectByValue("INQUIRY");
        browser.type("#subject", subject);
        browser.type("#description", "请问订单的发货时间？");
        browser.click("#portal-create");
        browser.waitForUrl(".*/portal/tickets/\\d+$");
        Matcher url = TICKET_URL.matcher(browser.driver.getCurrentUrl());
        assertThat(url.matches()).isTrue();
        return Long.parseLong(url.group(2));
    }
}
