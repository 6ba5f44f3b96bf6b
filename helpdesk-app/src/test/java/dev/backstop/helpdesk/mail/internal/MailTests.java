package dev.backstop.helpdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import dev.backstop.helpdesk.testsupport.TestLocks;
import dev.backstop.helpdesk.testsupport.TestMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * E-mail in and out against GreenMail as a real IMAP and SMTP server: the desk mailbox {@code channel@desk.test}
 * (channel desk) and a mailbox whose server is unreachable (HR desk).
 */
@ResourceLock(TestLocks.MAIL_PORTS)
class MailTests {

    static final String DESK = "channel@desk.test";

    /** One server for both databases' scenarios (an extension here would start it again for each nested class). */
    static final GreenMail mail = new GreenMail(TestMail.SMTP_IMAP);

    @BeforeAll
    static void startMailServer() {
        mail.start();
        mail.setUser(DESK, DESK, "secret");
    }

    @AfterAll
    static void stopMailServer() {
        mail.stop();
    }

    /** The scenarios, run once on H2 and once on a real PostgreSQL; the mail server starts empty for each test. */
    abstract static class Scenarios {

        @BeforeEach
        void anEmptyMailServer() throws Exception {
            mail.purgeEmailFromAllMailboxes();
        }

        @Autowired
        MailboxPoller poller;

        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        MockMvc mvc;

        @Autowired
        MailSettings settings;

        @Autowired
        net.javacrumbs.shedlock.core.LockProvider lockProvider;

        @BeforeEach
        void everyMailboxIsDue() {
            jdbc.update("update mail_mailboxes set next_attempt_at = null");
        }

        @Test
        void aNewMailOpensATicketAtTheMailboxDeskAndAnswersThreadOntoItByHeadersAndByKey() throws Exception {
            String contact = jdbc.queryForObject(
                    "select min(email) from distributor_contacts where email is not null", String.class);
            String first = deliver(contact, "订单 A 迟迟未到", "请帮忙查一下订单。", Map.of());
            poller.pass();

            Map<String, Object> ticket = ticketOf(first);
            assertThat(ticket.get("desk")).isEqualTo("CHANNEL");
            assertThat(ticket.get("channel")).isEqualTo("EMAIL");
            assertThat(ticket.get("requester_kind")).isEqualTo("DISTRIBUTOR_CONTACT");
            assertThat(ticket.get("distributor_id")).isNotNull();
            String key = (String) ticket.get("ticket_key");
            long id = ((Number) ticket.get("id")).longValue();

            // one acknowledgement, marked automatic, with the key in the subject, in the sender's language
            await().atMost(Duration.ofSeconds(10)).until(() -> inbox(contact).size() == 1);
            MimeMessage ack = inbox(contact).getFirst();
            assertThat(ack.getSubject()).contains(key).contains("已收到");
            assertThat(ack.getHeader("Auto-Submitted", ",")).isEqualTo("auto-replied");
            assertThat(ack.getHeader("In-Reply-To", ",")).isEqualTo(first);

            deliver(contact, "Re: 订单 A 迟迟未到", "补充：订单号见附件。", Map.of("In-Reply-To", first, "References", first));
            deliver(contact, "还有一件事 " + key, "只带工单号的邮件也归到同一工单。", Map.of());
            poller.pass();

            assertThat(jdbc.queryForObject(
                            "select count(*) from tickets where channel = 'EMAIL' and requester_email = ?",
                            Integer.class,
                            contact))
                    .isEqualTo(1);
            assertThat(jdbc.queryForList(
                            "select body from ticket_articles where ticket_id = ? and kind = 'PUBLIC_REPLY' order by id",
                            String.class,
                            id))
                    .containsExactly("补充：订单号见附件。", "只带工单号的邮件也归到同一工单。");
            assertThat(inbox(contact))
                    .as("at most one acknowledgement per ticket")
                    .hasSize(1);
        }

        @Test
        void theSameMessageFetchedTwiceMakesOneTicketWithOrWithoutAMessageId() throws Exception {
            String sender = "twice-" + UUID.randomUUID() + "@example.com";
            MimeMessage withId = message(
                    sender,
                    "Printer broken",
                    "It prints blank pages.",
                    "<twice-" + UUID.randomUUID() + "@example.com>",
                    Map.of());
            MimeMessage withoutId = message(sender, "Second question", "No Message-ID here.", null, Map.of());
            for (MimeMessage m : List.of(withId, withId, withoutId, withoutId)) {
                mail.getUserManager().getUser(DESK).deliver(m);
            }
            poller.pass();

            assertThat(jdbc.queryForList(
                            "select subject from tickets where requester_email = ? order by id", String.class, sender))
                    .containsExactly("Printer broken", "Second question");
            assertThat(jdbc.queryForObject("""
                    select count(*) from ticket_articles a join tickets t on t.id = a.ticket_id
                     where t.requester_email = ? and a.kind in ('CREATED', 'PUBLIC_REPLY')""", Integer.class, sender)).isEqualTo(2);
        }

