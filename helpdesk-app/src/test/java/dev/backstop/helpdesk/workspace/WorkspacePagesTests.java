package dev.backstop.helpdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.testsupport.WithoutRandomParts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The workspace pages render for the people who use them, in both languages, with the SLA and routing parts. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/workspace-pages",
            "backstop.sla.escalation.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:workspacepages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms"
        })
class WorkspacePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAgentsHomeHasPresenceAndNextAndNextAssignsTheBestTicket() throws Exception {
        mvc.perform(get("/workspace").with(httpBasic("agent", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("领取下一张工单")))
                .andExpect(content().string(containsString("id=\"presence\"")))
                .andExpect(content().string(not(containsString("escalated-tickets"))));
        mvc.perform(post("/workspace/next").with(httpBasic("agent", "demo")).with(csrf()))
                .andExpect(redirectedUrlPattern("/workspace/tickets/*"));
        mvc.perform(post("/workspace/presence")
                        .param("presence", "AWAY")
                        .with(httpBasic("agent", "demo"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/workspace/next").with(httpBasic("agent", "demo")).with(csrf()))
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/workspace"))
                .andExpect(flash().attribute("errorKey", "tickets.routing.notAvailable"));
    }

    @Test
    void theSupervisorSeesTheQueueWithTheScoreExplained() throws Exception {
        mvc.perform(get("/workspace/queue?desk=CHANNEL")
                        .with(httpBasic("supervisor", "demo"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Score = segment")))
                .andExpect(content().string(containsString("CH-")));
    }

    @Test
    void aTicketPageShowsItsSlaInTheReadersLanguage() throws Exception {
        long id = jdbc.queryForObject(
                "select min(id) from tickets where desk = 'CHANNEL' and state in ('NEW', 'OPEN')", Long.class);
        mvc.perform(get("/workspace/tickets/" + id)
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sla-status\"")))
                .andExpect(content().string(containsString("解决截止")));
        mvc.perform(get("/workspace/tickets/" + id)
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Resolution due")));
        mvc.perform(get("/workspace/tickets?sla=BREACHED")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Any SLA state")));
        mvc.perform(get("/workspace/tickets/new")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("订单与发货")));
    }

    @Test
    void aRequesterReadsTheirTicketInTheirOwnWordsWithNothingInternal() throws Exception {
        long order =
                jdbc.queryForObject("select id from tickets where subject = ?", Long.class, "订单 SO-2026-10086 什么时候发货？");
        long version = jdbc.queryForObject("select version from tickets where id = ?", Long.class, order);
        mvc.perform(post("/workspace/tickets/" + order + "/note")
                        .with(httpBasic("agent", "demo"))
                        .with(csrf())
                        .param("body", "内部备注：客户脾气急，PBX call 7f3a-99")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/workspace/tickets/" + order).with(httpBasic("agent", "demo")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("the staff see it")
                .contains("客户脾气急");

        String page = mvc.perform(get("/portal/tickets/" + order)
                        .with(httpBasic("distributor", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(WithoutRandomParts.page(page))
                .contains("处理中", "订单已在杭州仓拣货")
                .doesNotContain("客户脾气急", "PBX", "id=\"sla", "解决截止", "订单查询", "state-OPEN");
        String list = mvc.perform(get("/portal/tickets")
                        .with(httpBasic("distributor", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("portal-ticket-table", "处理中").doesNotContain("sla-", ">SLA<");
        String account = mvc.perform(get("/portal/account")
                        .with(httpBasic("distributor", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(WithoutRandomParts.page(account))
                .contains("distributor-view")
                .doesNotContain("快照", "data-origin", "ERP");

        String json = mvc.perform(get("/api/v1/tickets/" + order).with(httpBasic("distributor", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"sla\":null", "\"tags\":[]", "\"segment\":null")
                .doesNotContain("客户脾气急", "INTERNAL_NOTE");
    }

    @Test
    void timesShowInTheDesksTimeZoneAlsoOnKnowledgePages() throws Exception {
        var article = jdbc.queryForMap(
                "select id, updated_at from kb_articles where state = 'PUBLISHED' order by id fetch first 1 rows only");
        java.time.Instant updated = jdbc.queryForObject(
                        "select updated_at from kb_articles where id = ?",
                        java.time.OffsetDateTime.class,
                        article.get("id"))
                .toInstant();
        String shown = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(updated.atZone(java.time.ZoneId.of("Asia/Shanghai")));
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(updated.atZone(java.time.ZoneOffset.UTC));
        String page = mvc.perform(
                        get("/workspace/kb/articles/" + article.get("id")).with(httpBasic("editor", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(shown).doesNotContain(utc);
    }

    @Test
    void aPhoneTicketForAVipCallersNumberIsTheirsWithTheVipSegmentAndItsSla() throws Exception {
        var vip = jdbc.queryForMap("""
                select c.id, c.name, c.phone, d.id as distributor_id, d.code from distributor_contacts c
                  join distributors d on d.id = c.distributor_id
                 where d.tier = 'VIP' and c.phone is not null order by d.code, c.id fetch first 1 rows only""");
        String digits = dev.backstop.helpdesk.shared.PhoneNumbers.digits((String) vip.get("phone"));
        String spoken = "+86 " + digits.substring(0, 3) + " " + digits.substring(3, 7) + "-" + digits.substring(7);

        String found = mvc.perform(get("/workspace/callers")
                        .param("desk", "CHANNEL")
                        .param("q", spoken)
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(found).contains((String) vip.get("name"), (String) vip.get("code"), "贵宾", "经销商联系人");
        assertThat(mvc.perform(get("/workspace/callers")
                                .param("desk", "CHANNEL")
                                .param("q", spoken)
                                .with(httpBasic("hr", "demo")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("HR staff do not search distributors")
                .doesNotContain((String) vip.get("name"));
        mvc.perform(get("/workspace/callers")
                        .param("desk", "CHANNEL")
                        .param("q", spoken)
                        .with(httpBasic("expert", "demo")))
                .andExpect(status().isForbidden());

        // the agent only typed the number: the one contact with it becomes the requester, with the account
        mvc.perform(post("/workspace/tickets/new")
                        .with(httpBasic("agent", "demo"))
                        .with(csrf())
                        .param("desk", "CHANNEL")
                        .param("type", "INQUIRY")
                        .param("channel", "PHONE")
                        .param("priority", "NORMAL")
                        .param("requesterPhone", spoken)
                        .param("subject", "VIP 来电查询订单 zzcaller"))
                .andExpect(status().is3xxRedirection());
        var ticket = jdbc.queryForMap("""
                select t.requester_kind, t.requester_ref, t.distributor_id, t.segment, p.name as policy from tickets t
                  join sla_policies p on p.id = t.sla_policy_id where t.subject = 'VIP 来电查询订单 zzcaller'""");
        assertThat(ticket.get("requester_kind")).isEqualTo("DISTRIBUTOR_CONTACT");
        assertThat(((Number) ticket.get("requester_ref")).longValue()).isEqualTo(((Number) vip.get("id")).longValue());
        assertThat(((Number) ticket.get("distributor_id")).longValue())
                .isEqualTo(((Number) vip.get("distributor_id")).longValue());
        assertThat(ticket.get("segment")).isEqualTo("VIP");
        assertThat(ticket.get("policy")).isEqualTo("VIP 与重点经销商");

        // from the distributor view: "new ticket for this caller" arrives linked to the primary contact
        String form = mvc.perform(get("/workspace/tickets/new")
                        .param("desk", "CHANNEL")
                        .param("caller", (String) vip.get("code"))
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form)
                .contains(
                        "来电人：",
                        (String) vip.get("code"),
                        "name=\"distributorId\" value=\"" + vip.get("distributor_id") + "\"");
    }

    @Test
    void theHrDeskLooksUpEmployeesByNumberAndFamilyMembersByPhone() throws Exception {
        var family = jdbc.queryForMap("""
                select f.id, f.name, f.phone, f.employee_id, e.employee_no, e.name as employee from family_members f
                  join employees e on e.id = f.employee_id where f.phone is not null order by f.id fetch first 1 rows only""");
        String found = mvc.perform(get("/workspace/callers")
                        .param("desk", "HR")
                        .param("q", (String) family.get("employee_no"))
                        .with(httpBasic("hr", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(found).contains((String) family.get("employee"), (String) family.get("name"), "员工家属");
        assertThat(mvc.perform(get("/workspace/callers")
                                .param("desk", "HR")
                                .param("q", (String) family.get("employee_no"))
                                .with(httpBasic("agent", "demo")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("channel agents do not search employees")
                .doesNotContain((String) family.get("employee"));

        mvc.perform(post("/workspace/tickets/new")
                        .with(httpBasic("hr", "demo"))
                        .with(csrf())
                        .param("desk", "HR")
                        .param("type", "HARDSHIP")
                        .param("channel", "PHONE")
                        .param("priority", "NORMAL")
                        .param("requesterPhone", (String) family.get("phone"))
                        .param("subject", "家属来电求助 zzfamily"))
                .andExpect(status().is3xxRedirection());
        var ticket = jdbc.queryForMap(
                "select requester_kind, requester_ref, employee_id from tickets where subject = '家属来电求助 zzfamily'");
        assertThat(ticket.get("requester_kind")).isEqualTo("FAMILY_MEMBER");
        assertThat(((Number) ticket.get("requester_ref")).longValue())
                .isEqualTo(((Number) family.get("id")).longValue());
        assertThat(((Number) ticket.get("employee_id")).longValue())
                .isEqualTo(((Number) family.get("employee_id")).longValue());
    }

    @Test
    void aTicketBackFromTheBackOfficeWithNobodyOnItIsShownToTheSupervisorsAndTheAgentWhoForwardedIt() throws Exception {
        String created = mvc.perform(
                        post("/api/v1/tickets")
                                .with(httpBasic("agent", "demo"))
                                .contentType("application/json")
                                .content(
                                        "{\"desk\":\"CHANNEL\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\",\"subject\":\"到货破损 zzreturn\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        long logistics =
                jdbc.queryForObject("select department_id from app_users where username = 'backoffice'", Long.class);
        mvc.perform(post("/api/v1/tickets/" + id + "/transfer")
                        .with(httpBasic("agent", "demo"))
                        .contentType("application/json")
                        .content("{\"departmentId\":" + logistics + ",\"reason\":\"请核实签收记录\"}"))
                .andExpect(status().isOk());
        jdbc.update("update tickets set assignee_id = null where id = ?", id); // nobody took it in the meantime
        mvc.perform(post("/api/v1/tickets/" + id + "/back-office-answer")
                        .with(httpBasic("backoffice", "demo"))
                        .contentType("application/json")
                        .content("{\"body\":\"签收记录显示少 12 箱，已安排补发\"}"))
                .andExpect(status().isOk());

        var told = jdbc.queryForList("""
                select u.username from notifications n join app_users u on u.id = n.user_id
                 where n.ticket_id = ? and n.message_key = 'tickets.notification.answeredUnassigned'""", String.class, id);
        assertThat(told).contains("supervisor", "agent").doesNotContain("backoffice", "hr");
        mvc.perform(get("/notifications").with(httpBasic("supervisor", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("已由后台部门答复，但尚无处理人")));
    }

    @Test
    void notificationsPageRendersForAnyone() throws Exception {
        // a staff member with nothing for them, and a portal user, whose bell holds the demo ticket's "received" notice
        mvc.perform(get("/notifications").with(httpBasic("editor", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("暂无通知")));
        mvc.perform(get("/notifications").with(httpBasic("family", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已收到")));
    }
}
