package dev.backstop.helpdesk.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Issue 15 hr-gaps: an HR lead (even without HR_AGENT) or an admin sets and resets an employee's caller-verification
 * factors on a page and over the API; only hashes are stored, nothing shows a factor back, every change is recorded
 * without the digits, a factor of the wrong form is a localized 400, and an HR agent or a supervisor is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/hr-cases-h2",
            "backstop.demo-data=true",
            "spring.datasource.url=jdbc:h2:mem:hrcases;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms"
        })
@ResourceLock("context:hr-cases-h2")
@ResourceLock("context:hr-cases-pg")
class CallerSecretsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void anHrLeadSetsFactorsThatAreStoredOnlyAsHashesAndRecordedWithoutTheDigits() throws Exception {
        String employeeNo = jdbc.queryForObject(
                "select e.employee_no from employees e join app_users u on u.employee_id = e.id where u.username = 'employee'",
                String.class);
        long before = changes();

        MockHttpServletResponse set = send("hrlead", employeeNo, "{\"idLast4\":\"482x\",\"pin\":\"731905\"}", "en");
        assertThat(set.getStatus()).isEqualTo(204);
        assertThat(set.getContentAsString()).isEmpty();
        Map<String, Object> row = jdbc.queryForMap(
                "select s.id_last4_hash, s.pin_hash from hr_caller_secrets s join employees e on e.id = s.employee_id where e.employee_no = ?",
                employeeNo);
        assertThat(encoder.matches("482X", (String) row.get("id_last4_hash"))).isTrue();
        assertThat(encoder.matches("731905", (String) row.get("pin_hash"))).isTrue();
        assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains("731905"));
        assertThat(changes()).isEqualTo(before + 1);
        Map<String, Object> change = jdbc.queryForMap(
                "select factors, changed_by_role, via from hr_caller_secret_changes order by id desc fetch first 1 rows only");
        assertThat(change).containsEntry("factors", "ID_LAST4,PIN").containsEntry("via", "API");
        assertThat(change.get("changed_by_role")).isEqualTo("HR_LEAD");

        assertThat(send("admin", employeeNo, "{\"pin\":\"5566\"}", "en").getStatus())
                .as("an admin resets the PIN; the last 4 stay")
                .isEqualTo(204);
        assertThat(encoder.matches(
                        "482X",
                        jdbc.queryForObject(
                                "select s.id_last4_hash from hr_caller_secrets s join employees e on e.id = s.employee_id where e.employee_no = ?",
                                String.class,
                                employeeNo)))
                .isTrue();

        MockHttpServletResponse bad = send("hrlead", employeeNo, "{\"pin\":\"12\"}", "zh-CN");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("PIN 码应为 4 至 8 位数字");
        assertThat(send("hrlead", employeeNo, "{}", "en").getContentAsString())
                .contains("Enter the last 4 characters of the ID number, a PIN, or both.");
        assertThat(send("hrlead", "NO-SUCH", "{\"pin\":\"1234\"}", "en").getStatus())
                .isEqualTo(404);

        for (String user : List.of("hr", "payroll", "supervisor", "employee")) {
            assertThat(send(user, employeeNo, "{\"pin\":\"9999\"}", "en").getStatus())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(status(get("/workspace/hr/caller-factors").with(httpBasic("hr", "demo"))))
                .isEqualTo(403);
        assertThat(changes()).as("a refused or bad change records nothing").isEqualTo(before + 2);
    }

    @Test
    void theHrLeadsPageShowsWhetherAFactorIsSetNeverTheFactorAndAnHrLeadAloneReachesTheHrPages() throws Exception {
        String lead = leadOnly();
        String employeeNo = jdbc.queryForObject(
                "select e.employee_no from employees e join app_users u on u.employee_id = e.id where u.username = 'employee'",
                String.class);
        assertThat(status(post("/workspace/hr/caller-factors")
                        .with(httpBasic(lead, "demo"))
                        .with(csrf())
                        .param("employeeNo", employeeNo)
                        .param("pin", "246810")))
                .isEqualTo(302);
        MockHttpServletResponse page = mvc.perform(get("/workspace/hr/caller-factors")
                        .param("employeeNo", employeeNo)
                        .header("Accept-Language", "en")
                        .with(httpBasic(lead, "demo")))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("factors-status", "Set", "Latest changes").doesNotContain("246810");
        assertThat(jdbc.queryForObject(
                        "select via from hr_caller_secret_changes order by id desc fetch first 1 rows only",
                        String.class))
                .isEqualTo("PAGE");

        for (String path : List.of("/workspace/hr/feedback", "/workspace/tickets", "/workspace/hr/caller-factors")) {
            assertThat(status(get(path).with(httpBasic(lead, "demo"))))
                    .as("an HR lead without HR_AGENT on " + path)
                    .isEqualTo(200);
        }
    }

    /** A user who is an HR lead and nothing else (the demo hrlead is an HR agent too). */
    String leadOnly() {
        String username = "lead-only";
        if (jdbc.queryForObject("select count(*) from app_users where username = ?", Integer.class, username) == 0) {
            String hash =
                    jdbc.queryForObject("select password_hash from app_users where username = 'hrlead'", String.class);
            jdbc.update("""
                    insert into app_users (username, password_hash, display_name, enabled, created_at)
                    values (?, ?, '人事主管（仅主管）', true, current_timestamp)""", username, hash);
            jdbc.update(
                    "insert into user_roles (user_id, role) select id, 'HR_LEAD' from app_users where username = ?",
                    username);
        }
        return username;
    }

    MockHttpServletResponse send(String user, String employeeNo, String json, String language) throws Exception {
        return mvc.perform(put("/api/v1/hr/employees/" + employeeNo + "/caller-factors")
                        .with(httpBasic(user, "demo"))
                        .header("Accept-Language", language)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
    }

    int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    long changes() {
        return jdbc.queryForObject("select count(*) from hr_caller_secret_changes", Long.class);
    }
}
