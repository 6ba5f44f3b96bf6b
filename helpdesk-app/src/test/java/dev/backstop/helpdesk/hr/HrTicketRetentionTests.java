package dev.backstop.helpdesk.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.hr.internal.HrRetention;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15 hr-gaps: the retention job deletes a closed HR ticket resolved before the cut-off (3 years) with everything
 * that hangs off it — timeline, tags, attachments and their files, topic, verification attempts, e-mail thread and
 * outbox, notices, bell notifications — clears the link from its calls, and records the count in
 * {@code hr_retention_log}; a recent or still open HR ticket and a ticket of another desk stay. Every foreign key to
 * {@code tickets} must be one the purge knows.
 */
@ResourceLock("context:hr-cases-h2")
@ResourceLock("context:hr-cases-pg")
class HrTicketRetentionTests {

    /** Every table with a foreign key to tickets, and what the purge does about it. */
    static final Map<String, String> REFERRING_TABLES = Map.ofEntries(
            Map.entry("ticket_tags", "deleted (tickets)"),
            Map.entry("ticket_articles", "deleted (tickets)"),
            Map.entry("ticket_attachments", "deleted, files after commit (tickets)"),
            Map.entry("hr_ticket_topics", "deleted (hr)"),
            Map.entry("hr_caller_verifications", "deleted (hr)"),
            Map.entry("calls", "link cleared (calls)"),
            Map.entry("missed_calls", "deleted (calls)"),
            Map.entry("mail_messages", "link cleared (mail)"),
            Map.entry("mail_threads", "deleted (mail)"),
            Map.entry("mail_outbox", "deleted (mail)"),
            Map.entry("requester_notices", "deleted (notifications)"),
            Map.entry("notifications", "deleted (notifications)"),
            Map.entry("chat_conversations", "deleted with messages (chat)"),
            Map.entry("kb_article_tickets", "deleted (knowledge)"),
            Map.entry("kb_articles", "link cleared (knowledge)"),
            Map.entry("kb_escalations", "deleted / link cleared (knowledge)"),
            Map.entry("ticket_surveys", "deleted (surveys)"),
            Map.entry("outreach_recipients", "link cleared (outreach)"),
            Map.entry("ticket_escalations", "deleted (sla)"),
            Map.entry("channel_requests", "deleted with lines (channel)"));

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        DataSource dataSource;

        @Autowired
        HrRetention retention;

        @Test
        void anOldClosedHrTicketGoesWithEverythingThatHangsOffItAndTheDeletionIsRecorded() throws Exception {
            Instant fourYearsAgo = Instant.now().minus(4 * 366, ChronoUnit.DAYS);
            long old = openHr("旧的人事工单 " + UUID.randomUUID());
            long recent = openHr("最近的人事工单 " + UUID.randomUUID());
            long open = openHr("仍未关闭的人事工单 " + UUID.randomUUID());
            long channel = open("CHANNEL", "distributor", "渠道工单 " + UUID.randomUUID());
            for (long id : List.of(old, recent, channel)) {
                state(id, "RESOLVED");
                state(id, "CLOSED");
            }
            String blob = attach(old);
            dependents(old);
            dependents(recent);
            long call = call(old);
            backdate(old, fourYearsAgo);
            backdate(channel, fourYearsAgo);
            jdbc.update(
                    "update tickets set resolved_at = ?, created_at = ? where id = ?",
                    Timestamp.from(fourYearsAgo),
                    Timestamp.from(fourYearsAgo),
                    open);
            long logBefore = jdbc.queryForObject(
                    "select coalesce(max(id), 0) from hr_retention_log where kind = 'HR_TICKETS'", Long.class);

            Map<String, Integer> deleted = retention.run();

            assertThat(deleted.get(HrRetention.HR_TICKETS)).isGreaterThanOrEqualTo(1);
            assertThat(count("tickets", "id", old))
                    .as("the old closed HR ticket")
                    .isZero();
            for (String table : List.of(
                    "ticket_articles",
                    "ticket_attachments",
                    "ticket_tags",
                    "hr_ticket_topics",
                    "mail_threads",
                    "mail_outbox",
                    "requester_notices",
                    "notifications",
                    "calls")) {
                assertThat(count(table, "ticket_id", old)).as(table).isZero();
            }
            assertThat(count("calls", "id", call))
                    .as("the call stays in the call log")
                    .isOne();
            assertThat(count("blobs", "id", blob.substring("blob:".length())))
                    .as("the attachment's file")
                    .isZero();

            assertThat(count("tickets", "id", recent))
                    .as("a recently closed HR ticket")
                    .isOne();
            assertThat(count("mail_threads", "ticket_id", recent)).isOne();
            assertThat(count("tickets", "id", open))
                    .as("an HR ticket reopened or never closed")
                    .isOne();
            assertThat(count("tickets", "id", channel))
                    .as("a ticket of another desk")
                    .isOne();

            List<Map<String, Object>> logged = jdbc.queryForList(
                    "select deleted, cutoff from hr_retention_log where kind = 'HR_TICKETS' and id > ?", logBefore);
            assertThat(logged).isNotEmpty();
            assertThat(logged.stream()
                            .mapToInt(r -> ((Number) r.get("deleted")).intValue())
                            .sum())
                    .isEqualTo(deleted.get(HrRetention.HR_TICKETS));
            assertThat(retention.run().get(HrRetention.HR_TICKETS))
                    .as("a second pass finds nothing")
                    .isZero();
        }

