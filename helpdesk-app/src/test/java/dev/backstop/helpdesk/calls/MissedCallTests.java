package dev.backstop.helpdesk.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import dev.backstop.helpdesk.testsupport.SharedPostgresContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The phone system reports missed calls; the desk sees callback tasks in its queue, once per caller. */
class MissedCallTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        ResultActions report(String user, String json) throws Exception {
            return mvc.perform(post("/api/v1/calls/missed")
                    .with(httpBasic(user, "demo"))
                    .header("Accept-Language", "zh-CN")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json));
        }

        static String now() {
            return OffsetDateTime.now(ZoneOffset.ofHours(8))
                    .minusMinutes(1)
                    .withNano(0)
                    .toString();
        }

        static String unique() {
            return "%08d".formatted(System.nanoTime() % 1_0000_0000L);
        }

        @Test
        void aVipContactsMissedCallBecomesACallbackTaskDueWithinTheCallbackPolicyAndFirstInTheQueue() throws Exception {
            Map<String, Object> contact = jdbc.queryForMap("""
                    select d.id, d.code, c.phone, c.phone_digits from distributor_contacts c join distributors d on d.id = c.distributor_id
                     where d.tier = 'VIP' and c.phone_digits like '1%'
                       and c.phone_digits not in (select caller_digits from missed_calls)   -- the demo's missed call
                     order by d.id, c.id fetch first 1 rows only""");
            String digits = (String) contact.get("phone_digits");
            // the PBX sends the number its own way: +86 and spaces
            String caller = "+86 " + digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
            String body = report("supervisor", """
                    {"callId":"pbx-vip-%s","kind":"ABANDONED","caller":"%s","desk":"CHANNEL","at":"%s","waitedSeconds":95}""".formatted(unique(), caller, now()))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.created").value(true))
                    .andExpect(jsonPath("$.callerKnown").value(true))
                    .andExpect(jsonPath("$.segment").value("VIP"))
                    .andExpect(jsonPath("$.due").isNotEmpty())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            long ticket = ((Number) JsonPath.read(body, "$.ticketId")).longValue();
            Map<String, Object> row = jdbc.queryForMap("""
                    select t.type, t.desk, t.channel, t.distributor_id, t.requester_kind, t.requester_phone, t.segment, p.name_en
                      from tickets t join sla_policies p on p.id = t.sla_policy_id where t.id = ?""", ticket);
            assertThat(row)
                    .containsEntry("type", "CALLBACK")
                    .containsEntry("desk", "CHANNEL")
                    .containsEntry("channel", "PHONE")
                    .containsEntry("requester_kind", "DISTRIBUTOR_CONTACT")
                    .containsEntry("segment", "VIP")
                    .containsEntry("name_en", "Missed call callback");
            assertThat(((Number) row.get("distributor_id")).longValue())
                    .isEqualTo(((Number) contact.get("id")).longValue());
            assertThat(jdbc.queryForObject("select description from tickets where id = ?", String.class, ticket))
                    .contains("未接来电", "95");

            // it waits in the channel queue with the others, and the supervisor sees it there
            String queue = mvc.perform(
                            get("/api/v1/routing/queues/CHANNEL?limit=500").with(httpBasic("supervisor", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Integer> ids = JsonPath.read(queue, "$[*].ticket.id");
            assertThat(ids).contains((int) ticket);
        }

        @Test
        void theSameCallReportedTwiceAndTheSameCallerCallingAgainMakeOneTaskUntilSomeoneCalledBack() throws Exception {
            String number = "021-5" + unique().substring(0, 3) + " " + unique().substring(0, 4);
            String first = "pbx-" + unique();
            long ticket = ((Number) JsonPath.read(
                            report("supervisor", """
                    {"callId":"%s","caller":"%s","desk":"CHANNEL","at":"%s"}""".formatted(first, number, now()))
                                    .andExpect(status().isCreated())
                                    .andExpect(jsonPath("$.callerKnown").value(false))
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString(),
                            "$.ticketId"))
                    .longValue();

            // the PBX retries the same report: nothing new
            report("supervisor", """
                    {"callId":"%s","caller":"%s","desk":"CHANNEL","at":"%s"}""".formatted(first, number, now()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ticketId").value(ticket))
                    .andExpect(jsonPath("$.created").value(false));
            assertThat(jdbc.queryForObject("select count(*) from missed_calls where call_id = ?", Integer.class, first))
                    .isEqualTo(1);

            // the caller tries again (the PBX writes the number differently): the same task, with a note
            report("admin", """
                    {"callId":"pbx-again-%s","kind":"CALLBACK_REQUESTED","caller":"+86 %s","desk":"CHANNEL","at":"%s"}""".formatted(unique(), number.substring(1), now()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ticketId").value(ticket));
            // two notes for the staff: the PBX's call id of the first call, and the repeated call; the requester's
            // description carries neither
            assertThat(jdbc.queryForObject(
                            "select count(*) from ticket_articles where ticket_id = ? and kind = 'INTERNAL_NOTE'",
                            Integer.class,
                            ticket))
                    .isEqualTo(2);
            assertThat(jdbc.queryForObject("select description from tickets where id = ?", String.class, ticket))
                    .doesNotContain("PBX", first);
            assertThat(jdbc.queryForList(
                            "select body from ticket_articles where ticket_id = ? and kind = 'INTERNAL_NOTE'",
                            String.class,
                            ticket))
                    .anyMatch(body -> body.contains("PBX call " + first));

            // an agent calls back: the task has its first response; the next missed call is a new task
            mvc.perform(post("/api/v1/tickets/" + ticket + "/calls")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"已回电，客户询问发货时间。\"}"))
                    .andExpect(status().isOk());
            assertThat(jdbc.queryForObject(
                            "select first_responded_at from tickets where id = ?", java.sql.Timestamp.class, ticket))
                    .isNotNull();
            report("supervisor", """
                    {"callId":"pbx-later-%s","caller":"%s","desk":"CHANNEL"}""".formatted(unique(), number))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.ticketId").value(Matchers.not((int) ticket)));
        }

        @Test
        void theDemoDeskStartsWithTwoCallbackTasks() {
            assertThat(jdbc.queryForList("""
                    select t.desk from missed_calls m join tickets t on t.id = m.ticket_id
                     where m.call_id like 'demo-pbx-%' and t.type = 'CALLBACK' order by m.call_id""", String.class)).containsExactly("CHANNEL", "HR");
        }

        @Test
        void anHrHotlineCallFromAnUnknownNumberWaitsAtTheHrDesk() throws Exception {
            String body = report("supervisor", """
                    {"callId":"pbx-hr-%s","caller":"0755 8%s","desk":"hr","skill":null}""".formatted(unique(), unique().substring(0, 7)))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            long ticket = ((Number) JsonPath.read(body, "$.ticketId")).longValue();
            assertThat(jdbc.queryForMap("""
                    select t.desk, t.type, t.requester_kind, p.name_en from tickets t join sla_policies p on p.id = t.sla_policy_id
                     where t.id = ?""", ticket))
                    .containsEntry("desk", "HR")
                    .containsEntry("type", "CALLBACK")
                    .containsEntry("requester_kind", "UNKNOWN_CALLER")
                    .containsEntry("name_en", "HR missed call callback");
        }

        @Test
        void anEmployeeCallingTheHrHotlineIsRecognisedByNumberAndSeesTheCallbackInThePortal() throws Exception {
            Map<String, Object> employee = jdbc.queryForMap("""
                    select e.id, e.name, e.phone from app_users u join employees e on e.id = u.employee_id where u.username = 'employee'""");
            String phone = (String) employee.get("phone");
            // the PBX sends +86 and dashes; HR's file had the plain number
            String caller = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
            String body = report("supervisor", """
                    {"callId":"pbx-emp-%s","kind":"CALLBACK_REQUESTED","caller":"%s","desk":"HR"}""".formatted(unique(), caller))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            long ticket = ((Number) JsonPath.read(body, "$.ticketId")).longValue();
            assertThat(jdbc.queryForMap(
                            "select requester_kind, requester_ref, employee_id, subject from tickets where id = ?",
                            ticket))
                    .containsEntry("requester_kind", "EMPLOYEE")
                    .containsEntry("requester_ref", ((Number) employee.get("id")).longValue())
                    .containsEntry("employee_id", ((Number) employee.get("id")).longValue())
                    .hasEntrySatisfying(
                            "subject", subject -> assertThat((String) subject).contains((String) employee.get("name")));
            assertThat((Boolean) JsonPath.read(body, "$.callerKnown")).isTrue();
            mvc.perform(get("/api/v1/tickets/" + ticket).with(httpBasic("employee", "demo")))
                    .andExpect(status().isOk());
            // the demo family member follows the employee's HR tickets by delegation (issue 15); without it, nothing
            mvc.perform(get("/api/v1/tickets/" + ticket).with(httpBasic("family", "demo")))
                    .andExpect(status().isOk());
            long familyMember =
                    jdbc.queryForObject("select family_member_id from app_users where username = 'family'", Long.class);
            jdbc.update(
                    "update hr_delegations set ended_at = current_timestamp where family_member_id = ? and ended_at is null",
                    familyMember);
            try {
                mvc.perform(get("/api/v1/tickets/" + ticket).with(httpBasic("family", "demo")))
                        .andExpect(status().isNotFound());
            } finally {
                jdbc.update(
                        "update hr_delegations set ended_at = null where family_member_id = ? and scopes = 'TICKETS'",
                        familyMember);
            }
        }

        @Test
        void aFamilyMembersCallIsTheirsAndConcernsTheirEmployee() throws Exception {
            Map<String, Object> family = jdbc.queryForMap("""
                    select f.id, f.employee_id, f.phone from app_users u join family_members f on f.id = u.family_member_id
                     where u.username = 'family'""");
            String body = report("supervisor", """
                    {"callId":"pbx-fam-%s","caller":"0086 %s","desk":"HR"}""".formatted(unique(), family.get("phone")))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            long ticket = ((Number) JsonPath.read(body, "$.ticketId")).longValue();
            assertThat(jdbc.queryForMap(
                            "select requester_kind, requester_ref, employee_id from tickets where id = ?", ticket))
                    .containsEntry("requester_kind", "FAMILY_MEMBER")
                    .containsEntry("requester_ref", ((Number) family.get("id")).longValue())
                    .containsEntry("employee_id", ((Number) family.get("employee_id")).longValue());
            mvc.perform(get("/api/v1/tickets/" + ticket).with(httpBasic("family", "demo")))
                    .andExpect(status().isOk());
        }

        @Test
        void aReportThatCannotBeTakenIsRefusedInTheReadersLanguageAndWritesNothing() throws Exception {
            int tickets = jdbc.queryForObject("select count(*) from tickets", Integer.class);
            int calls = jdbc.queryForObject("select count(*) from missed_calls", Integer.class);
            report("supervisor", """
                    {"callId":"pbx-bad-1","caller":"","desk":"CHANNEL"}""")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("calls.error.caller"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("不是电话号码")));
            report("supervisor", """
                    {"callId":"pbx-bad-2","caller":"13800138000","desk":"EXPERT"}""")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("calls.error.desk"));
            report("supervisor", """
                    {"callId":"pbx-bad-3","caller":"13800138000","desk":"CHANNEL","at":"23/11/2026 09:30"}""")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("calls.error.at"));
            report("supervisor", """
                    {"caller":"13800138000","desk":"CHANNEL"}""")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("calls.error.callId"));
            mvc.perform(post("/api/v1/calls/missed")
                            .with(httpBasic("supervisor", "demo"))
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"callId\":\"pbx-bad-4\",\"caller\":\"12\",\"desk\":\"CHANNEL\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("is not a phone number")));
            assertThat(jdbc.queryForObject("select count(*) from tickets", Integer.class))
                    .isEqualTo(tickets);
            assertThat(jdbc.queryForObject("select count(*) from missed_calls", Integer.class))
                    .isEqualTo(calls);

            // agents and distributors cannot post calls (only the PBX's integration user)
            report("agent", """
                    {"callId":"pbx-x","caller":"13800138000","desk":"CHANNEL"}""").andExpect(status().isForbidden());
            report("distributor", """
                    {"callId":"pbx-y","caller":"13800138000","desk":"CHANNEL"}""").andExpect(status().isForbidden());
        }
    }

    @Nested
    @SharedH2Context
    class OnH2 extends Scenarios {}

    @Nested
    @SharedPostgresContext
    class OnPostgres extends Scenarios {}
}
