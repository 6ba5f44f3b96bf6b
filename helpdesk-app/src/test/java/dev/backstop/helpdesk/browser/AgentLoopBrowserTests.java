package dev.backstop.helpdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An agent's loop, joined up, in real Chromium: the caller is known when the ticket is opened, the script fits the
 * case, a reply with a template's gap is refused, the requester sees nothing internal; and the pages people work
 * in all day have no critical accessibility violation (axe-core). Same context as {@link BrowserFlowsTests}.
 */
class AgentLoopBrowserTests extends BrowserTest {

    /**
     * axe-core's own option for speed: passes, incomplete and inapplicable rules keep one node each, every violation
     * keeps all of its nodes (the test reads only violations). Legacy mode runs {@code axe.run} in the page itself (the
     * pages have no frames) instead of a partial run per frame finished in an extra blank tab with axe injected twice.
     */
    private static final AxeRunOptions VIOLATIONS_ONLY = new AxeRunOptions();
    /**
     * Rules whose impact is at most "serious" in axe-core 4.10 (their metadata), so they can never add to the critical
     * violations this test looks for, and that measure the rendered page (colours behind every text node, every
     * target's size and spacing): they took most of axe's time, several seconds a page on a busy machine. Every other
     * rule runs, including any that a later axe-core adds.
     */
    private static final List<String> NEVER_CRITICAL_AND_SLOW =
            List.of("color-contrast", "color-contrast-enhanced", "link-in-text-block", "target-size", "region");

    static {
        VIOLATIONS_ONLY.setResultTypes(List.of("violations"));
    }

    private long ticket(String subject) {
        return jdbc.queryForObject("select id from tickets where subject = ?", Long.class, subject);
    }

    @Test
    void aPhoneTicketForAVipCallersNumberGetsTheVipSegmentAndItsSla() {
        Map<String, Object> vip = jdbc.queryForMap("""
                select c.name, c.phone, d.code from distributor_contacts c join distributors d on d.id = c.distributor_id
                 where d.tier = 'VIP' and c.phone is not null order by d.code, c.id fetch first 1 rows only""");
        browser.logInWithoutTheForm("agent", "demo");
        browser.open("/workspace/tickets/new");
        browser.type("#caller-q", (String) vip.get("phone"));
        browser.click("#caller-results .caller-pick");
        browser.waitForText("#caller-linked", (String) vip.get("name"));
        browser.type("#subject", "VIP 来电：订单何时到货（浏览器）");
        browser.click("#create");

        browser.waitForUrl(".*/workspace/tickets/\\d+$");
        assertThat(browser.text("#sla")).contains("VIP 与重点经销商", "客户分层").containsPattern("剩余工作时间 (\\d+ 小时 )?\\d+ 分");
        assertThat(jdbc.queryForObject(
                        "select segment from tickets where subject = 'VIP 来电：订单何时到货（浏览器）'", String.class))
                .isEqualTo("VIP");
        assertThat(browser.text("#ticket-distributor")).contains((String) vip.get("code"));
        browser.screenshot("vip-caller-ticket");
    }

    @Test
    void aHardshipCallGetsTheHardshipScriptAndAReplyWithAGapIsRefusedAndKept() {
        browser.logInWithoutTheForm("hr", "demo");
        browser.open("/workspace/tickets/" + ticket("家中老人住院，申请困难帮扶"));
        assertThat(browser.text("#call-scripts")).contains("员工家属困难求助来电").doesNotContain("员工工资条疑问来电");

        String reply = "您好，帮扶方案预计【请填写：日期】前确定。";
        browser.type("#reply-body", reply);
        browser.click("#reply");
        browser.waitForText("#error", "【请填写：日期】");
        assertThat(browser.find("#reply-body").getAttribute("value")).isEqualTo(reply);
        assertThat(browser.text("#timeline")).doesNotContain("帮扶方案预计");
        browser.screenshot("reply-with-gap-refused");
    }

    @Test
    void theDistributorsPortalShowsNoInternalNoteOrPbxId() {
        long order = ticket("订单 SO-2026-10086 什么时候发货？");
        browser.logInWithoutTheForm("agent", "demo");
        browser.open("/workspace/tickets/" + order);
        browser.type("#reply-body", "内部：客户第三次来电，PBX call 55f0-a1");
        browser.click("#note");
        browser.waitForText("#timeline", "客户第三次来电");
        browser.logOut();

        browser.logInWithoutTheForm("distributor", "demo");
        browser.open("/portal/tickets/" + order);
        String page = browser.text("main");
        assertThat(page).contains("处理中").doesNotContain("客户第三次来电", "PBX", "SLA", "快照");
        browser.screenshot("portal-ticket-nothing-internal");
    }

    @Test
    void theMainPagesHaveNoCriticalAccessibilityViolations() {
        List<String> critical = new ArrayList<>();
        browser.logInWithoutTheForm("agent", "demo");
        critical.addAll(criticalOn("/workspace"));
        critical.addAll(criticalOn("/workspace/tickets/" + ticket("订单 SO-2026-10086 什么时候发货？")));
        critical.addAll(criticalOn("/workspace/tickets/new"));
        browser.logOut();
        browser.logInWithoutTheForm("admin", "demo");
        critical.addAll(criticalOn("/workspace/imports"));
        browser.logOut();
        browser.logInWithoutTheForm("distributor", "demo");
        critical.addAll(criticalOn("/portal"));
        critical.addAll(criticalOn("/portal/tickets/" + ticket("订单 SO-2026-10086 什么时候发货？")));
        assertThat(critical).as("critical axe-core violations").isEmpty();
    }

    private List<String> criticalOn(String path) {
        browser.open(path);
        browser.find("main");
        Results results = new AxeBuilder()
                .withOptions(VIOLATIONS_ONLY)
                .disableRules(NEVER_CRITICAL_AND_SLOW)
                .setLegacyMode(true)
                .analyze(browser.driver);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("critical".equals(rule.getImpact())) {
                rule.getNodes().forEach(node -> found.add(path + " " + rule.getId() + " " + node.getTarget()));
            }
        }
        return found;
    }
}