        @Test
        void aNodeThatDiesAfterHandlingButBeforeFlaggingLosesAndDuplicatesNothing() throws Exception {
            String sender = "restart-" + UUID.randomUUID() + "@example.com";
            for (int i = 0; i < 5; i++) {
                deliver(sender, "Question " + i, "Text " + i, Map.of());
            }
            poller.pass();
            int tickets = jdbc.queryForObject("select count(*) from tickets", Integer.class);
            int articles = jdbc.queryForObject("select count(*) from ticket_articles", Integer.class);

            unflagEverything(); // as if the node had died after its commits and before it flagged the messages
            poller.pass();

            assertThat(jdbc.queryForObject("select count(*) from tickets", Integer.class))
                    .isEqualTo(tickets);
            assertThat(jdbc.queryForObject("select count(*) from ticket_articles", Integer.class))
                    .isEqualTo(articles);
            assertThat(jdbc.queryForList(
                            "select subject from tickets where requester_email = ? order by id", String.class, sender))
                    .containsExactly("Question 0", "Question 1", "Question 2", "Question 3", "Question 4");
        }

        @Test
        void whereTheServerOffersIdleANewMailIsReadAtOnceWithoutWaitingForThePoll() throws Exception {
            MailboxIdle idle = new MailboxIdle(settings, poller, lockProvider, true);
            idle.start();
            try {
                await().atMost(Duration.ofSeconds(15)).until(() -> idle.idling().contains("channel"));
                String sender = "idle-" + UUID.randomUUID() + "@example.com";
                deliver(sender, "Pushed, not polled", "The scheduled poll waits an hour in this test.", Map.of());
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> jdbc.queryForObject(
                                        "select count(*) from tickets where requester_email = ?", Integer.class, sender)
                                == 1);
            } finally {
                idle.stop();
            }
        }

