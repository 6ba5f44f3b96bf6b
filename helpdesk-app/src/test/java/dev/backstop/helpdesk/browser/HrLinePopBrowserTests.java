package dev.backstop.helpdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The HR line in real Chromium: an employee calling 4008003000 pops on the logged-in HR agent's page with who is
 * calling, their open HR tickets and HR's panel beside the most recent one, the payslip amounts masked for the
 * agent's role — and no amount anywhere in the page's source.
 */
class HrLinePopBrowserTests extends BrowserTest {

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

    @Test
    void anEmployeeCallingTheHrLinePopsOnTheHrAgentsPageWithPayslipAmountsMasked() throws Exception {
        var employee = jdbc.queryForMap("select id, name, phone from employees where employee_no = 'E0007'");
        String phone = (String) employee.get("phone");
        List<BigDecimal> amounts =
                jdbc.queryForList("""
                select p.net_pay from hr_payslips p where p.employee_id = ?
                union select p.gross_pay from hr_payslips p where p.employee_id = ?
                union select i.amount from hr_payslip_items i join hr_payslips p on p.id = i.payslip_id where p.employee_id = ?""", BigDecimal.class, employee.get("id"), employee.get("id"), employee.get("id"));
        assertThat(amounts).isNotEmpty();
        String callId = "browser-hr-" + UUID.randomUUID();

        browser.logInWithoutTheForm("hr", "demo");
        browser.open("/workspace");
        browser.wait.until(d -> "open".equals(d.findElement(By.id("call-pop")).getAttribute("data-live")));
        cti("""
                {"event":"newCall","from":"%s","to":"4008003000","direction":"in","callId":"%s"}""".formatted(phone, callId));

        browser.waitForText("#pop-party", (String) employee.get("name"));
        assertThat(browser.text("#pop-party")).contains("E0007");
        browser.waitForText("#pop-hr", "*,***.**");
        browser.screenshot("hr-line-pop-masked");
        String source = browser.driver.getPageSource();
        for (BigDecimal amount : amounts) {
            if (amount.abs().compareTo(BigDecimal.valueOf(100)) < 0) {
                continue; // a two-digit figure may be a day or a count elsewhere on the page
            }
            assertThat(source)
                    .as("amount %s", amount)
                    .doesNotContain(String.format("%,.2f", amount))
                    .doesNotContain(amount.setScale(2).toPlainString());
        }
    }
}
