package dev.backstop.helpdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The HR desk end to end in real Chromium: the employee opens a payslip and asks HR about its income-tax line; the HR
 * agent sees the employee beside the ticket with the payslips masked, opens one, and shows the figures by stating a
 * reason, and (issue 15 hr-topics) changes the ticket's topic to a payroll dispute, which the timeline records and
 * the dispute's call script follows; the employee's "who looked at my pay" shows that read with the agent's name and
 * reason.
 */
class HrDeskBrowserTests extends BrowserTest {

    @Test
    void theEmployeeAsksAboutALineTheAgentUnmasksWithAReasonAndTheEmployeeSeesWhoLooked() {
        String period = jdbc.queryForObject("""
                select max(p.period) from hr_payslips p join employees e on e.id = p.employee_id where e.employee_no = 'E0007'""", String.class);
        BigDecimal net = jdbc.queryForObject("""
                select p.net_pay from hr_payslips p join employees e on e.id = p.employee_id
                 where e.employee_no = 'E0007' and p.period = ?""", BigDecimal.class, period);
        String netShown = String.format("%,.2f", net);

        browser.logInWithoutTheForm("employee", "demo");
        browser.open("/portal/hr/pay?lang=zh-CN");
        browser.waitForText("#payslip", period);
        assertThat(browser.text("#payslip-net")).isEqualTo(netShown);
        assertThat(browser.text("#item-IIT")).contains("个人所得税").doesNotContain("IIT");
        assertThat(browser.text("#item-IIT .kb-answer")).isNotBlank();
        browser.click("#ask-IIT");
        browser.type("#ask-question", "这个月的个税为什么比上个月多？（浏览器）");
        browser.click("#ask-send");
        browser.waitForUrl(".*/portal/tickets/\\d+$");
        String ticketId = browser.find("body").getAttribute("baseURI").replaceAll(".*/portal/tickets/(\\d+).*", "$1");
        assertThat(browser.text("#ticket-subject")).contains(period, "个人所得税");
        assertThat(browser.text("#ticket-description")).doesNotContain(netShown);
        browser.logOut();

        browser.logInWithoutTheForm("hr", "demo");
        browser.open("/workspace/tickets/" + ticketId);
        browser.waitForText("#hr-employee-panel", "*,***.**");
        assertThat(browser.text("#hr-employee-panel")).doesNotContain(netShown);
        browser.click("#panel-payslip-" + period);
        browser.waitForText("#payslip-items", "*,***.**");
        assertThat(browser.text("body")).doesNotContain(netShown);
        browser.type("#unmask-reason", "核对员工咨询的个税（浏览器）");
        browser.click("#unmask");
        browser.waitForText("#payslip-net", netShown);
        browser.screenshot("hr-agent-unmasked-payslip");
        // issue 15 hr-topics: the line's question is a payroll question; the agent finds it is a dispute
        browser.open("/workspace/tickets/" + ticketId + "?lang=zh-CN");
        browser.waitForText("#ticket-topic", "工资疑问");
        browser.click("#topic-select option[value='PAYROLL_DISPUTE']");
        browser.click("#topic-change");
        browser.waitForText("#ticket-topic", "工资争议");
        browser.waitForText("#timeline", "工资疑问 → 工资争议");
        assertThat(browser.text("#call-scripts")).contains("工资争议来电");
        browser.logOut();

        browser.logInWithoutTheForm("employee", "demo");
        browser.open("/portal/hr/access-log?lang=zh-CN");
        browser.waitForText("#access-log", "核对员工咨询的个税（浏览器）");
        assertThat(browser.text("#access-log")).contains("孙人事", "工资条", period);
        browser.screenshot("employee-who-looked");
    }
}
