package dev.backstop.helpdesk.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.MutableClock;
import dev.backstop.helpdesk.testsupport.SharedH2ClockContext;
import dev.backstop.helpdesk.testsupport.SharedPostgresClockContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * SLA clocks as the desk sees them, with the seeded policies and calendars, on a clock the test sets: due
 * times in business time, at risk and breached in lists, the clock stopping while the ticket waits on the
 * requester, and escalations that happen exactly once even when several nodes run the pass at once.
 */
class SlaClockTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        MutableClock clock;

        @Autowired
        SlaEscalations escalations;

        @Autowired
        JdbcTemplate jdbc;

        long open(String user, String json) throws Exception {
            String body = mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic(user, "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(body, "$.id")).longValue();
        }

        void state(long id, String state) throws Exception {
            mvc.perform(post("/api/v1/tickets/" + id + "/state")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"" + state + "\"}"))
                    .andExpect(status().isOk());
        }

        List<Integer> listed(String sla) throws Exception {
            return JsonPath.read(
                    mvc.perform(get("/api/v1/tickets?active=true&size=200&sla=" + sla)
                                    .with(httpBasic("supervisor", "demo")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.items[*].id");
        }

        long distributor(String tier) {
            return jdbc.queryForObject("select min(id) from distributors where tier = ?", Long.class, tier);
        }

        @Test
        void aVipTicketOpenedOnSaturdayEveningIsDueOnMondayMorningThenAtRiskThenBreached() throws Exception {
            clock.set(at("2026-11-28T19:30")); // Saturday; the channel desk works Monday to Saturday 08:30–20:00
            long id = open("agent", """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"VIP 查询","distributorId":%d}""".formatted(distributor("VIP")));
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                    .andExpect(jsonPath("$.segment").value("VIP"))
                    .andExpect(jsonPath("$.sla.policyName").value("VIP 与重点经销商"))
                    .andExpect(jsonPath("$.sla.status").value("RUNNING"))
                    .andExpect(jsonPath("$.sla.firstResponseDue").value(Matchers.startsWith("2026-11-30T01:00")))
                    .andExpect(jsonPath("$.sla.resolutionDue").value(Matchers.startsWith("2026-12-01T04:30")));

            clock.set(at("2026-11-30T08:50")); // 80 % of the first-response hour used
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                    .andExpect(jsonPath("$.sla.status").value("AT_RISK"));
            assertThat(listed("AT_RISK")).contains((int) id);
            assertThat(listed("BREACHED")).doesNotContain((int) id);

            clock.set(at("2026-11-30T09:05"));
            assertThat(listed("BREACHED")).contains((int) id);
            assertThat(listed("AT_RISK")).doesNotContain((int) id);
            mvc.perform(get("/workspace").with(httpBasic("supervisor", "demo")))
                    .andExpect(content().string(Matchers.containsString("escalated-tickets")));

            mvc.perform(post("/api/v1/tickets/" + id + "/replies")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"您好，已为您查询。\"}"))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                    .andExpect(jsonPath("$.sla.firstRespondedAt").value(Matchers.startsWith("2026-11-30T01:05")))
                    .andExpect(jsonPath("$.sla.status").value("RUNNING"))
                    .andExpect(jsonPath("$.sla.activeDue").value(Matchers.startsWith("2026-12-01T04:30")));
            assertThat(listed("BREACHED")).doesNotContain((int) id);
        }

        @Test
        void aDueTimeSaidToTheRequesterFallsInTheDesksServiceHours() throws Exception {
            clock.set(at("2026-11-28T19:30")); // Saturday evening; a VIP complaint counts 24×7 (8 h) internally
            long id = open("agent", """
                    {"desk":"CHANNEL","type":"COMPLAINT","channel":"PHONE","subject":"VIP 投诉：承诺时间","distributorId":%d}""".formatted(distributor("VIP")));
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                    .andExpect(jsonPath("$.sla.resolutionDue")
                            .value(Matchers.startsWith("2026-11-28T19:30"))); // Sunday 03:30
            long script = jdbc.queryForObject("select id from kb_templates where name = '经销商投诉来电'", Long.class);
            String said = JsonPath.read(
                    mvc.perform(get("/api/v1/kb/templates/" + script + "/render?ticket=" + id)
                                    .with(httpBasic("agent", "demo")))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
                    "$.text");
            // the channel desk opens again on Monday 08:30: that is the promise, not "03:30 on Sunday"
            assertThat(said).contains("在 2026-11-30 08:30 前给您回电").doesNotContain("2026-11-29 03:30");
        }

        @Test
        void anAdminChangesAPolicysTargetsAndOnlyNewTicketsCountWithThem() throws Exception {
            long policy = jdbc.queryForObject(
                    "select id from sla_policies where name = 'HR 服务台' and active = true", Long.class);
            long catchAll =
                    jdbc.queryForObject("select id from sla_policies where desk is null and active = true", Long.class);
            clock.set(at("2026-11-30T10:00")); // Monday
            long before = open("hr", """
                    {"desk":"HR","type":"INQUIRY","channel":"PHONE","subject":"调整前的 HR 工单"}""");
            String dueBefore = JsonPath.read(
                    mvc.perform(get("/api/v1/tickets/" + before).with(httpBasic("hr", "demo")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.sla.firstResponseDue");

            mvc.perform(put("/api/v1/admin/sla-policies/" + policy)
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"firstResponseMinutes\":600,\"resolutionMinutes\":60}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.containsString("首次响应（600 分钟）不能晚于解决时限（60 分钟）")));
            mvc.perform(put("/api/v1/admin/sla-policies/" + catchAll)
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"active\":false}"))
                    .andExpect(status().isBadRequest());
            mvc.perform(put("/api/v1/admin/sla-policies/" + policy)
                            .with(httpBasic("supervisor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"firstResponseMinutes\":60}"))
                    .andExpect(status().isForbidden());

            mvc.perform(put("/api/v1/admin/sla-policies/" + policy)
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"firstResponseMinutes\":60,\"resolutionMinutes\":240}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.firstResponseMinutes").value(60))
                    .andExpect(jsonPath("$.active").value(true));
            long after = open("hr", """
                    {"desk":"HR","type":"INQUIRY","channel":"PHONE","subject":"调整后的 HR 工单"}""");
            mvc.perform(get("/api/v1/tickets/" + after).with(httpBasic("hr", "demo")))
                    .andExpect(jsonPath("$.sla.policyName").value("HR 服务台"))
                    .andExpect(
                            jsonPath("$.sla.firstResponseDue").value(Matchers.startsWith("2026-11-30T03:00"))); // 11:00
            mvc.perform(get("/api/v1/tickets/" + before).with(httpBasic("hr", "demo")))
                    .andExpect(jsonPath("$.sla.firstResponseDue").value(dueBefore));

            long current = jdbc.queryForObject(
                    "select id from sla_policies where name = 'HR 服务台' and active = true", Long.class);
            mvc.perform(put("/api/v1/admin/sla-policies/" + current)
                            .with(httpBasic("admin", "demo")) // back to the seed
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"firstResponseMinutes\":480,\"resolutionMinutes\":2400}"))
                    .andExpect(status().isOk());
        }

        @Test
        void theClockStopsWhileTheTicketWaitsOnTheRequesterAndResumesWithWhatWasLeft() throws Exception {
            clock.set(at("2026-11-30T10:00")); // Monday
            long id = open("agent", """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"等待客户","distributorId":%d}""".formatted(distributor("GENERAL")));
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                    .andExpect(jsonPath("$.sla.policyName").value("渠道服务台"))
                    .andExpect(jsonPath("$.sla.resolutionDue").value(Matchers.startsWith("2026-12-02T03:00")));

            clock.set(at("2026-11-30T11:00")); // one business hour used, 23 left
            state(id, "PENDING_REQUESTER");
            clock.set(at("2026-12-03T10:00")); // long past the original due time
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                    .andExpect(jsonPath("$.sla.status").value("PAUSED"));
            assertThat(listed("BREACHED")).doesNotContain((int) id);

            state(id, "OPEN"); // Thursday 10:00 + 23 business hours = Saturday 10:00
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                    .andExpect(jsonPath("$.sla.status").value("RUNNING"))
                    .andExpect(jsonPath("$.sla.resolutionDue").value(Matchers.startsWith("2026-12-05T02:00")));
        }

        long logistics() {
            return jdbc.queryForObject("select id from departments where code = 'LOG'", Long.class);
        }

        @Test
        void aComplaintClosesOnlyAfterTheBackOfficeAnsweredAndASatisfiedCallback() throws Exception {
            clock.set(at("2026-12-01T10:00")); // Tuesday
            long id = open("agent", """
                    {"desk":"CHANNEL","type":"COMPLAINT","channel":"PHONE","subject":"到货数量不符","distributorId":%d}""".formatted(distributor("KEY")));
            mvc.perform(post("/api/v1/tickets/" + id + "/state")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"RESOLVED\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("tickets.error.callbackFirst"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("回访")));

            mvc.perform(post("/api/v1/tickets/" + id + "/transfer")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"departmentId\":%d,\"reason\":\"请核对发货数量\"}".formatted(logistics())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("PENDING_BACK_OFFICE"))
                    // 48 business hours of the office calendar (7.5 h a day): 390 min on Tuesday, five full days, 240
                    // min → Wed 9 Dec 14:30
                    .andExpect(jsonPath("$.loop.backOfficeDue").value(Matchers.startsWith("2026-12-09T06:30")));
            mvc.perform(post("/api/v1/tickets/" + id + "/back-office-answer")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"x\"}"))
                    .andExpect(status().isForbidden());
            String inbox = mvc.perform(get("/api/v1/tickets?state=PENDING_BACK_OFFICE&size=200")
                            .with(httpBasic("backoffice", "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<List<Integer>>read(inbox, "$.items[*].id")).contains((int) id);

            clock.set(at("2026-12-02T11:00"));
            mvc.perform(post("/api/v1/tickets/" + id + "/back-office-answer")
                            .with(httpBasic("backoffice", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"仓库少发 20 箱，明日补发。\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("OPEN"))
                    .andExpect(jsonPath("$.loop.callbackPending").doesNotExist())
                    .andExpect(jsonPath("$.loop.callbackDue")
                            .value(Matchers.startsWith("2026-12-02T08:30"))); // 4 business hours: 11–12 and 13:30–16:30

            mvc.perform(post("/api/v1/tickets/" + id + "/callback")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"outcome\":\"客户仍不满意\",\"satisfaction\":2}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.loop.satisfaction").value(2));
            mvc.perform(post("/api/v1/tickets/" + id + "/state")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"RESOLVED\"}"))
                    .andExpect(status().isConflict());
            mvc.perform(post("/api/v1/tickets/" + id + "/callback")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"outcome\":\"补发已到，客户满意\",\"satisfaction\":4}"))
                    .andExpect(status().isOk());
            mvc.perform(post("/api/v1/tickets/" + id + "/state")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"RESOLVED\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("RESOLVED"))
                    .andExpect(jsonPath("$.timeline[?(@.kind == 'CALLBACK')].satisfaction")
                            .value(Matchers.contains(2, 4)));
            mvc.perform(post("/api/v1/tickets/" + id + "/callback")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"satisfaction\":9}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("tickets.error.satisfaction"));
        }

        @Test
        void backOfficeWorkPastItsDeadlineGoesUpOnce() throws Exception {
            clock.set(at("2026-12-01T10:00"));
            long id = open("agent", """
                    {"desk":"CHANNEL","type":"COMPLAINT","channel":"PHONE","subject":"物流迟迟未回复"}""");
            mvc.perform(post("/api/v1/tickets/" + id + "/transfer")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"departmentId\":%d,\"deadlineHours\":2}".formatted(logistics())))
                    .andExpect(status().isOk());
            clock.set(at("2026-12-01T13:45")); // 10:00 + 2 business hours, over the lunch break = 13:30
            escalations.pass();
            escalations.pass();
            assertThat(jdbc.queryForList(
                            "select level from ticket_escalations where ticket_id = ? and target = 'BACK_OFFICE'",
                            Integer.class,
                            id))
                    .containsExactly(2);
            String notes = mvc.perform(get("/api/v1/notifications").with(httpBasic("backoffice", "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<List<String>>read(notes, "$[?(@.ticketId == " + id + ")].messageKey"))
                    .containsExactly("tickets.sla.escalation.BACK_OFFICE.BREACHED");
        }

        @Test
        void anAdminsNewHolidayMovesTheDueTimesOfTicketsOpenedAfterIt() throws Exception {
            mvc.perform(put("/api/v1/admin/calendars/CHANNEL/days/2026-12-04")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"kind\":\"HOLIDAY\",\"name\":\"公司周年庆\"}"))
                    .andExpect(status().isOk());
            try {
                clock.set(at("2026-12-03T19:30")); // Thursday evening; Friday is now a holiday
                long id = open("agent", """
                        {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"节前咨询","distributorId":%d}""".formatted(distributor("GENERAL")));
                // 4 business hours: 30 min on Thursday, none on Friday, Saturday 08:30 + 3 h 30 min = 12:00
                mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                        .andExpect(jsonPath("$.sla.firstResponseDue").value(Matchers.startsWith("2026-12-05T04:00")));
                mvc.perform(get("/api/v1/admin/calendars/CHANNEL/days?year=2026")
                                .with(httpBasic("admin", "demo")))
                        .andExpect(jsonPath("$[?(@.date == '2026-12-04')].name").value(Matchers.contains("公司周年庆")));
                mvc.perform(get("/api/v1/admin/calendars/NOPE/days?year=2026")
                                .with(httpBasic("admin", "demo"))
                                .header("Accept-Language", "zh-CN"))
                        .andExpect(status().isNotFound())
                        .andExpect(jsonPath("$.detail").value(Matchers.containsString("NOPE")));
            } finally {
                mvc.perform(delete("/api/v1/admin/calendars/CHANNEL/days/2026-12-04")
                                .with(httpBasic("admin", "demo")))
                        .andExpect(status().isNoContent());
            }
        }

        @Test
        void eachEscalationHappensExactlyOnceWhenSeveralNodesRunThePassAtOnce() throws Exception {
            clock.set(at("2026-11-30T09:00")); // Monday; the expert desk keeps office hours
            long id = open("expert", """
                    {"desk":"EXPERT","type":"INQUIRY","channel":"PHONE","subject":"无人处理的专家工单"}""");
            // first response due 11:00; 4 business hours later (16:30, over the lunch break) it goes one level up again
            clock.set(at("2026-11-30T17:00"));

            int nodes = 4;
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            try {
                for (int i = 0; i < nodes; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return escalations.pass();
                    }));
                }
                start.countDown();
                for (Future<Integer> result : results) {
                    result.get();
                }
            } finally {
                pool.shutdownNow();
            }
            escalations.pass(); // and once more, later

            assertThat(jdbc.queryForList(
                            "select level from ticket_escalations where ticket_id = ? and target = 'FIRST_RESPONSE' order by level",
                            Integer.class,
                            id))
                    .containsExactly(1, 2, 3);
            assertThat(jdbc.queryForObject(
                            "select count(*) from ticket_escalations where ticket_id = ? and target = 'RESOLUTION'",
                            Integer.class,
                            id))
                    .isZero();
            String ticket = mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("expert", "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<List<String>>read(ticket, "$.timeline[?(@.kind == 'SLA_ESCALATION')].body"))
                    .containsExactly(
                            "tickets.sla.escalation.FIRST_RESPONSE.AT_RISK",
                            "tickets.sla.escalation.FIRST_RESPONSE.BREACHED",
                            "tickets.sla.escalation.FIRST_RESPONSE.FURTHER");
            // unassigned: level 1 and 2 go to the supervisors, level 3 to the admins
            String supervisor = mvc.perform(get("/api/v1/notifications").with(httpBasic("supervisor", "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<List<String>>read(supervisor, "$[?(@.ticketId == " + id + ")].messageKey"))
                    .containsExactlyInAnyOrder(
                            "tickets.sla.escalation.FIRST_RESPONSE.AT_RISK",
                            "tickets.sla.escalation.FIRST_RESPONSE.BREACHED");
            String admin = mvc.perform(get("/api/v1/notifications").with(httpBasic("admin", "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<List<String>>read(admin, "$[?(@.ticketId == " + id + ")].messageKey"))
                    .containsExactly("tickets.sla.escalation.FIRST_RESPONSE.FURTHER");
            mvc.perform(get("/notifications")
                            .with(httpBasic("supervisor", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(content().string(Matchers.containsString("首次响应已超时，已升级至主管")));
        }
    }

    @Nested
    @SharedH2ClockContext
    class OnH2 extends Scenarios {}

    @Nested
    @SharedPostgresClockContext
    class OnPostgres extends Scenarios {}
}
