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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15 hr-cases: a confidential case (harassment, disputes) is seen by its assignee and HR leads only — supervisors,
 * admins, payroll staff and other HR agents get 404 on its page and API and do not find it in their lists or search —
 * every read by staff is in the HR access log, and only an HR lead sets or lifts it, with a reason on the timeline.
 */
@ResourceLock("context:hr-cases-h2")
@ResourceLock("context:hr-cases-pg")
class ConfidentialCasesTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void aConfidentialCaseIsSeenByItsAssigneeAndHrLeadsOnlyAndEveryReadIsRecorded() throws Exception {
            String subject = "骚扰投诉 " + UUID.randomUUID();
            long id = open(subject);
            assertThat(api("hr", id).getStatus()).as("an ordinary HR ticket").isEqualTo(200);

            assertThat(mark("hr", id, true, "涉及骚扰").getStatus())
                    .as("an HR agent may not seal a case")
                    .isEqualTo(403);
            assertThat(mark("hrlead", id, true, " ").getStatus())
                    .as("a reason is required")
                    .isEqualTo(400);
            MockHttpServletResponse sealed = mark("hrlead", id, true, "涉及骚扰，仅限主管与处理人");
            assertThat(sealed.getStatus()).isEqualTo(200);
            assertThat((List<String>) JsonPath.read(
                            sealed.getContentAsString(), "$.timeline[?(@.kind == 'CONFIDENTIAL_CASE_SET')].body"))
                    .containsExactly("涉及骚扰，仅限主管与处理人");

            for (String user : List.of("hr", "supervisor", "admin", "payroll")) {
                assertThat(api(user, id).getStatus())
                        .as(user + " before assignment")
                        .isEqualTo(404);
            }
            long hr = jdbc.queryForObject("select id from app_users where username = 'hr'", Long.class);
            assertThat(mvc.perform(put("/api/v1/tickets/" + id + "/assignee")
                                    .with(httpBasic("hrlead", "demo"))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"assigneeId\":" + hr + "}"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as("the HR lead gives the case to the HR agent")
                    .isEqualTo(200);

            for (String user : List.of("hr", "hrlead")) {
                assertThat(api(user, id).getStatus()).as(user + " on the API").isEqualTo(200);
                assertThat(page(user, id).getStatus()).as(user + " on the page").isEqualTo(200);
                assertThat(listed(user, subject)).as(user + " finds it").containsExactly((int) id);
            }
            for (String user : List.of("supervisor", "admin", "payroll")) {
                assertThat(api(user, id).getStatus()).as(user + " on the API").isEqualTo(404);
                assertThat(page(user, id).getStatus()).as(user + " on the page").isEqualTo(404);
                assertThat(listed(user, subject)).as(user + " searching for it").isEmpty();
            }
            assertThat(api("employee", id).getStatus())
                    .as("the employee who raised it")
                    .isEqualTo(200);

            long before = reads(id);
            api("hr", id);
            page("hrlead", id);
            api("supervisor", id);
            api("employee", id);
            assertThat(reads(id))
                    .as("one access-log row per served read by staff; none for a refused read or the requester's own")
                    .isEqualTo(before + 2);
            assertThat(jdbc.queryForList(
                            "select distinct reader_role from hr_access_log where ticket_id = ? and what = 'CONFIDENTIAL_CASE'",
                            String.class,
                            id))
                    .containsExactlyInAnyOrder("HR_AGENT", "HR_LEAD");

            MockHttpServletResponse lifted = mark("hrlead", id, false, "调查结束");
            assertThat(lifted.getStatus()).isEqualTo(200);
            assertThat(api("supervisor", id).getStatus())
                    .as("lifted: the supervisor sees it again")
                    .isEqualTo(200);
        }

        long open(String subject) throws Exception {
            String body = mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic("employee", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"desk":"HR","type":"COMPLAINT","channel":"PORTAL","subject":"%s",
                                     "description":"部门主管多次言语骚扰"}""".formatted(subject)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(body, "$.id")).longValue();
        }

        MockHttpServletResponse mark(String user, long id, boolean on, String reason) throws Exception {
            return mvc.perform(post("/api/v1/hr/tickets/" + id + "/confidential-case")
                            .with(httpBasic(user, "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"confidentialCase\":%s,\"reason\":\"%s\"}".formatted(on, reason)))
                    .andReturn()
                    .getResponse();
        }

        MockHttpServletResponse api(String user, long id) throws Exception {
            return mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic(user, "demo")))
                    .andReturn()
                    .getResponse();
        }

        MockHttpServletResponse page(String user, long id) throws Exception {
            return mvc.perform(get("/workspace/tickets/" + id).with(httpBasic(user, "demo")))
                    .andReturn()
                    .getResponse();
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

        long reads(long id) {
            return jdbc.queryForObject(
                    "select count(*) from hr_access_log where ticket_id = ? and what = 'CONFIDENTIAL_CASE'",
                    Long.class,
                    id);
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
