package dev.backstop.helpdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The portal that helps itself, in real Chromium: as the employee types a question on the new-ticket form the knowledge
 * base suggests answers of their own audience; "this answered my question" counts a deflection for the supervisors'
 * figures and opens no ticket. Portal readers never get internal or another audience's articles.
 */
class PortalDeflectionBrowserTests extends BrowserTest {

    @Test
    void aSuggestedAnswerDeflectsTheQuestionWithoutATicketAndTheSupervisorSeesItCounted() {
        int ticketsBefore = employeeTickets();
        int deflectionsBefore = portalFormDeflections();

        browser.logInWithoutTheForm("employee", "demo");
        browser.open("/portal/tickets/new?lang=zh-CN");
        browser.type("#subject", "带薪年休假天数怎么算");
        browser.waitForText("#kb-answers", "年休假");
        assertThat(browser.text("#kb-answers")).doesNotContain("【HR内部】");
        browser.screenshot("portal-suggestions");
        browser.click("#kb-answers button[id^='answered-']");
        browser.waitForText("#deflected", "未创建工单");

        assertThat(employeeTickets()).as("no ticket was opened").isEqualTo(ticketsBefore);
        assertThat(portalFormDeflections()).isEqualTo(deflectionsBefore + 1);
        assertThat(jdbc.queryForObject("""
                        select d.query from kb_deflections d join app_users u on u.id = d.user_id
                         where u.username = 'employee' and d.context = 'PORTAL_FORM' order by d.id desc fetch first 1 rows only""", String.class)).contains("带薪年休假天数怎么算");
        browser.logOut();

        browser.logInWithoutTheForm("supervisor", "demo");
        browser.open("/workspace/kb/figures?lang=zh-CN");
        browser.waitForText("#figure-deflections", "门户工单表单（未建工单） " + (deflectionsBefore + 1));
    }

    @Test
    void portalSuggestionsKeepToTheReadersAudience() {
        browser.logInWithoutTheForm("employee", "demo");
        browser.open("/portal/kb/answers?subject=" + enc("工资发错了 薪资更正流程"));
        assertThat(browser.text("body")).doesNotContain("【HR内部】");
        browser.open("/portal/kb/answers?subject=" + enc("经销商季度返利政策"));
        assertThat(browser.text("body")).doesNotContain("返利");
        browser.open("/portal");
        browser.logOut();

        browser.logInWithoutTheForm("distributor", "demo");
        browser.open("/portal/kb/answers?subject=" + enc("返利怎么用"));
        assertThat(browser.text("body")).contains("返利");
        browser.open("/portal/kb/answers?subject=" + enc("带薪年休假天数怎么算"));
        assertThat(browser.text("body")).doesNotContain("年休假");
        browser.open("/portal/kb/answers?subject=" + enc("BP-500 净水器 E3 故障码"));
        assertThat(browser.text("body")).doesNotContain("【专家】");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private int employeeTickets() {
        return jdbc.queryForObject(
                "select count(*) from tickets t join app_users u on u.id = t.created_by where u.username = 'employee'",
                Integer.class);
    }

    private int portalFormDeflections() {
        return jdbc.queryForObject("select count(*) from kb_deflections where context = 'PORTAL_FORM'", Integer.class);
    }
}