        @Test
        void autoRepliesAndBouncesNeitherOpenTicketsNorGetAnswered() throws Exception {
            String robot = "robot-" + UUID.randomUUID() + "@example.com";
            deliver(robot, "Out of office", "I am away.", Map.of("Auto-Submitted", "auto-replied"));
            deliver(robot, "自动回复：休假中", "休假中。", Map.of("X-Autoreply", "yes"));
            deliver(robot, "Newsletter", "Bulk.", Map.of("Precedence", "bulk"));
            mail.getUserManager().getUser(DESK).deliver(bounce("mailer-daemon@example.com"));
            deliver(DESK, "Loop", "From the desk itself.", Map.of());
            int before = jdbc.queryForObject("select count(*) from tickets", Integer.class);
            java.sql.Timestamp passStarted = java.sql.Timestamp.from(java.time.Instant.now());

            poller.pass();

            assertThat(jdbc.queryForObject("select count(*) from tickets", Integer.class))
                    .isEqualTo(before);
            assertThat(jdbc.queryForList(
                            "select outcome from mail_messages where message_key in (select message_key from mail_messages)"
                                    + " and outcome in ('AUTOMATIC', 'OWN_ADDRESS')",
                            String.class))
                    .contains("AUTOMATIC", "OWN_ADDRESS");
            // anything the pass set off after its commits (an answer, an acknowledgement) runs as a listener guarded
            // by the publication registry, whose rows are deleted when done: once none from the pass is left, no mail
            // is
            // on its way (instead of a fixed 300 ms)
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from event_publication where publication_date >= ?",
                                    Integer.class,
                                    passStarted)
                            == 0);
            assertThat(inbox(robot)).isEmpty();
            assertThat(inbox("mailer-daemon@example.com")).isEmpty();
        }

        @Test
        void theAgentsReplyReachesTheRequesterWithTheKeyInTheSubjectAndThreads() throws Exception {
            String sender = "lin-" + UUID.randomUUID() + "@example.com";
            String first = deliver(sender, "How do I reset my password?", "I forgot it.", Map.of());
            poller.pass();
            Map<String, Object> ticket = ticketOf(first);
            long id = ((Number) ticket.get("id")).longValue();
            String key = (String) ticket.get("ticket_key");
            await().atMost(Duration.ofSeconds(10)).until(() -> inbox(sender).size() == 1); // the acknowledgement

            mvc.perform(post("/api/v1/tickets/" + id + "/notes")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"internal only\"}"))
                    .andExpect(status().isOk());
            mvc.perform(post("/api/v1/tickets/" + id + "/replies")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"Use the link on the sign-in page.\"}"))
                    .andExpect(status().isOk());

            await().atMost(Duration.ofSeconds(10)).until(() -> inbox(sender).size() == 2);
            MimeMessage reply = inbox(sender).get(1);
            assertThat(reply.getSubject()).isEqualTo("[" + key + "] Re: How do I reset my password?");
            assertThat(reply.getHeader("In-Reply-To", ",")).isNotBlank();
            assertThat(reply.getHeader("References", ",")).contains(first);
            assertThat(reply.getHeader("Auto-Submitted")).isNull();
            assertThat(reply.getFrom()[0].toString()).isEqualTo(DESK);
            String body = GreenMailUtil.getBody(reply);
            assertThat(body)
                    .contains("Use the link on the sign-in page.")
                    .contains("Backstop service desk")
                    .doesNotContain("internal only");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from ticket_articles where ticket_id = ? and kind = 'INTERNAL_NOTE' and body like '%E-mailed to%'",
                                    Integer.class, id)
                            == 1);

            // the requester answers the desk's reply from their mail client: it threads by In-Reply-To
            String messageId = reply.getMessageID();
            deliver(sender, "Re: " + reply.getSubject(), "Thanks, that worked.", Map.of("In-Reply-To", messageId));
            poller.pass();
            assertThat(jdbc.queryForList(
                            "select body from ticket_articles where ticket_id = ? and kind = 'PUBLIC_REPLY' order by id",
                            String.class,
                            id))
                    .containsExactly("Use the link on the sign-in page.", "Thanks, that worked.");
        }

        @Test
        void aFailingMailboxBacksOffIsShownToAdminsAndNeverStopsTheOther() throws Exception {
            String sender = "other-" + UUID.randomUUID() + "@example.com";
            deliver(sender, "Still read", "The channel mailbox is read although HR's server is down.", Map.of());

            poller.pass();

            assertThat(jdbc.queryForObject(
                            "select count(*) from tickets where requester_email = ?", Integer.class, sender))
                    .isEqualTo(1);
            Map<String, Object> broken = jdbc.queryForMap(
                    "select failures, next_attempt_at, last_error from mail_mailboxes where name = 'broken'");
            assertThat(((Number) broken.get("failures")).intValue()).isGreaterThanOrEqualTo(1);
            assertThat(broken.get("next_attempt_at")).isNotNull();
            assertThat(jdbc.queryForObject("select failures from mail_mailboxes where name = 'channel'", Integer.class))
                    .isZero();

            mvc.perform(get("/admin/mail").with(httpBasic("admin", "demo")).header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Failing (")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("hr@desk.test")))
                    .andExpect(content()
                            .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
            mvc.perform(get("/admin/mail").with(httpBasic("admin", "demo")).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("电子邮件收件箱")));
            mvc.perform(get("/admin/mail").with(httpBasic("agent", "demo"))).andExpect(status().isForbidden());
        }

        @Test
        void htmlMailIsReadAsItsTextWithoutScriptsOrRemoteImages() {
            String text = MessageParser.htmlToText(
                    "<html><head><style>p{}</style><script>alert(1)</script></head><body>"
                            + "<p>您好，<b>订单</b> 没到</p><img src=\"https://tracker.example.com/p.gif\"><div>谢谢</div></body></html>");
            assertThat(text)
                    .contains("您好，订单 没到")
                    .contains("谢谢")
                    .doesNotContain("alert")
                    .doesNotContain("tracker")
                    .doesNotContain("<");
        }

        private Map<String, Object> ticketOf(String messageId) {
            return jdbc.queryForMap("""
                    select t.* from tickets t join mail_messages m on m.ticket_id = t.id where m.message_key = ?""", messageId);
        }

        private String deliver(String from, String subject, String text, Map<String, String> headers) throws Exception {
            String id = "<" + UUID.randomUUID() + "@example.com>";
            mail.getUserManager().getUser(DESK).deliver(message(from, subject, text, id, headers));
            return id;
        }

        static MimeMessage message(
                String from, String subject, String text, String messageId, Map<String, String> headers)
                throws MessagingException {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    if (messageId == null) {
                        removeHeader("Message-ID");
                    } else {
                        setHeader("Message-ID", messageId);
                    }
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, DESK);
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(new java.util.Date(1_780_000_000_000L));
            for (var header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.saveChanges();
            return message;
        }

        private static MimeMessage bounce(String from) throws MessagingException {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, DESK);
            message.setSubject("Undelivered Mail Returned to Sender");
            MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
            MimeBodyPart human = new MimeBodyPart();
            human.setText("Your message could not be delivered.");
            report.addBodyPart(human);
            MimeBodyPart status = new MimeBodyPart();
            status.setContent(
                    "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; nobody@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n",
                    "message/delivery-status");
            report.addBodyPart(status);
            message.setContent(report);
            message.saveChanges();
            return message;
        }

        private static List<MimeMessage> inbox(String address) {
            return Arrays.stream(mail.getReceivedMessages())
                    .filter(m -> {
                        try {
                            return m.getAllRecipients() != null
                                    && Arrays.stream(m.getAllRecipients())
                                            .anyMatch(a -> a.toString().equals(address))
                                    && !Arrays.stream(m.getAllRecipients())
                                            .anyMatch(a -> a.toString().equals(DESK));
                        } catch (MessagingException e) {
                            return false;
                        }
                    })
                    .toList();
        }

        private static void unflagEverything() throws MessagingException {
            Session session = Session.getInstance(new Properties());
            try (Store store = session.getStore("imap")) {
                store.connect("localhost", TestMail.IMAP_PORT, DESK, "secret");
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                Flags flags = new Flags(Flags.Flag.SEEN);
                flags.add(MailboxPoller.PROCESSED);
                inbox.setFlags(1, inbox.getMessageCount(), flags, false);
                inbox.close(false);
            }
        }
    }

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/mail-h2",
                "spring.datasource.url=jdbc:h2:mem:mailtests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "backstop.security.login.delay-per-failure=0ms",
                "spring.mail.host=localhost",
                "spring.mail.port=${backstop.test.smtp-port:3025}",
                "backstop.mail.inbound.initial-delay=1h",
                "backstop.mail.outbox-initial-delay=1h",
                "backstop.mail.inbound.mailboxes[0].name=channel",
                "backstop.mail.inbound.mailboxes[0].host=localhost",
                "backstop.mail.inbound.mailboxes[0].port=${backstop.test.imap-port:3143}",
                "backstop.mail.inbound.mailboxes[0].protocol=imap",
                "backstop.mail.inbound.mailboxes[0].user=channel@desk.test",
                "backstop.mail.inbound.mailboxes[0].password=secret",
                "backstop.mail.inbound.mailboxes[0].desk=CHANNEL",
                "backstop.mail.inbound.mailboxes[1].name=broken",
                "backstop.mail.inbound.mailboxes[1].host=localhost",
                "backstop.mail.inbound.mailboxes[1].port=3999",
                "backstop.mail.inbound.mailboxes[1].protocol=imap",
                "backstop.mail.inbound.mailboxes[1].user=hr@desk.test",
                "backstop.mail.inbound.mailboxes[1].password=secret",
                "backstop.mail.inbound.mailboxes[1].desk=HR",
                "backstop.mail.inbound.timeout=2s",
                "backstop.mail.inbound.idle=false"
            })
    class OnH2 extends Scenarios {}

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @PostgresTest
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/mail-pg",
                "backstop.security.login.delay-per-failure=0ms",
                "spring.mail.host=localhost",
                "spring.mail.port=${backstop.test.smtp-port:3025}",
                "backstop.mail.inbound.initial-delay=1h",
                "backstop.mail.outbox-initial-delay=1h",
                "backstop.mail.inbound.mailboxes[0].name=channel",
                "backstop.mail.inbound.mailboxes[0].host=localhost",
                "backstop.mail.inbound.mailboxes[0].port=${backstop.test.imap-port:3143}",
                "backstop.mail.inbound.mailboxes[0].protocol=imap",
                "backstop.mail.inbound.mailboxes[0].user=channel@desk.test",
                "backstop.mail.inbound.mailboxes[0].password=secret",
                "backstop.mail.inbound.mailboxes[0].desk=CHANNEL",
                "backstop.mail.inbound.mailboxes[1].name=broken",
                "backstop.mail.inbound.mailboxes[1].host=localhost",
                "backstop.mail.inbound.mailboxes[1].port=3999",
                "backstop.mail.inbound.mailboxes[1].protocol=imap",
                "backstop.mail.inbound.mailboxes[1].user=hr@desk.test",
                "backstop.mail.inbound.mailboxes[1].password=secret",
                "backstop.mail.inbound.mailboxes[1].desk=HR",
                "backstop.mail.inbound.timeout=2s",
                "backstop.mail.inbound.idle=false"
            })
    class OnPostgres extends Scenarios {}
}