        @Test
        void everyForeignKeyToTicketsIsOneThePurgeKnows() throws Exception {
            TreeSet<String> referring = new TreeSet<>();
            try (var connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                try (ResultSet keys = meta.getExportedKeys(connection.getCatalog(), null, "tickets")) {
                    while (keys.next()) {
                        referring.add(keys.getString("FKTABLE_NAME").toLowerCase());
                    }
                }
            }
            assertThat(referring)
                    .as("a new table referring to tickets needs a TicketsPurging listener in its module")
                    .isEqualTo(new TreeSet<>(REFERRING_TABLES.keySet()));
        }

        long openHr(String subject) throws Exception {
            return open("HR", "employee", subject);
        }

        long open(String desk, String user, String subject) throws Exception {
            String body = mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic(user, "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"desk":"%s","type":"INQUIRY","channel":"PORTAL","subject":"%s",
                                     "description":"保留期测试","tags":["retention"]}""".formatted(desk, subject)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(body, "$.id")).longValue();
        }

        void state(long id, String state) throws Exception {
            String staff = jdbc.queryForObject("select desk from tickets where id = ?", String.class, id)
                            .equals("HR")
                    ? "hr"
                    : "supervisor";
            assertThat(mvc.perform(post("/api/v1/tickets/" + id + "/state")
                                    .with(httpBasic(staff, "demo"))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{\"state\":\"" + state + "\",\"comment\":\"已答复\"}"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as("move %d to %s", id, state)
                    .isEqualTo(200);
        }

        String attach(long id) throws Exception {
            var file = new MockMultipartFile(
                    "file", "证明.pdf", "application/pdf", "%PDF-1.4 retention".getBytes(StandardCharsets.UTF_8));
            assertThat(mvc.perform(multipart("/api/v1/tickets/" + id + "/attachments")
                                    .file(file)
                                    .with(httpBasic("hr", "demo")))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(201);
            return jdbc.queryForObject(
                    "select storage_path from ticket_attachments where ticket_id = ?", String.class, id);
        }

        /** Rows other modules keep about a ticket, as their own code writes them. */
        void dependents(long id) {
            Timestamp now = Timestamp.from(Instant.now());
            long hrlead = jdbc.queryForObject("select id from app_users where username = 'hrlead'", Long.class);
            jdbc.update("""
                    insert into hr_ticket_topics (ticket_id, topic, created_at)
                    select ?, 'LEAVE', ? where not exists (select 1 from hr_ticket_topics where ticket_id = ?)""", id, now, id);
            jdbc.update(
                    "insert into mail_threads (ticket_id, mailbox, address, language) values (?, 'hr', 'e@example.com', 'zh')",
                    id);
            jdbc.update("""
                    insert into mail_outbox (ticket_id, kind, message_id, recipient, subject, body, sender, status,
                                             next_attempt_at, created_at)
                    values (?, 'REPLY', ?, 'e@example.com', 's', 'b', 'hr@example.com', 'SENT', ?, ?)""", id, "<" + UUID.randomUUID() + "@backstop>", now, now);
            jdbc.update("""
                    insert into requester_notices (ticket_id, event, recipient, channel, language, status, created_at)
                    values (?, 'RESOLVED', 'e@example.com', 'EMAIL', 'zh', 'SENT', ?)""", id, now);
            jdbc.update(
                    "insert into notifications (user_id, message_key, ticket_id, created_at) values (?, 'x', ?, ?)",
                    hrlead,
                    id,
                    now);
        }

        long call(long ticket) {
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("""
                    insert into calls (call_id, desk, direction, state, party_kind, ticket_id, updated_at)
                    values (?, 'HR', 'IN', 'ENDED', 'EMPLOYEE', ?, ?)""", "retention-" + UUID.randomUUID(), ticket, now);
            return jdbc.queryForObject("select id from calls where ticket_id = ?", Long.class, ticket);
        }

        void backdate(long id, Instant at) {
            jdbc.update(
                    "update tickets set resolved_at = ?, closed_at = ?, created_at = ?, updated_at = ? where id = ?",
                    Timestamp.from(at),
                    Timestamp.from(at),
                    Timestamp.from(at),
                    Timestamp.from(at),
                    id);
        }

        long count(String table, String column, Object value) {
            return jdbc.queryForObject(
                    "select count(*) from " + table + " where " + column + " = ?", Long.class, value);
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
