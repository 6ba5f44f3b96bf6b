package dev.backstop.helpdesk.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.icegreen.greenmail.util.GreenMail;
import dev.backstop.helpdesk.testsupport.TestLocks;
import dev.backstop.helpdesk.testsupport.TestMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * Issue 15 hr-gaps, against GreenMail: an HR case that came by e-mail and was then sealed as a confidential case still
 * gets its assignee's public reply by e-mail, and the employee's answer threads onto it — while supervisors and admins
 * still cannot see it and the e-mail channel's own reads leave no access-log row (it is not a person).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/mail-confidential",
            "spring.datasource.url=jdbc:h2:mem:mailconfidential;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.demo-data=true",
            "backstop.security.login.delay-per-failure=0ms",
            "spring.mail.host=localhost",
            "spring.mail.port=${backstop.test.smtp-port:3025}",
            "backstop.mail.inbound.initial-delay=1h",
            "backstop.mail.outbox-initial-delay=1h",
            "backstop.mail.inbound.mailboxes[0].name=hr",
            "backstop.mail.inbound.mailboxes[0].host=localhost",
            "backstop.mail.inbound.mailboxes[0].port=${backstop.test.imap-port:3143}",
            "backstop.mail.inbound.mailboxes[0].protocol=imap",
            "backstop.mail.inbound.mailboxes[0].user=hr@desk.test",
            "backstop.mail.inbound.mailboxes[0].password=secret",
            "backstop.mail.inbound.mailboxes[0].desk=HR",
            "backstop.mail.inbound.timeout=2s",
            "backstop.mail.inbound.idle=false"
        })
@ResourceLock(TestLocks.MAIL_PORTS)
class ConfidentialCaseMailTests {

    static final String DESK = "hr@desk.test";
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

    @Autowired
    MailboxPoller poller;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aConfidentialCaseThatCameByEmailIsAnsweredByEmailAndTheAnswerThreadsOntoIt() throws Exception {
        String address = "staff-" + UUID.randomUUID() + "@example.com";
        jdbc.update(
                "update employees set email = ? where id = (select employee_id from app_users where username = 'employee')",
                address);
        jdbc.update("update mail_mailboxes set next_attempt_at = null");
        String first = deliver(address, "主管骚扰投诉", "部门主管多次言语骚扰，请处理。", Map.of());
        poller.pass();
        Map<String, Object> ticket = jdbc.queryForMap(
                "select t.id, t.ticket_key, t.desk, t.requester_kind from tickets t join mail_messages m on m.ticket_id = t.id where m.message_key = ?",
                first);
        long id = ((Number) ticket.get("id")).longValue();
        String key = (String) ticket.get("ticket_key");
        assertThat(ticket.get("desk")).isEqualTo("HR");
        assertThat(ticket.get("requester_kind")).isEqualTo("EMPLOYEE");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox(address).size() == 1);

        assertThat(status(post("/api/v1/hr/tickets/" + id + "/confidential-case")
                        .with(httpBasic("hrlead", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"confidentialCase\":true,\"reason\":\"涉及骚扰\"}")))
                .isEqualTo(200);
        long hr = jdbc.queryForObject("select id from app_users where username = 'hr'", Long.class);
        assertThat(status(put("/api/v1/tickets/" + id + "/assignee")
                        .with(httpBasic("hrlead", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assigneeId\":" + hr + "}")))
                .isEqualTo(200);
        long loggedBefore = reads(id);

        assertThat(status(post("/api/v1/tickets/" + id + "/replies")
                        .with(httpBasic("hr", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"我们已收到，会单独与您联系。\"}")))
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(address).size() == 2);
        MimeMessage reply = inbox(address).get(1);
        assertThat(reply.getSubject()).contains(key);
        assertThat(String.valueOf(reply.getContent())).contains("我们已收到，会单独与您联系。");

        String answer = deliver(
                address,
                "Re: " + reply.getSubject(),
                "谢谢，周三下午方便通话。",
                Map.of("In-Reply-To", reply.getMessageID(), "References", reply.getMessageID()));
        poller.pass();
        assertThat(jdbc.queryForList(
                        "select body from ticket_articles where ticket_id = ? and kind = 'PUBLIC_REPLY' order by id",
                        String.class,
                        id))
                .as("the employee's answer is on the confidential case, not a new ticket")
                .containsExactly("我们已收到，会单独与您联系。", "谢谢，周三下午方便通话。");
        assertThat(jdbc.queryForList(
                        "select distinct ticket_id from mail_messages where message_key in (?, ?)",
                        Long.class,
                        first,
                        answer))
                .containsExactly(id);

        for (String user : List.of("supervisor", "admin", "payroll")) {
            assertThat(status(get("/api/v1/tickets/" + id).with(httpBasic(user, "demo"))))
                    .as(user)
                    .isEqualTo(404);
        }
        assertThat(reads(id))
                .as("the e-mail channel reading for the requester is not a person's read; the agent's reply is no read")
                .isEqualTo(loggedBefore);
        assertThat(jdbc.queryForObject(
                        "select count(*) from hr_access_log l join app_users u on u.id = l.reader_user_id where u.username = 'mail-intake'",
                        Long.class))
                .isZero();
    }

    int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    long reads(long id) {
        return jdbc.queryForObject(
                "select count(*) from hr_access_log where ticket_id = ? and what = 'CONFIDENTIAL_CASE'",
                Long.class,
                id);
    }

    private String deliver(String from, String subject, String text, Map<String, String> headers) throws Exception {
        String id = "<" + UUID.randomUUID() + "@example.com>";
        MimeMessage message = MailTests.Scenarios.message(from, subject, text, id, headers);
        message.setRecipients(Message.RecipientType.TO, DESK);
        message.saveChanges();
        mail.getUserManager().getUser(DESK).deliver(message);
        return id;
    }

    private static List<MimeMessage> inbox(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients() != null
                                && Arrays.stream(m.getAllRecipients())
                                        .anyMatch(a -> a.toString().equals(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
