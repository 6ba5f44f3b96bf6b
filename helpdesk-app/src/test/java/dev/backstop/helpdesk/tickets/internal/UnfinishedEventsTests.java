package dev.backstop.helpdesk.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.shared.UnfinishedEvents;
import dev.backstop.helpdesk.tickets.TicketOpened;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node killed between a ticket's commit and its push assignment leaves the publication unfinished in the registry;
 * the resubmission pass hands it to the listener again and the ticket is pushed to an agent.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"backstop.data-dir=./target/test-data/unfinished-events", "backstop.sla.escalation.enabled=false",
        "backstop.events.resubmit-initial-delay=1h"})
class UnfinishedEventsTests {

    static final String PUSH_LISTENER = "dev.backstop.helpdesk.tickets.internal.PushAssignment.on(dev.backstop.helpdesk.tickets.TicketOpened)";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventPublicationRegistry registry;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AgentProfiles agents;

    @Autowired
    UnfinishedEvents unfinished;

    @Test
    void aPushAssignmentLeftUnfinishedByADeadNodeIsDoneByTheResubmissionPass() throws Exception {
        String body = mvc.perform(post("/api/v1/tickets").with(httpBasic("agent", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"未完成的推送","skill":"POLICY"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long ticket = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(assignee(ticket)).as("the queue does not push yet").isNull();
        setPush(true);
        try {
            jdbc.update("update agent_profiles set presence = 'OFFLINE' where skills like '%POLICY%'");
            long agent = newAgent("push-late-" + System.nanoTime());
            // what the dead node left: the publication stored with the ticket's commit, its listener never finished
            Map<String, Object> row = jdbc.queryForMap("select ticket_key from tickets where id = ?", ticket);
            transaction.executeWithoutResult(tx -> registry.store(new TicketOpened(ticket, (String) row.get("ticket_key"),
                    dev.backstop.helpdesk.tickets.Desk.CHANNEL, dev.backstop.helpdesk.tickets.TicketType.INQUIRY,
                    dev.backstop.helpdesk.tickets.Priority.NORMAL, Instant.now()), Stream.of(PublicationTargetIdentifier.of(PUSH_LISTENER))));
            jdbc.update("update event_publication set publication_date = ? where completion_date is null",
                    Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))));

            unfinished.resubmit();

            assertThat(assignee(ticket)).isEqualTo(agent);
            assertThat(jdbc.queryForObject("select count(*) from event_publication where listener_id = ? and completion_date is null",
                    Integer.class, PUSH_LISTENER)).as("finished now").isZero();
        } finally {
            setPush(false);
        }
    }

    Long assignee(long ticket) {
        return jdbc.queryForObject("select assignee_id from tickets where id = ?", Long.class, ticket);
    }

    void setPush(boolean push) throws Exception {
        mvc.perform(put("/api/v1/routing/admin/queues/CH-POLICY").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"pushAssignment\":" + push + "}")).andExpect(status().isOk());
    }

    long newAgent(String username) {
        jdbc.update("insert into app_users (username, password_hash, display_name, created_at) values (?, '{noop}x', ?, ?)",
                username, "坐席" + username, Timestamp.from(Instant.now()));
        long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
        jdbc.update("insert into user_roles (user_id, role) values (?, 'CHANNEL_AGENT')", id);
        agents.configure(id, 5, Set.of("POLICY"));
        agents.setPresence(id, Presence.AVAILABLE);
        return id;
    }
}
