package dev.backstop.helpdesk.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import dev.backstop.helpdesk.testsupport.WithoutRandomParts;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15 hr-cases: on a phone ticket the employee panel and an agent's unmasking stay closed until the caller is
 * verified (employee number + last 4 of the ID number or the PIN; the demo's E0007: 1024 / 2468); every outcome is on
 * the timeline; 5 failed attempts on one employee within an hour lock verification (in the database) and notify the HR
 * leads.
 */
class CallerVerificationTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void thePanelOpensOnlyAfterTheCallerIsVerifiedAndFiveFailuresLockForAnHour() throws Exception {
            long employee = jdbc.queryForObject("select id from employees where employee_no = 'E0007'", Long.class);
            String period = jdbc.queryForObject(
                    "select max(period) from hr_payslips where employee_id = ?", String.class, employee);
            long first = phoneTicket(employee);

            assertThat(panel(first)).contains("verification-form").doesNotContain("panel-employee");
            MockHttpServletResponse refused = unmask(period);
            assertThat(refused.getStatus())
                    .as("no unmasking before verification")
                    .isEqualTo(403);
            assertThat(refused.getContentAsString()).contains("hr.verification.required");

            assertThat(attempt(first, "E0007", "PIN", "7315").getContentAsString())
                    .contains("\"verified\":false");
            assertThat(panel(first)).contains("verification-form");
            MockHttpServletResponse ok = attempt(first, "E0007", "ID_LAST4", "1024");
            assertThat(ok.getStatus()).isEqualTo(200);
            assertThat(ok.getContentAsString()).contains("\"verified\":true");
            assertThat(panel(first)).contains("panel-employee").doesNotContain("verification-form");
            assertThat(unmask(period).getStatus())
                    .as("verified: the assigned agent unmasks")
                    .isEqualTo(200);
            String timeline = mvc.perform(get("/api/v1/tickets/" + first).with(httpBasic("hr", "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat((List<String>) JsonPath.read(timeline, "$.timeline[*].kind"))
                    .containsSubsequence("CALLER_NOT_VERIFIED", "CALLER_VERIFIED");
            assertThat(WithoutRandomParts.json(timeline)).doesNotContain("1024").doesNotContain("7315");

            long second = phoneTicket(employee);
            for (int i = 0; i < 3; i++) {
                assertThat(attempt(second, "E0007", "PIN", "1111").getContentAsString())
                        .contains("\"locked\":false");
            }
            assertThat(notified()).as("not locked yet").isZero();
            assertThat(attempt(second, "E0007", "ID_LAST4", "9999").getContentAsString())
                    .as("the fifth failure within the hour")
                    .contains("\"locked\":true");
            assertThat(notified()).as("the HR lead's bell").isEqualTo(1);
            MockHttpServletResponse locked = attempt(second, "E0007", "PIN", "2468");
            assertThat(locked.getStatus()).as("locked: even the right PIN").isEqualTo(423);
            assertThat(locked.getContentAsString()).contains("E0007");
            assertThat(panel(second)).contains("verification-locked");
            assertThat(notified()).as("told once").isEqualTo(1);

            jdbc.update(
                    "update hr_caller_verifications set attempted_at = attempted_at - interval '61' minute where employee_id = ?",
                    employee);
            assertThat(attempt(second, "E0007", "PIN", "2468").getContentAsString())
                    .as("an hour later")
                    .contains("\"verified\":true");
        }

        long phoneTicket(long employee) throws Exception {
            long hr = jdbc.queryForObject("select id from app_users where username = 'hr'", Long.class);
            String body = mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic("hr", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"desk":"HR","type":"INQUIRY","channel":"PHONE","subject":"来电询问工资",
                                     "requester":{"kind":"EMPLOYEE","ref":%d,"name":"来电者"},"employeeId":%d}""".formatted(employee, employee)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            long id = ((Number) JsonPath.read(body, "$.id")).longValue();
            assertThat(mvc.perform(put("/api/v1/tickets/" + id + "/assignee")
                                    .with(httpBasic("hr", "demo"))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"assigneeId\":" + hr + "}"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(200);
            return id;
        }

        String panel(long ticket) throws Exception {
            return mvc.perform(
                            get("/workspace/hr/tickets/" + ticket + "/employee").with(httpBasic("hr", "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }

        MockHttpServletResponse unmask(String period) throws Exception {
            return mvc.perform(get("/api/v1/hr/employees/E0007/payslips/" + period)
                            .param("reason", "来电核对工资")
                            .with(httpBasic("hr", "demo")))
                    .andReturn()
                    .getResponse();
        }

        MockHttpServletResponse attempt(long ticket, String employeeNo, String factor, String answer) throws Exception {
            return mvc.perform(post("/api/v1/hr/tickets/" + ticket + "/verification")
                            .with(httpBasic("hr", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"employeeNo\":\"%s\",\"factor\":\"%s\",\"answer\":\"%s\"}"
                                    .formatted(employeeNo, factor, answer)))
                    .andReturn()
                    .getResponse();
        }

        long notified() {
            return jdbc.queryForObject("""
                    select count(*) from notifications n join app_users u on u.id = n.user_id
                     where u.username = 'hrlead' and n.message_key = 'hr.notification.verificationLocked'""", Long.class);
        }
    }

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/hr-verify-h2",
                "backstop.demo-data=true",
                "spring.datasource.url=jdbc:h2:mem:hrverify;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnH2 extends Scenarios {}

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @PostgresTest
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/hr-verify-pg",
                "backstop.demo-data=true",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnPostgres extends Scenarios {}
}
