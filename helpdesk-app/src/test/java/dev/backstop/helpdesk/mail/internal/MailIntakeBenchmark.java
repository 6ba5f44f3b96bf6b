package dev.backstop.helpdesk.mail.internal;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.backstop.helpdesk.HelpdeskApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * E-mail in at volume (not part of the test run; {@code benchmarks/mail/intake.sh}): {@code MESSAGES} (10,000) messages
 * in a GreenMail IMAP mailbox — a tenth answers to earlier ones (In-Reply-To), a hundredth auto-replies, 2 % delivered
 * twice — read by the app on an embedded PostgreSQL 17. Measures the time until every message is a ticket or an
 * article, then checks the counts (no duplicate, no loop, no loss), then unflags every message on the server (a node
 * that died before flagging) and reads again: nothing may change.
 */
class MailIntakeBenchmark {

    static final int MESSAGES = Integer.parseInt(System.getenv().getOrDefault("MESSAGES", "10000"));
    static final String DESK = "channel@bench.test";
    static final Path DIR = Path.of("target/mail-bench").toAbsolutePath();

    @Test
    void measure() throws Exception {
        int replies = MESSAGES / 10;
        int automatic = MESSAGES / 100;
        int duplicates = MESSAGES / 50;
        int fresh = MESSAGES - replies - automatic - duplicates;
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(3127, "127.0.0.1", "smtp"), new ServerSetup(3243, "127.0.0.1", "imap")
        });
        mail.start();
        Files.createDirectories(DIR);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("timezone", "UTC")
                .setPGStartupWait(Duration.ofMinutes(2))
                .start()) {
            GreenMailUser desk = mail.setUser(DESK, DESK, "secret");
            Random random = new Random(17);
            List<String> ids = new ArrayList<>();
            List<MimeMessage> delivered = new ArrayList<>();
            int f = 0;
            int r = 0;
            int a = 0;
            int d = 0;
            for (int i = 0; i < MESSAGES; i++) {
                MimeMessage message;
                int pick = random.nextInt(MESSAGES - i);
                if (pick < duplicates - d && !delivered.isEmpty()) {
                    message = delivered.get(random.nextInt(delivered.size()));
                    d++;
                } else if (pick < duplicates - d + automatic - a) {
                    message = MailTests.Scenarios.message(
                            "robot" + a + "@bench.test",
                            "Automatic reply",
                            "I am away.",
                            "<auto-" + a + "@bench.test>",
                            Map.of("Auto-Submitted", "auto-replied"));
                    a++;
                } else if (pick < duplicates - d + automatic - a + replies - r && !ids.isEmpty()) {
                    int to = random.nextInt(ids.size());
                    message = MailTests.Scenarios.message(
                            "person" + to + "@bench.test",
                            "Re: question " + to,
                            "More detail " + r,
                            "<reply-" + r + "@bench.test>",
                            Map.of("In-Reply-To", ids.get(to)));
                    r++;
                } else {
                    String id = "<new-" + f + "@bench.test>";
                    message = MailTests.Scenarios.message(
                            "person" + f + "@bench.test", "question " + f, "订单 " + f + " 没有到，请查一下。", id, Map.of());
                    ids.add(id);
                    f++;
                }
                desk.deliver(message);
                delivered.add(message);
            }
            // what was actually delivered (a duplicate or reply drawn before anything existed became a new message)
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("new", f);
            expected.put("replies", r);
            expected.put("automatic", a);
            expected.put("duplicates", d);

            ConfigurableApplicationContext app = start(pg.getJdbcUrl("postgres", "postgres"));
            try {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                MailboxPoller poller = app.getBean(MailboxPoller.class);
                MailDispatcher dispatcher = app.getBean(MailDispatcher.class);
                int ticketsBefore = jdbc.queryForObject("select count(*) from tickets", Integer.class);

                long start = System.nanoTime();
                int passes = 0;
                while (poller.pass() > 0) {
                    passes++;
                }
                double intakeSeconds = (System.nanoTime() - start) / 1e9;
                long sendStart = System.nanoTime();
                while (dispatcher.sendDue() > 0) {
                    // the acknowledgements
                }
                double ackSeconds = (System.nanoTime() - sendStart) / 1e9;

                Map<String, Object> counts = counts(jdbc, ticketsBefore);
                // everything the server holds, less what was delivered to the desk's own mailbox
                int acksReceived = mail.getReceivedMessages().length - MESSAGES;

                unflag();
                long again = System.nanoTime();
                while (poller.pass() > 0) {
                    // every message again: each must be recognised as handled
                }
                double rereadSeconds = (System.nanoTime() - again) / 1e9;
                Map<String, Object> afterReread = counts(jdbc, ticketsBefore);

                report(
                        expected,
                        counts,
                        afterReread,
                        passes,
                        intakeSeconds,
                        ackSeconds,
                        acksReceived,
                        rereadSeconds,
                        jdbc.queryForObject("select version()", String.class));
            } finally {
                app.close();
            }
        } finally {
            mail.stop();
        }
    }

    private static Map<String, Object> counts(JdbcTemplate jdbc, int ticketsBefore) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("tickets opened by e-mail", jdbc.queryForObject("""
                select count(*) from tickets t join app_users u on u.id = t.created_by where u.username = 'mail-intake'""", Integer.class));
        counts.put("answers threaded onto tickets", jdbc.queryForObject("""
                select count(*) from ticket_articles a join app_users u on u.id = a.author_id
                 where u.username = 'mail-intake' and a.kind = 'PUBLIC_REPLY'""", Integer.class));
        counts.put("messages recorded", jdbc.queryForObject("select count(*) from mail_messages", Integer.class));
        counts.put(
                "auto-replies ignored",
                jdbc.queryForObject("select count(*) from mail_messages where outcome = 'AUTOMATIC'", Integer.class));
        counts.put(
                "tickets for auto-replies",
                jdbc.queryForObject("select count(*) from tickets where requester_email like 'robot%'", Integer.class));
        counts.put(
                "acknowledgements queued",
                jdbc.queryForObject("select count(*) from mail_outbox where kind = 'ACK'", Integer.class));
        counts.put(
                "acknowledgements to auto-repliers",
                jdbc.queryForObject("select count(*) from mail_outbox where recipient like 'robot%'", Integer.class));
        counts.put(
                "tickets with two acknowledgements",
                jdbc.queryForObject(
                        "select count(*) from (select ticket_id from mail_outbox where kind = 'ACK' group by ticket_id having count(*) > 1) x",
                        Integer.class));
        counts.put(
                "all tickets (before: " + ticketsBefore + ")",
                jdbc.queryForObject("select count(*) from tickets", Integer.class));
        return counts;
    }

    private static void report(
            Map<String, Object> expected,
            Map<String, Object> counts,
            Map<String, Object> afterReread,
            int passes,
            double intakeSeconds,
            double ackSeconds,
            int acksReceived,
            double rereadSeconds,
            String pgVersion)
            throws Exception {
        StringBuilder out = new StringBuilder("# E-mail in: " + MESSAGES + " messages from one IMAP mailbox\n\n");
        out.append("Run ")
                .append(Instant.now())
                .append(" · ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores (shared with other sessions; load average at the end %.1f) · JVM "
                        .formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(System.getProperty("java.version"))
                .append(" · max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .append(" MB · ")
                .append(pgVersion.split(",")[0])
                .append(" (embedded) · GreenMail IMAP/SMTP in the same JVM · fetch batch ")
                .append(System.getenv().getOrDefault("FETCH_BATCH", "500"))
                .append(", at most ")
                .append(System.getenv().getOrDefault("MAX_PER_PASS", "5000"))
                .append(" messages a pass\n\n");
        out.append("## Delivered to the mailbox\n\n");
        expected.forEach(
                (k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        out.append("\n## Time\n\n| step | seconds | per message |\n|---|---|---|\n");
        out.append("| read all messages into tickets and articles (%d passes) | %.1f | %.1f ms (%.1f messages/s) |\n"
                .formatted(passes, intakeSeconds, intakeSeconds * 1000 / MESSAGES, MESSAGES / intakeSeconds));
        out.append("| send the acknowledgements (SMTP) | %.1f | %.1f ms |\n"
                .formatted(ackSeconds, ackSeconds * 1000 / Math.max(1, acksReceived)));
        out.append("| read everything again after the flags were lost (must change nothing) | %.1f | %.1f ms |\n\n"
                .formatted(rereadSeconds, rereadSeconds * 1000 / MESSAGES));
        out.append("## Counts\n\n| what | after reading | after reading again |\n|---|---|---|\n");
        counts.forEach((k, v) -> out.append("| ")
                .append(k)
                .append(" | ")
                .append(v)
                .append(" | ")
                .append(afterReread.get(k))
                .append(" |\n"));
        out.append("| acknowledgements received by the SMTP server | ")
                .append(acksReceived)
                .append(" | |\n");
        boolean ok = counts.get("tickets opened by e-mail").equals(expected.get("new"))
                && counts.get("answers threaded onto tickets").equals(expected.get("replies"))
                && counts.get("auto-replies ignored").equals(expected.get("automatic"))
                && counts.get("tickets for auto-replies").equals(0)
                && counts.get("acknowledgements to auto-repliers").equals(0)
                && counts.get("tickets with two acknowledgements").equals(0)
                && counts.equals(afterReread);
        out.append("\nVerdict: ")
                .append(ok ? "no duplicate, no loop, no loss" : "**COUNTS DO NOT MATCH**")
                .append('\n');
        out.append("\nJVM: ")
                .append(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .append('\n');
        String target = System.getProperty("backstop.benchmark.out");
        Path file = target == null ? DIR.resolve("RESULTS.md") : Path.of(target);
        Files.writeString(file, out);
        System.out.println(out);
        if (!ok) {
            throw new AssertionError("counts do not match:\n" + out);
        }
    }

    private static void unflag() throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", 3243, DESK, "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Flags flags = new Flags(Flags.Flag.SEEN);
            flags.add(MailboxPoller.PROCESSED);
            inbox.setFlags(1, inbox.getMessageCount(), flags, false);
            inbox.close(false);
        }
    }

    private static ConfigurableApplicationContext start(String jdbcUrl) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        props.put("server.port", "0");
        props.put("backstop.data-dir", DIR.resolve("app-data").toString());
        props.put("backstop.sla.escalation.enabled", "false");
        props.put("backstop.knowledge.dense", "false");
        props.put("spring.mail.host", "127.0.0.1");
        props.put("spring.mail.port", "3127");
        props.put("backstop.mail.inbound.initial-delay", "1h");
        props.put("backstop.mail.outbox-initial-delay", "1h");
        props.put("backstop.mail.inbound.max-per-pass", System.getenv().getOrDefault("MAX_PER_PASS", "5000"));
        // GreenMail answers every FETCH / STORE / SEARCH in time quadratic in the folder's size, however few messages
        // it names (ImapSessionFolder.getMsn rebuilds the folder's UID list per message): fewer, larger batches
        props.put("backstop.mail.inbound.fetch-batch", System.getenv().getOrDefault("FETCH_BATCH", "500"));
        props.put("backstop.mail.inbound.timeout", "10m"); // one such command on 10,000 messages can take > 20 s
        props.put("backstop.mail.inbound.idle", "false"); // the benchmark drives the passes itself
        props.put("backstop.mail.inbound.mailboxes[0].name", "channel");
        props.put("backstop.mail.inbound.mailboxes[0].host", "127.0.0.1");
        props.put("backstop.mail.inbound.mailboxes[0].port", "3243");
        props.put("backstop.mail.inbound.mailboxes[0].protocol", "imap");
        props.put("backstop.mail.inbound.mailboxes[0].user", DESK);
        props.put("backstop.mail.inbound.mailboxes[0].password", "secret");
        props.put("backstop.mail.inbound.mailboxes[0].desk", "CHANNEL");
        props.put("logging.level.root", "warn");
        props.put("spring.main.banner-mode", "off");
        String[] args = props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(HelpdeskApplication.class).run(args);
    }
}
