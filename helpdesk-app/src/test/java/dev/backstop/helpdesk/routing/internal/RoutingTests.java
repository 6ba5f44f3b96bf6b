package dev.backstop.helpdesk.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.routing.TicketRouting;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import dev.backstop.helpdesk.tickets.TicketDetails;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Value-based routing as agents and supervisors meet it, on H2 and on a real PostgreSQL. */
class RoutingTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        TicketRouting routing;

        @Autowired
        AgentProfiles agents;

        @Autowired
        JdbcTemplate jdbc;

        long open(String json) throws Exception {
            String body = mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic("supervisor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(body, "$.id")).longValue();
        }

        long distributor(String tier) {
            return jdbc.queryForObject("select min(id) from distributors where tier = ?", Long.class, tier);
        }

        CurrentUser newAgent(String username, int capacity, Set<String> skills) {
            jdbc.update(
                    "insert into app_users (username, password_hash, display_name, created_at) values (?, '{noop}x', ?, ?)",
                    username,
                    "坐席" + username,
                    Timestamp.from(Instant.now()));
            long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
            jdbc.update("insert into user_roles (user_id, role) values (?, 'CHANNEL_AGENT')", id);
            agents.configure(id, capacity, skills);
            agents.setPresence(id, Presence.AVAILABLE);
            return new CurrentUser(id, username, "坐席" + username, Set.of(Role.CHANNEL_AGENT), null, null, null, null);
        }

        @Test
        void aVipComplaintGoesFirstAndTheSupervisorSeesWhy() throws Exception {
            long general = open("""
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"普通咨询","distributorId":%d}""".formatted(distributor("GENERAL")));
            long vipComplaint = open("""
                    {"desk":"CHANNEL","type":"COMPLAINT","channel":"PHONE","priority":"HIGH","subject":"VIP 投诉","distributorId":%d}""".formatted(distributor("VIP")));
            String queue = mvc.perform(
                            get("/api/v1/routing/queues/CHANNEL?limit=500").with(httpBasic("supervisor", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Integer> ids = JsonPath.read(queue, "$[*].ticket.id");
            assertThat(ids.indexOf((int) vipComplaint)).isLessThan(ids.indexOf((int) general));
            // every part of the score is shown, and the queue is in the order of the totals Java computes from them
            int at = ids.indexOf((int) vipComplaint);
            assertThat(JsonPath.<Integer>read(queue, "$[" + at + "].score.segment"))
                    .isEqualTo(40);
            assertThat(JsonPath.<Integer>read(queue, "$[" + at + "].score.type"))
                    .isEqualTo(25);
            assertThat(JsonPath.<Integer>read(queue, "$[" + at + "].score.priority"))
                    .isEqualTo(15);
            List<Integer> totals = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                int segment = JsonPath.read(queue, "$[" + i + "].score.segment");
                int type = JsonPath.read(queue, "$[" + i + "].score.type");
                int priority = JsonPath.read(queue, "$[" + i + "].score.priority");
                int sla = JsonPath.read(queue, "$[" + i + "].score.sla");
                int waiting = JsonPath.read(queue, "$[" + i + "].score.waiting");
                totals.add(segment + type + priority + sla + waiting);
            }
            assertThat(totals).isSortedAccordingTo((a, b) -> Integer.compare(b, a));

            mvc.perform(get("/api/v1/routing/queues/CHANNEL").with(httpBasic("backoffice", "demo")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void nextNeedsAnAvailableAgentWithCapacityAndTheRightSkill() throws Exception {
            mvc.perform(put("/api/v1/me/presence")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"presence\":\"AWAY\"}"))
                    .andExpect(status().isOk());
            mvc.perform(post("/api/v1/routing/next")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("tickets.routing.notAvailable"));

            CurrentUser plain = newAgent("plain-" + System.nanoTime(), 1, Set.of());
            long finance = open("""
                    {"desk":"CHANNEL","type":"COMPLAINT","channel":"PHONE","priority":"URGENT","subject":"回款未核销",
                     "distributorId":%d,"skill":"FINANCE"}""".formatted(distributor("VIP")));
            Optional<TicketDetails> got = routing.next(plain);
            assertThat(got).isPresent();
            assertThat(got.get().id()).isNotEqualTo(finance); // the top ticket needs a skill this agent lacks
            assertThat(got.get().assigneeId()).isEqualTo(plain.id());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> routing.next(plain))
                    .hasFieldOrPropertyWithValue("code", "tickets.routing.atCapacity");

            CurrentUser financeAgent = newAgent("finance-" + System.nanoTime(), 5, Set.of("finance"));
            assertThat(routing.next(financeAgent))
                    .get()
                    .extracting(TicketDetails::id)
                    .isEqualTo(finance);
        }

        @Test
        void aKeyAccountWaitsForItsOwnAvailableAccountManagerFirst() throws Exception {
            long account = jdbc.queryForObject(
                    "select min(id) from distributors where tier = 'KEY' and account_manager_id is not null",
                    Long.class);
            long managerEmployee = jdbc.queryForObject(
                    "select account_manager_id from distributors where id = ?", Long.class, account);
            CurrentUser manager = newAgent("am-" + System.nanoTime(), 5, Set.of());
            jdbc.update("update app_users set employee_id = ? where id = ?", managerEmployee, manager.id());
            manager = new CurrentUser(
                    manager.id(),
                    manager.username(),
                    manager.displayName(),
                    manager.roles(),
                    null,
                    managerEmployee,
                    null,
                    null);
            long keyTicket = open("""
                    {"desk":"CHANNEL","type":"COMPLAINT","channel":"PHONE","priority":"URGENT","subject":"重点客户投诉","distributorId":%d}""".formatted(account));
            CurrentUser other = newAgent("other-" + System.nanoTime(), 5, Set.of());
            assertThat(routing.next(other)).get().extracting(TicketDetails::id).isNotEqualTo(keyTicket);
            assertThat(routing.next(manager))
                    .get()
                    .extracting(TicketDetails::id)
                    .isEqualTo(keyTicket);

            long second = open("""
                    {"desk":"CHANNEL","type":"COMPLAINT","channel":"PHONE","priority":"URGENT","subject":"重点客户再次投诉","distributorId":%d}""".formatted(account));
            // (every write to a ticket touches updated_at: that is how each node's routing index sees it)
            jdbc.update(
                    "update tickets set created_at = ?, updated_at = ? where id = ?",
                    Timestamp.from(Instant.now().minusSeconds(600)),
                    Timestamp.from(Instant.now()),
                    second);
            // after the wait, the queue takes it: the best ticket for anyone
            assertThat(routing.next(other)).get().extracting(TicketDetails::id).isEqualTo(second);
        }

        @Test
        void aQueueWithPushAssignmentHandsANewTicketToTheLeastLoadedAgentWithTheSkill() throws Exception {
            mvc.perform(put("/api/v1/routing/admin/queues/CH-POLICY")
                            .with(httpBasic("supervisor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"pushAssignment\":true}"))
                    .andExpect(status().isForbidden());
            mvc.perform(put("/api/v1/routing/admin/queues/CH-POLICY")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"pushAssignment\":true}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.pushAssignment").value(true));
            try {
                jdbc.update("update agent_profiles set presence = 'OFFLINE' where skills like '%POLICY%'");
                CurrentUser busy = newAgent("policy-busy-" + System.nanoTime(), 5, Set.of("POLICY"));
                CurrentUser free = newAgent("policy-free-" + System.nanoTime(), 5, Set.of("POLICY"));
                newAgent("no-policy-" + System.nanoTime(), 5, Set.of("ORDERS"));
                long first = open("""
                        {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"返利政策咨询","skill":"POLICY"}""");
                long firstAssignee =
                        jdbc.queryForObject("select assignee_id from tickets where id = ?", Long.class, first);
                assertThat(firstAssignee).isIn(busy.id(), free.id());
                long second = open("""
                        {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"促销政策咨询","skill":"POLICY"}""");
                long secondAssignee =
                        jdbc.queryForObject("select assignee_id from tickets where id = ?", Long.class, second);
                assertThat(secondAssignee)
                        .isIn(busy.id(), free.id())
                        .isNotEqualTo(firstAssignee); // the less loaded one
                long general = open("""
                        {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"综合咨询"}""");
                assertThat(jdbc.queryForObject("select assignee_id from tickets where id = ?", Long.class, general))
                        .isNull();
            } finally {
                mvc.perform(put("/api/v1/routing/admin/queues/CH-POLICY")
                                .with(httpBasic("admin", "demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"pushAssignment\":false}"))
                        .andExpect(status().isOk());
            }
        }

        /** Another node's writes are seen by this node's routing within backstop.routing.index-refresh (50 ms) and a query. */
        static final long REFRESH_MS = 300;

        /** A ticket written by another app node, straight into the shared database, as that node's JPA would. */
        long writtenByAnotherNode(String key, Long assignee) {
            Instant created = Instant.now().minusSeconds(5 * 3600);
            jdbc.update(
                    """
                    insert into tickets (ticket_key, desk, type, channel, priority, state, requester_kind, subject, segment,
                                         created_at, updated_at, first_response_due, resolution_due, assignee_id, version)
                    values (?, 'CHANNEL', 'COMPLAINT', 'PHONE', 'URGENT', 'NEW', 'UNKNOWN_CALLER', '另一节点创建的工单', 'VIP',
                            ?, ?, ?, ?, ?, 0)""",
                    key,
                    Timestamp.from(created),
                    Timestamp.from(Instant.now()),
                    Timestamp.from(created.plusSeconds(3600)),
                    Timestamp.from(created.plusSeconds(86_400)),
                    assignee);
            return jdbc.queryForObject("select id from tickets where ticket_key = ?", Long.class, key);
        }

        @Test
        void ticketsCreatedOrTakenOnAnotherNodeAreSeenAtTheNextDecision() throws Exception {
            CurrentUser agent = newAgent("node-" + System.nanoTime(), 10, Set.of());
            routing.next(agent); // the routing index of this node is loaded
            // created elsewhere after the index was loaded: the most urgent ticket there is, so it is handed out first
            long elsewhere = writtenByAnotherNode("NODE-" + System.nanoTime(), null);
            Thread.sleep(REFRESH_MS);
            assertThat(routing.next(agent)).get().extracting(TicketDetails::id).isEqualTo(elsewhere);

            // another node creates one and hands it to its own agent before this node decides: never handed out twice
            CurrentUser colleague = newAgent("colleague-" + System.nanoTime(), 10, Set.of());
            long taken = writtenByAnotherNode("TAKEN-" + System.nanoTime(), null);
            jdbc.update(
                    "update tickets set assignee_id = ?, updated_at = ? where id = ?",
                    colleague.id(),
                    Timestamp.from(Instant.now()),
                    taken);
            Thread.sleep(REFRESH_MS);
            assertThat(routing.next(agent)).get().extracting(TicketDetails::id).isNotEqualTo(taken);
            assertThat(jdbc.queryForObject("select assignee_id from tickets where id = ?", Long.class, taken))
                    .isEqualTo(colleague.id());
        }

        @Test
        void agentsAskingAtTheSameMomentNeverGetTheSameTicket() throws Exception {
            for (int i = 0; i < 24; i++) {
                open("""
                        {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"并发派单 %d"}""".formatted(i));
            }
            int n = 8;
            List<CurrentUser> team = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                team.add(newAgent("race-" + i + "-" + System.nanoTime(), 3, Set.of()));
            }
            ExecutorService pool = Executors.newFixedThreadPool(n);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> results = new ArrayList<>();
            try {
                for (CurrentUser agent : team) {
                    results.add(pool.submit(() -> {
                        start.await();
                        List<Long> mine = new ArrayList<>();
                        for (int round = 0; round < 3; round++) {
                            routing.next(agent).ifPresent(t -> mine.add(t.id()));
                        }
                        return mine;
                    }));
                }
                start.countDown();
                List<Long> all = new ArrayList<>();
                for (Future<List<Long>> result : results) {
                    all.addAll(result.get());
                }
                assertThat(all).hasSize(n * 3).doesNotHaveDuplicates();
                for (CurrentUser agent : team) {
                    assertThat(jdbc.queryForObject(
                                    "select count(*) from tickets where assignee_id = ?", Integer.class, agent.id()))
                            .isEqualTo(3);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/routing-h2",
                "backstop.sla.escalation.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:routing;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnH2 extends Scenarios {}

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @PostgresTest
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/routing-pg",
                "backstop.sla.escalation.enabled=false",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnPostgres extends Scenarios {}
}
