package dev.backstop.helpdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.chat.ChatRefused;
import dev.backstop.helpdesk.chat.ChatView;
import dev.backstop.helpdesk.chat.WebChat;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.identity.UserDirectory;
import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketNotFound;
import dev.backstop.helpdesk.tickets.TicketType;
import dev.backstop.helpdesk.tickets.TimelineEntry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Web chat as its two parties meet it, on H2 and on a real PostgreSQL: the portal user and the agent of the right
 * desk chat and the transcript lands on the ticket; routing honours capacity; out of hours a message becomes a
 * ticket; a requester who leaves is closed out with the transcript kept; nobody else reads or posts into a chat.
 * The chats follow the calendar {@code 24X7} (a test swaps in one closed today under that code).
 */
class ChatTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        WebChat chat;

        @Autowired
        ChatSweep sweep;

        @Autowired
        TicketManagement tickets;

        @Autowired
        UserDirectory users;

        @Autowired
        AgentProfiles agents;

        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        DeskTime deskTime;

        CurrentUser user(String username) {
            long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
            return users.byId(id).orElseThrow();
        }

        /**
         * A requester has one chat at a time: a chat an earlier test left open (it failed before closing it) would take
         * this test's first message, so its requester leaves it first.
         */
        @BeforeEach
        void closeChatsLeftOpen() {
            jdbc.queryForList("select id, requester_id from chat_conversations where state <> 'CLOSED'")
                    .forEach(left -> chat.close(
                            ((Number) left.get("id")).longValue(),
                            users.byId(((Number) left.get("requester_id")).longValue())
                                    .orElseThrow()));
        }

        @BeforeEach
        void openCalendar() {
            jdbc.update(
                    "delete from calendar_days where calendar_id in (select id from business_calendars where code like 'CHAT_TEST%')");
            jdbc.update(
                    "delete from calendar_hours where calendar_id in (select id from business_calendars where code like 'CHAT_TEST%')");
            jdbc.update("delete from business_calendars where code like 'CHAT_TEST%'");
            jdbc.update("insert into business_calendars (code, name, name_en, zone_id, always_open)"
                    + " values ('CHAT_TEST', '测试', 'Test', 'Asia/Shanghai', true)");
            // a second calendar, closed today (a holiday) and open 09:00–18:00 on other days: swapped in by code
            jdbc.update("insert into business_calendars (code, name, name_en, zone_id, always_open)"
                    + " values ('CHAT_TEST_CLOSED', '测试休', 'Test closed', 'Asia/Shanghai', false)");
            long closed = jdbc.queryForObject(
                    "select id from business_calendars where code = 'CHAT_TEST_CLOSED'", Long.class);
            for (int day = 1; day <= 7; day++) {
                jdbc.update(
                        "insert into calendar_hours (calendar_id, day_of_week, opens, closes) values (?, ?, time '09:00:00', time '18:00:00')",
                        closed,
                        day);
            }
            jdbc.update(
                    "insert into calendar_days (calendar_id, calendar_date, kind, name) values (?, ?, 'HOLIDAY', '测试')",
                    closed,
                    java.sql.Date.valueOf(deskTime.today()));
        }

        /** An HR question the employee asks on the portal: the ticket a chat can then be about. */
        TicketDetails askHrOnThePortal(String subject, String question, CurrentUser employee) {
            return tickets.open(
                    new OpenTicket(
                            Desk.HR,
                            TicketType.INQUIRY,
                            Channel.PORTAL,
                            null,
                            null,
                            null,
                            null,
                            subject,
                            question,
                            null,
                            null,
                            false,
                            null,
                            null),
                    employee);
        }

        long startOverHttp(String username, String text) throws Exception {
            String location = mvc.perform(post("/chat")
                            .with(httpBasic(username, "demo"))
                            .with(csrf())
                            .param("text", text))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            assertThat(location).matches("/chat/\\d+");
            return Long.parseLong(location.substring("/chat/".length()));
        }

        void say(String username, long chatId, String text) throws Exception {
            mvc.perform(post("/chat/" + chatId + "/messages")
                            .with(httpBasic(username, "demo"))
                            .with(csrf())
                            .param("body", text))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").isNumber());
        }

        @Test
        void aPortalUserAndAnAgentChatAndTheTranscriptIsOnTheTicket() throws Exception {
            long id = startOverHttp("distributor", "我的订单 SO-1001 什么时候发货？");
            ChatView started = chat.view(id, user("distributor"));
            assertThat(started.state()).isEqualTo(ChatView.State.ACTIVE);
            assertThat(started.agentName()).isEqualTo("李坐席");
            assertThat(started.desk()).isEqualTo(Desk.CHANNEL);

            mvc.perform(get("/chat/" + id).with(httpBasic("agent", "demo")).locale(Locale.SIMPLIFIED_CHINESE))
                    .andExpect(status().isOk());
            say("agent", id, "您好，SO-1001 今天下午发货。");
            say("distributor", id, "好的，谢谢");
            mvc.perform(post("/chat/" + id + "/typing")
                            .with(httpBasic("agent", "demo"))
                            .with(csrf()))
                    .andExpect(status().isNoContent());
            mvc.perform(post("/chat/" + id + "/close")
                            .with(httpBasic("agent", "demo"))
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("CLOSED"));

            TicketDetails ticket = tickets.get(started.ticketId(), user("distributor"));
            assertThat(ticket.channel()).isEqualTo(Channel.CHAT);
            assertThat(ticket.assigneeName()).isEqualTo("李坐席");
            TimelineEntry transcript = ticket.timeline().stream()
                    .filter(e -> e.kind() == ArticleKind.PUBLIC_REPLY)
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(transcript.body())
                    .contains("在线咨询记录 / Web chat transcript")
                    .contains("我的订单 SO-1001 什么时候发货？")
                    .contains("李坐席: 您好，SO-1001 今天下午发货。")
                    .contains(": 好的，谢谢")
                    .contains("李坐席 已结束会话 / 李坐席 ended the chat");
            assertThat(transcript.internal()).isFalse();

            mvc.perform(post("/chat/" + id + "/messages")
                            .with(httpBasic("distributor", "demo"))
                            .with(csrf())
                            .param("body", "还在吗？")
                            .header("Accept-Language", "en"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail")
                            .value("This chat has ended; its transcript is on ticket " + ticket.key() + "."));
        }

        @Test
        void aChatGoesToAnAvailableAgentOfTheRequestersDesk() {
            ChatView employee = chat.start("年假还剩几天？", user("employee"));
            assertThat(employee.desk()).isEqualTo(Desk.HR);
            assertThat(employee.agentName()).isIn("孙人事", "吴薪酬");
            ChatView rep = chat.start("客户问延保能否转让", user("frontline"));
            assertThat(rep.desk()).isEqualTo(Desk.EXPERT);
            assertThat(rep.agentName()).isEqualTo("钱专家");
            chat.close(employee.id(), user("employee"));
            chat.close(rep.id(), user("frontline"));
        }

        /**
         * Runs {@code body} with an agent of the channel desk of this test's own (capacity {@code capacity}) as the
         * only one available: the demo's channel agents are away meanwhile, so what other tests left them doesn't
         * matter.
         */
        void withOwnChannelAgent(int capacity, java.util.function.Consumer<CurrentUser> body) {
            String username =
                    "chat-cap-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            jdbc.update(
                    "insert into app_users (username, password_hash, display_name, created_at) values (?, '{noop}x', ?, current_timestamp)",
                    username,
                    "坐席" + username);
            long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
            jdbc.update("insert into user_roles (user_id, role) values (?, 'CHANNEL_AGENT')", id);
            agents.configure(id, capacity, List.of());
            agents.setPresence(id, Presence.AVAILABLE);
            List<Long> others = jdbc.queryForList("""
                    select p.user_id from agent_profiles p join user_roles r on r.user_id = p.user_id
                     where r.role = 'CHANNEL_AGENT' and p.presence = 'AVAILABLE' and p.user_id <> ?""", Long.class, id);
            others.forEach(other -> agents.setPresence(other, Presence.AWAY));
            try {
                body.accept(user(username));
            } finally {
                agents.setPresence(id, Presence.OFFLINE);
                others.forEach(other -> agents.setPresence(other, Presence.AVAILABLE));
            }
        }

        @Test
        void anAgentAtCapacityGetsNoChatUntilTheyHaveRoom() {
            withOwnChannelAgent(1, agent -> {
                ChatView first = chat.start("先占一个名额", user("distributor"));
                assertThat(first.agentName()).isEqualTo(agent.displayName());

                ChatView waiting = chat.start("有人吗？", user("distributor2"));
                assertThat(waiting.state()).isEqualTo(ChatView.State.WAITING);
                assertThat(tickets.get(waiting.ticketId(), agent).assigneeId()).isNull();

                agents.configure(agent.id(), 2, List.of());
                sweep.assignWaiting();
                ChatView taken = chat.view(waiting.id(), user("distributor2"));
                assertThat(taken.state()).isEqualTo(ChatView.State.ACTIVE);
                assertThat(taken.agentName()).isEqualTo(agent.displayName());
                chat.close(waiting.id(), agent);
                chat.close(first.id(), agent);
            });
        }

        @Test
        void anEndedChatsTicketStaysWithItsAgentButNoLongerTakesAPlace() {
            withOwnChannelAgent(1, agent -> {
                ChatView first = chat.start("发票开错了", user("distributor"));
                assertThat(first.agentName()).isEqualTo(agent.displayName());
                chat.close(first.id(), user("distributor"));

                TicketDetails transcript = tickets.get(first.ticketId(), agent);
                assertThat(transcript.assigneeId())
                        .as("the transcript's ticket stays with the agent until resolved")
                        .isEqualTo(agent.id());
                assertThat(transcript.state().isActive()).isTrue();

                ChatView next = chat.start("还有一个问题", user("distributor2"));
                assertThat(next.state())
                        .as("the ended chat no longer counts: the agent at capacity 1 takes the next")
                        .isEqualTo(ChatView.State.ACTIVE);
                assertThat(next.agentName()).isEqualTo(agent.displayName());

                ChatView third = chat.start("第三个", user("distributor"));
                assertThat(third.state()).as("the live chat does count").isEqualTo(ChatView.State.WAITING);
                chat.close(third.id(), user("distributor"));
                chat.close(next.id(), agent);
            });
        }

        @Test
        void outsideServiceHoursTheChatOffersToLeaveAMessageWhichOpensATicket() throws Exception {
            jdbc.update("update business_calendars set code = '24X7_SAVED' where code = '24X7'");
            jdbc.update("update business_calendars set code = '24X7' where code = 'CHAT_TEST_CLOSED'");
            try {
                leaveAMessage();
            } finally {
                jdbc.update("update business_calendars set code = 'CHAT_TEST_CLOSED' where code = '24X7'");
                jdbc.update("update business_calendars set code = '24X7' where code = '24X7_SAVED'");
            }
        }

        void leaveAMessage() throws Exception {
            CurrentUser family = user("family");
            assertThat(chat.hours(family).open()).isFalse();
            assertThatThrownBy(() -> chat.start("想咨询困难帮扶", family))
                    .isInstanceOf(ChatRefused.class)
                    .hasMessageContaining("chat.error.outOfHours");
            String page = mvc.perform(
                            get("/chat").with(httpBasic("family", "demo")).locale(Locale.ENGLISH))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains("id=\"chat-leave\"").contains("outside its service hours");

            String location = mvc.perform(post("/chat/leave-message")
                            .with(httpBasic("family", "demo"))
                            .with(csrf())
                            .param("subject", "困难帮扶咨询")
                            .param("message", "家里老人住院，想了解困难帮扶怎么申请。"))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            assertThat(location).matches("/portal/tickets/\\d+");
            TicketDetails ticket = tickets.get(Long.parseLong(location.substring("/portal/tickets/".length())), family);
            assertThat(ticket.desk()).isEqualTo(Desk.HR);
            assertThat(ticket.channel()).isEqualTo(Channel.CHAT);
            assertThat(ticket.description()).isEqualTo("家里老人住院，想了解困难帮扶怎么申请。");
        }

        @Test
        void aChatTheRequesterLeftIsClosedAfterTheIdleTimeWithTheTranscriptKept() {
            CurrentUser employee = user("employee");
            ChatView started = chat.start("工资条在哪里看？", employee);
            chat.post(started.id(), "在门户的“我的薪资”里。", user(started.agentName().equals("孙人事") ? "hr" : "payroll"));
            jdbc.update(
                    "update chat_conversations set requester_seen_at = ? where id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofMinutes(9))),
                    started.id());
            sweep.closeIdle();
            assertThat(chat.view(started.id(), employee).state()).isEqualTo(ChatView.State.ACTIVE);

            jdbc.update(
                    "update chat_conversations set requester_seen_at = ? where id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofMinutes(11))),
                    started.id());
            sweep.closeIdle();
            ChatView closed = chat.view(started.id(), employee);
            assertThat(closed.state()).isEqualTo(ChatView.State.CLOSED);
            assertThat(tickets.get(started.ticketId(), employee).timeline())
                    .anySatisfy(e -> assertThat(e.body())
                            .contains("工资条在哪里看？")
                            .contains("在门户的“我的薪资”里。")
                            .contains("咨询人已离开，会话自动结束"));
        }

        @Test
        void aChatAboutAnOpenTicketIsThatTicketsAndItsTranscriptLandsThere() {
            CurrentUser employee = user("employee");
            TicketDetails asked = askHrOnThePortal("公积金提取进度", "上周提交的提取申请到哪一步了？", employee);
            assertThatThrownBy(() -> chat.start("这是谁的工单？", asked.id(), user("distributor2")))
                    .isInstanceOf(TicketNotFound.class);

            ChatView started = chat.start("想问问这张工单的进度", asked.id(), employee);
            assertThat(started.ticketId()).isEqualTo(asked.id());
            assertThat(started.state()).isEqualTo(ChatView.State.ACTIVE);
            CurrentUser agent = user(started.agentName().equals("孙人事") ? "hr" : "payroll");
            chat.post(started.id(), "已到审批环节，预计明天到账。", agent);
            chat.close(started.id(), agent);
            assertThat(tickets.get(asked.id(), employee).timeline())
                    .anySatisfy(e -> assertThat(e.body()).contains("想问问这张工单的进度", "已到审批环节，预计明天到账。"));
            assertThat(jdbc.queryForObject(
                            "select count(*) from tickets where channel = 'CHAT' and description like '想问问这张工单的进度%'",
                            Integer.class))
                    .isZero();
        }

        @Test
        void anotherDistributorCanNeitherReadNorPostIntoSomeoneElsesChat() throws Exception {
            ChatView mine = chat.start("只给我们看的问题", user("distributor"));
            mvc.perform(get("/chat/" + mine.id()).with(httpBasic("distributor2", "demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/chat/" + mine.id() + "/events").with(httpBasic("distributor2", "demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/chat/" + mine.id() + "/messages")
                            .with(httpBasic("distributor2", "demo"))
                            .with(csrf())
                            .param("body", "偷看"))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/chat/" + mine.id() + "/close")
                            .with(httpBasic("distributor2", "demo"))
                            .with(csrf()))
                    .andExpect(status().isNotFound());
            // nor an agent of the desk whom the chat was not given to
            mvc.perform(get("/chat/" + mine.id()).with(httpBasic("hr", "demo"))).andExpect(status().isNotFound());
            assertThat(chat.view(mine.id(), user("distributor")).messages())
                    .extracting(m -> m.body())
                    .doesNotContain("偷看");
            chat.close(mine.id(), user("distributor"));
        }
    }

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/chat-h2",
                "backstop.sla.escalation.enabled=false",
                "backstop.chat.calendar=24X7",
                "backstop.chat.assign-interval=1h",
                "spring.datasource.url=jdbc:h2:mem:chat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnH2 extends Scenarios {}

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @PostgresTest
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/chat-pg",
                "backstop.sla.escalation.enabled=false",
                "backstop.chat.calendar=24X7",
                "backstop.chat.assign-interval=1h",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnPostgres extends Scenarios {

        @Autowired
        javax.sql.DataSource dataSource;

        /**
         * After a portal ticket's commit its requester notice is written and sent in a transaction of its own; the notice
         * row refers to the ticket, which locks the ticket's key until that transaction ends. A chat started about the
         * ticket meanwhile goes to an agent at once, not after the next sweep.
         */
        @Test
        void aChatAboutATicketWhoseNoticeIsStillBeingSentReachesAnAgentAtOnce() throws Exception {
            CurrentUser employee = user("employee");
            TicketDetails asked = askHrOnThePortal("社保转移进度", "社保转移办到哪一步了？", employee);
            ChatView started;
            try (java.sql.Connection notice = dataSource.getConnection()) {
                notice.setAutoCommit(false);
                try (java.sql.PreparedStatement insert = notice.prepareStatement(
                        "insert into requester_notices (ticket_id, event, recipient, channel, language, status, created_at)"
                                + " values (?, 'TEST_SENDING', 'test', 'EMAIL', 'zh-CN', 'PENDING', current_timestamp)")) {
                    insert.setLong(1, asked.id());
                    insert.executeUpdate();
                }
                try {
                    started = chat.start("社保转移的事想再问问", asked.id(), employee);
                } finally {
                    notice.rollback();
                }
            }
            assertThat(started.state())
                    .as("an HR agent is free: the chat is theirs at once")
                    .isEqualTo(ChatView.State.ACTIVE);
            assertThat(started.agentName()).isIn("孙人事", "吴薪酬");
            assertThat(tickets.get(asked.id(), employee).assigneeName()).isEqualTo(started.agentName());
            chat.close(started.id(), employee);
        }
    }
}
