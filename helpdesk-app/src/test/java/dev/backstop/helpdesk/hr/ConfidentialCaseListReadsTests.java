package dev.backstop.helpdesk.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Issue 15 hr-gaps (PIPL: every read recorded): a list, search or panel that shows a confidential case to its assignee
 * or an HR lead leaves one CONFIDENTIAL_CASE row in the HR access log per reader, case and request, like opening it;
 * the requester's own list and a list that does not show it leave none.
 */
@ResourceLock("context:hr-cases-h2")
@ResourceLock("context:hr-cases-pg")
class ConfidentialCaseListReadsTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void aListShowingAConfidentialCaseToStaffIsARecordedRead() throws Exception {
            String subject = "列表读取 " + UUID.randomUUID();
            long id = ((Number) JsonPath.read(
                            mvc.perform(post("/api/v1/tickets")
                                            .with(httpBasic("employee", "demo"))
                                            .contentType(MediaType.APPLICATION_JSON)
                                            .content("""
                                                    {"desk":"HR","type":"COMPLAINT","channel":"PORTAL","subject":"%s",
                                                     "description":"争议"}""".formatted(subject)))
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString(),
                            "$.id"))
                    .longValue();
            assertThat(status(post("/api/v1/hr/tickets/" + id + "/confidential-case")
                            .with(httpBasic("hrlead", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"confidentialCase\":true,\"reason\":\"劳动争议\"}")))
                    .isEqualTo(200);
            long hr = jdbc.queryForObject("select id from app_users where username = 'hr'", Long.class);
            assertThat(status(put("/api/v1/tickets/" + id + "/assignee")
                            .with(httpBasic("hrlead", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"assigneeId\":" + hr + "}")))
                    .isEqualTo(200);

            long before = reads(id, "hr");
            assertThat(listed("hr", subject)).containsExactly((int) id);
            assertThat(reads(id, "hr")).as("the assignee's search").isEqualTo(before + 1);

            long leadBefore = reads(id, "hrlead");
            assertThat(status(get("/workspace/tickets").param("q", subject).with(httpBasic("hrlead", "demo"))))
                    .isEqualTo(200);
            assertThat(reads(id, "hrlead")).as("the HR lead's ticket list page").isEqualTo(leadBefore + 1);

            long panelBefore = reads(id, "hr");
            assertThat(status(get("/workspace/hr/tickets/" + id + "/employee").with(httpBasic("hr", "demo"))))
                    .isEqualTo(200);
            assertThat(reads(id, "hr"))
                    .as("opening the case and its employee panel listing it again: one read in one request")
                    .isEqualTo(panelBefore + 1);

            long all = jdbc.queryForObject(
                    "select count(*) from hr_access_log where ticket_id = ? and what = 'CONFIDENTIAL_CASE'",
                    Long.class,
                    id);
            assertThat(listed("supervisor", subject))
                    .as("not shown to a supervisor")
                    .isEmpty();
            assertThat(listed("employee", subject))
                    .as("the requester's own list")
                    .containsExactly((int) id);
            assertThat(jdbc.queryForObject(
                            "select count(*) from hr_access_log where ticket_id = ? and what = 'CONFIDENTIAL_CASE'",
                            Long.class,
                            id))
                    .as("neither a list that does not show it nor the requester's own list is a recorded read")
                    .isEqualTo(all);
        }

        int status(RequestBuilder request) throws Exception {
            return mvc.perform(request).andReturn().getResponse().getStatus();
        }

        List<Integer> listed(String user, String subject) throws Exception {
            String body = mvc.perform(get("/api/v1/tickets")
                            .param("q", subject)
                            .param("size", "50")
                            .with(httpBasic(user, "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return JsonPath.read(body, "$.items[*].id");
        }

        long reads(long id, String username) {
            return jdbc.queryForObject("""
                    select count(*) from hr_access_log l join app_users u on u.id = l.reader_user_id
                     where l.ticket_id = ? and l.what = 'CONFIDENTIAL_CASE' and u.username = ?""", Long.class, id, username);
        }
    }

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/hr-cases-h2",
                "backstop.demo-data=true",
                "spring.datasource.url=jdbc:h2:mem:hrcases;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnH2 extends Scenarios {}

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @PostgresTest
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/hr-cases-pg",
                "backstop.demo-data=true",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnPostgres extends Scenarios {}
}
