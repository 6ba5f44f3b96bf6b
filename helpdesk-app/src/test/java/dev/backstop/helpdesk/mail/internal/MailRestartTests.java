package dev.backstop.helpdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.backstop.helpdesk.HelpdeskApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A node restarted in the middle of reading a mailbox loses and duplicates nothing: the application (on a real
 * PostgreSQL, GreenMail as the IMAP server) is shut down while a pass is halfway through the messages — the message in
 * hand rolls back, some are handled but not flagged — and a new application on the same database reads the mailbox
 * again: every message is exactly one ticket.
 */
class MailRestartTests {

    static final String DESK = "channel@restart.test";
    static final int MESSAGES = 60;
    static final Path DIR = Path.of("target/test-data/mail-restart").toAbsolutePath();

    @Test
    void aRestartInTheMiddleOfAFetchLosesAndDuplicatesNothing() throws Exception {
        // free ports picked when the servers start: a fixed pair collided with a second build on the same machine
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {
            new ServerSetup(3128, "127.0.0.1", "smtp"), new ServerSetup(3244, "127.0.0.1", "imap")
        }));
        mail.start();
        int smtp = mail.getSmtp().getPort();
        int imap = mail.getImap().getPort();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("timezone", "UTC")
                .setPGStartupWait(Duration.ofMinutes(2))
                .start()) {
            GreenMailUser desk = mail.setUser(DESK, DESK, "secret");
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < MESSAGES; i++) {
                desk.deliver(MailTests.Scenarios.message(
                        "restart-" + run + "-" + i + "@example.com",
                        "Question " + i,
                        "Text " + i,
                        "<restart-" + run + "-" + i + "@example.com>",
                        Map.of()));
            }
            String url = pg.getJdbcUrl("postgres", "postgres");
            JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));

            ConfigurableApplicationContext first = start(url, smtp, imap);
            MailboxPoller poller = first.getBean(MailboxPoller.class);
            Thread reading = Thread.ofPlatform().start(() -> {
                try {
                    poller.pass();
                } catch (RuntimeException expected) {
                    // the node is closed under the pass: its pool, its mailbox connection
                }
            });
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> handled(db) >= MESSAGES / 4);
            first.close(); // the node goes away in the middle of its pass
            reading.join(Duration.ofMinutes(1));
            int beforeRestart = handled(db);
            assertThat(beforeRestart).as("the pass was cut short").isLessThan(MESSAGES);

            ConfigurableApplicationContext second = start(url, smtp, imap);
            try {
                MailboxPoller restarted = second.getBean(MailboxPoller.class);
                while (restarted.pass() > 0) {
                    // until nothing is left
                }
                assertThat(db.queryForObject(
                                "select count(*) from mail_messages where message_key like ?",
                                Integer.class,
                                "<restart-" + run + "-%"))
                        .isEqualTo(MESSAGES);
                assertThat(db.queryForObject(
                                "select count(*) from tickets where requester_email like ?",
                                Integer.class,
                                "restart-" + run + "-%"))
                        .as("every message exactly one ticket")
                        .isEqualTo(MESSAGES);
                assertThat(db.queryForObject("""
                                select count(*) from (select requester_email from tickets where requester_email like ?
                                 group by requester_email having count(*) > 1) x""", Integer.class, "restart-" + run + "-%"))
                        .isZero();
            } finally {
                second.close();
            }
        } finally {
            mail.stop();
        }
    }

    private static int handled(JdbcTemplate db) {
        try {
            return db.queryForObject("select count(*) from mail_messages", Integer.class);
        } catch (RuntimeException notYetMigrated) {
            return 0;
        }
    }

    private static ConfigurableApplicationContext start(String jdbcUrl, int smtp, int imap) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.put("server.port", "0");
        props.put("backstop.data-dir", DIR.resolve("app-data").toString());
        props.put("backstop.sla.escalation.enabled", "false");
        props.put("backstop.knowledge.dense", "false");
        // the mailbox's messages are all this test reads: no demo tickets, users or ~1,000 articles to load and index
        props.put("backstop.demo-data", "false");
        props.put("spring.mail.host", "127.0.0.1");
        props.put("spring.mail.port", Integer.toString(smtp));
        props.put("backstop.mail.inbound.initial-delay", "1h");
        props.put("backstop.mail.outbox-initial-delay", "1h");
        props.put("backstop.mail.inbound.idle", "false");
        props.put("backstop.mail.inbound.max-per-pass", "1000");
        props.put("backstop.mail.inbound.mailboxes[0].name", "channel");
        props.put("backstop.mail.inbound.mailboxes[0].host", "127.0.0.1");
        props.put("backstop.mail.inbound.mailboxes[0].port", Integer.toString(imap));
        props.put("backstop.mail.inbound.mailboxes[0].protocol", "imap");
        props.put("backstop.mail.inbound.mailboxes[0].user", DESK);
        props.put("backstop.mail.inbound.mailboxes[0].password", "secret");
        props.put("backstop.mail.inbound.mailboxes[0].desk", "CHANNEL");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "warn");
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(HelpdeskApplication.class).run(args);
    }
}
