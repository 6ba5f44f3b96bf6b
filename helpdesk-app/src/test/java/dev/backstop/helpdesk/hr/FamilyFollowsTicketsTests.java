package dev.backstop.helpdesk.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
 * A family member whom the employee delegated "follow my HR tickets" to sees and answers those tickets in the portal —
 * not the employee's confidential cases, not another employee's tickets, and nothing any more once the delegation
 * ends. (Same context as {@link HrPrivacyMatrixTests}: the demo's {@code family} is delegated TICKETS for E0007.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/hr-privacy",
            "backstop.demo-data=true",
            "spring.datasource.url=jdbc:h2:mem:hrprivacy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms"
        })
@ResourceLock("context:hr-privacy")
class FamilyFollowsTicketsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDelegatedFamilyMemberFollowsAndAnswersTheEmployeesHrTicketsUntilTheDelegationEnds() throws Exception {
        long employee = jdbc.queryForObject("select id from employees where employee_no = 'E0007'", Long.class);
        long familyMember =
                jdbc.queryForObject("select family_member_id from app_users where username = 'family'", Long.class);
        List<Long> hrTickets = jdbc.queryForList("""
                select id from tickets where desk = 'HR' and requester_kind = 'EMPLOYEE' and employee_id = ?
                   and confidential = false and state not in ('RESOLVED', 'CLOSED') order by id""", Long.class, employee);
        assertThat(hrTickets).as("the demo employee has open HR tickets").isNotEmpty();
        long followed = hrTickets.getFirst();
        assertThat(jdbc.queryForObject("""
                        select count(*) from hr_delegations where family_member_id = ? and employee_id = ?
                           and scopes like '%TICKETS%' and ended_at is null""", Long.class, familyMember, employee))
                .as("the demo family member is delegated TICKETS")
                .isPositive();

        MockHttpServletResponse seen = call("/api/v1/tickets/" + followed);
        assertThat(seen.getStatus()).isEqualTo(200);
        assertThat((List<?>) JsonPath.read(seen.getContentAsString(), "$.timeline[?(@.kind == 'INTERNAL_NOTE')]"))
                .as("the family member reads what was said with the requester only")
                .isEmpty();
        assertThat((List<Integer>)
                        JsonPath.read(call("/api/v1/tickets?size=100").getContentAsString(), "$.items[*].id"))
                .contains((int) followed);

        MockHttpServletResponse reply = mvc.perform(post("/api/v1/tickets/" + followed + "/replies")
                        .with(httpBasic("family", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"我是家属，补充一下情况\"}"))
                .andReturn()
                .getResponse();
        assertThat(reply.getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_articles where ticket_id = ? and body = '我是家属，补充一下情况'",
                        Long.class,
                        followed))
                .isEqualTo(1);

        long otherEmployee = jdbc.queryForObject("select id from employees where employee_no = 'E0004'", Long.class);
        List<Long> others = jdbc.queryForList(
                "select id from tickets where desk = 'HR' and employee_id = ? order by id", Long.class, otherEmployee);
        for (long other : others) {
            assertThat(call("/api/v1/tickets/" + other).getStatus())
                    .as("another employee's ticket")
                    .isEqualTo(404);
        }

        jdbc.update("update tickets set confidential = true where id = ?", followed);
        try {
            assertThat(call("/api/v1/tickets/" + followed).getStatus())
                    .as("a confidential case")
                    .isEqualTo(404);
        } finally {
            jdbc.update("update tickets set confidential = false where id = ?", followed);
        }

        jdbc.update(
                "update hr_delegations set ended_at = ? where family_member_id = ? and employee_id = ? and ended_at is null",
                Timestamp.from(Instant.now()),
                familyMember,
                employee);
        try {
            assertThat(call("/api/v1/tickets/" + followed).getStatus())
                    .as("the delegation ended")
                    .isEqualTo(404);
        } finally {
            jdbc.update(
                    "update hr_delegations set ended_at = null where family_member_id = ? and employee_id = ? and scopes like '%TICKETS%'",
                    familyMember, employee);
        }
    }

    private MockHttpServletResponse call(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("family", "demo")).header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse();
    }
}
