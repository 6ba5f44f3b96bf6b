package dev.backstop.helpdesk.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.TestLocks;
import dev.backstop.helpdesk.testsupport.TestMail;
import dev.backstop.helpdesk.tickets.TicketOpened;
import dev.backstop.helpdesk.tickets.TicketStateChanged;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requesters are told of received / answered / waiting / resolved on the channel they chose, in their language, once
 * per event: against GreenMail as the SMTP server and an SMS gateway played by WireMock.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/requester-notices",
            "backstop.sla.escalation.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:requesternotices;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.public-url=https://desk.example.cn",
            "spring.mail.host=localhost",
            "spring.mail.port=${backstop.test.smtp-port:3025}",
            "backstop.notifications.requesters.retry-every=1h"
        })
@ResourceLock(TestLocks.MAIL_PORTS)
class RequesterNoticesTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestMail.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void sms(DynamicPropertyRegistry registry) {
        registry.add("backstop.sms.url", () -> gateway.baseUrl() + "/sms/send");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RequesterNotices notices;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    NoticeRetries retries;

    @BeforeEach
    void gatewayAccepts() {
        gateway.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void anEmployeeWhoPrefersEnglishEmailIsToldOfEachEventOnceInEnglish() throws Exception {
        jdbc.update("update app_users set email = 'e0007@example.cn' where username = 'employee'");
        choose("employee", "{\"channel\":\"EMAIL\",\"language\":\"en\"}");

        long id = open("employee", "HR", "年休假怎么算");
        String key = key(id);
        List<MimeMessage> received = mailsTo("e0007@example.cn", 1);
        assertThat(received.getFirst().getSubject()).isEqualTo("[" + key + "] Received: 年休假怎么算");
        assertThat(GreenMailUtil.getBody(received.getFirst())).contains("https://desk.example.cn/portal/tickets/" + id);

        reply("hr", id, "按工龄计算，满一年五天。");
        List<MimeMessage> answered = mailsTo("e0007@example.cn", 2);
        assertThat(answered.get(1).getSubject()).isEqualTo("[" + key + "] New reply: 年休假怎么算");
        assertThat(GreenMailUtil.getBody(answered.get(1))).contains("The desk answered");

        state("hr", id, "PENDING_REQUESTER");
        mailsTo("e0007@example.cn", 3); // as a requester meets them: each notice before the next change
        state("hr", id, "RESOLVED");
        List<MimeMessage> all = mailsTo("e0007@example.cn", 4);
        assertThat(all.stream().map(this::subject))
                .containsExactly(
                        "[" + key + "] Received: 年休假怎么算",
                        "[" + key + "] New reply: 年休假怎么算",
                        "[" + key + "] Waiting for you: 年休假怎么算",
                        "[" + key + "] Resolved: 年休假怎么算");

        // the same events delivered again (a retry, another node): nothing more is sent
        Instant resolvedAt = jdbc.queryForObject(
                        "select max(created_at) from requester_notices where ticket_id = ? and event like 'RESOLVED:%'",
                        java.sql.Timestamp.class, id)
                .toInstant();
        String resolvedEvent = jdbc.queryForObject(
                "select event from requester_notices where ticket_id = ? and event like 'RESOLVED:%'",
                String.class, id);
        // the listener's own code, called in this thread in a transaction as the registry would (through the bean, the
        // calls would run on the after-commit pool and return at once): once they return, whatever they were going to
        // send is sent, so no fixed wait (it was 500 ms) is needed before counting the mails
        RequesterNotices listener = AopTestUtils.getUltimateTargetObject(notices);
        transactions.executeWithoutResult(tx -> {
            listener.on(new TicketOpened(id, key, null, null, null, resolvedAt));
            listener.on(new TicketStateChanged(
                    id,
                    key,
                    dev.backstop.helpdesk.tickets.TicketState.OPEN,
                    dev.backstop.helpdesk.tickets.TicketState.RESOLVED,
                    Instant.ofEpochMilli(Long.parseLong(resolvedEvent.substring("RESOLVED:".length())))));
        });
        assertThat(mailsTo("e0007@example.cn", 4)).hasSize(4);
        assertThat(jdbc.queryForList(
                        "select status from requester_notices where ticket_id = ? order by id", String.class, id))
                .containsExactly("SENT", "SENT", "SENT", "SENT");
        // the bell has them too
        assertThat(jdbc.queryForObject("""
                        select count(*) from notifications n join app_users u on u.id = n.user_id
                         where u.username = 'employee' and n.ticket_id = ?""", Integer.class, id)).isEqualTo(4);
    }

    @Test
    void aFamilyMemberWhoPrefersSmsGetsExactlyOneChineseSmsPerEventAndNoMail() throws Exception {
        choose("family", "{\"channel\":\"SMS\",\"language\":\"zh\",\"phone\":\"13800138000\"}");
        long id = open("family", "HR", "家属医疗报销");
        String key = key(id);
        reply("hr", id, "请提供发票。");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> gateway.verify(
                        2,
                        postRequestedFor(urlEqualTo("/sms/send"))
                                .withRequestBody(matchingJsonPath(
                                        "$.text", com.github.tomakehurst.wiremock.client.WireMock.containing(key)))));
        gateway.verify(
                1,
                postRequestedFor(urlEqualTo("/sms/send"))
                        .withRequestBody(matchingJsonPath(
                                "$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo("13800138000")))
                        .withRequestBody(matchingJsonPath(
                                "$.text",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                        "【后盾服务台】您的工单 " + key + " 已收到，我们会尽快处理。"))));
        gateway.verify(
                1,
                postRequestedFor(urlEqualTo("/sms/send"))
                        .withRequestBody(matchingJsonPath(
                                "$.text",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                        "【后盾服务台】您的工单 " + key + " 有新回复，请登录门户查看。"))));
        assertThat(jdbc.queryForList(
                        "select channel || ' ' || status || ' ' || address from requester_notices where ticket_id = ? order by id",
                        String.class,
                        id))
                .containsExactly("SMS SENT 13800138000", "SMS SENT 13800138000");
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> subject(m).contains(key)))
                .isEmpty();
    }

    @Test
    void aDistributorWhoChoseTheBellOnlyGetsNoMailAndNoSms() throws Exception {
        jdbc.update("update app_users set email = 'd0001@example.cn' where username = 'distributor'");
        choose("distributor", "{\"channel\":\"BELL\",\"language\":\"zh\"}");
        long id = open("distributor", "CHANNEL", "发货延迟");
        String key = key(id);
        reply("agent", id, "已催仓库。");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from requester_notices where ticket_id = ?", Integer.class, id)
                        == 2);
        assertThat(jdbc.queryForList(
                        "select status from requester_notices where ticket_id = ? order by id", String.class, id))
                .containsExactly("SKIPPED", "SKIPPED");
        assertThat(jdbc.queryForList("""
                        select n.message_key from notifications n join app_users u on u.id = n.user_id
                         where u.username = 'distributor' and n.ticket_id = ? order by n.id""", String.class, id))
                .containsExactly("notifications.requester.RECEIVED.bell", "notifications.requester.ANSWERED.bell");
        gateway.verify(
                0,
                postRequestedFor(urlEqualTo("/sms/send"))
                        .withRequestBody(matchingJsonPath(
                                "$.text", com.github.tomakehurst.wiremock.client.WireMock.containing(key))));
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> subject(m).contains(key)))
                .isEmpty();
    }

    @Test
    void anSmsThatFailsIsTriedAgainWithGrowingPausesAndSentExactlyOnceWhenTheGatewayIsBack() throws Exception {
        choose("family", "{\"channel\":\"SMS\",\"language\":\"zh\",\"phone\":\"13900139000\"}");
        var down = gateway.stubFor(post(urlEqualTo("/sms/send"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        long id = open("family", "HR", "报销进度查询");
        String key = key(id);
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> notice(id).get("status").equals("FAILED"));
        Map<String, Object> first = notice(id);
        assertThat(first.get("attempts")).isEqualTo(1);
        assertThat(pause(first, "created_at")).as("first pause").isBetween(55L, 65L);

        // a minute later the gateway is still down: the next pause is twice as long
        due(id);
        Instant second = Instant.now();
        assertThat(retries.retryDue()).isEqualTo(1);
        Map<String, Object> after = notice(id);
        assertThat(after.get("status")).isEqualTo("FAILED");
        assertThat(after.get("attempts")).isEqualTo(2);
        long pause = instant(after.get("next_attempt_at")).getEpochSecond() - second.getEpochSecond();
        assertThat(pause).as("second pause").isBetween(115L, 125L);
        assertThat(retries.retryDue()).as("not yet due").isZero();

        // the gateway is back; two nodes look at once: one sends
        gateway.removeStub(down);
        due(id);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var a = pool.submit(retries::retryDue);
        var b = pool.submit(retries::retryDue);
        assertThat(a.get() + b.get()).isEqualTo(1);
        pool.shutdown();
        assertThat(notice(id).get("status")).isEqualTo("SENT");
        assertThat(notice(id).get("attempts")).isEqualTo(3);
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/sms/send"))
                                .withRequestBody(matchingJsonPath(
                                        "$.text", com.github.tomakehurst.wiremock.client.WireMock.containing(key))))
                        .size())
                .as("two failed tries and the one that went through")
                .isEqualTo(3);
        due(id);
        assertThat(retries.retryDue()).as("a sent notice is never sent again").isZero();
    }

    @Test
    void aNoticeThatKeepsFailingIsGivenUpAfterFiveAttemptsAndTheAgentReadsItOnTheTicket() throws Exception {
        choose("family", "{\"channel\":\"SMS\",\"language\":\"zh\",\"phone\":\"13700137000\"}");
        var down = gateway.stubFor(post(urlEqualTo("/sms/send"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        try {
            long id = open("family", "HR", "社保转移");
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .until(() -> notice(id).get("status").equals("FAILED"));
            for (int attempt = 2; attempt <= 5; attempt++) {
                due(id);
                assertThat(retries.retryDue()).isEqualTo(1);
            }
            assertThat(notice(id).get("status")).isEqualTo("GAVE_UP");
            assertThat(notice(id).get("attempts")).isEqualTo(5);
            due(id);
            assertThat(retries.retryDue()).as("given up: no sixth attempt").isZero();
            assertThat(jdbc.queryForList(
                            "select body from ticket_articles where ticket_id = ? and kind = 'INTERNAL_NOTE'",
                            String.class,
                            id))
                    .singleElement()
                    .asString()
                    .contains("未能通知请求人（SMS 13700137000，已尝试 5 次，不再重试）")
                    .contains("The requester could not be told (SMS 13700137000, 5 attempts, no more retries)");
        } finally {
            gateway.removeStub(down);
        }
    }

    private Map<String, Object> notice(long ticketId) {
        return jdbc.queryForMap(
                "select status, attempts, created_at, next_attempt_at from requester_notices where ticket_id = ? and event = 'RECEIVED'",
                ticketId);
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime odt
                ? odt.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    /** Seconds from {@code column} to the next attempt. */
    private static long pause(Map<String, Object> notice, String column) {
        return instant(notice.get("next_attempt_at")).getEpochSecond()
                - instant(notice.get(column)).getEpochSecond();
    }

    /** Time passes: the notice's next attempt is due now. */
    private void due(long ticketId) {
        jdbc.update(
                "update requester_notices set next_attempt_at = ? where ticket_id = ? and next_attempt_at is not null",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                ticketId);
    }

    @Test
    void aPreferenceThatCannotBeKeptIsRefusedInTheReadersLanguage() throws Exception {
        mvc.perform(MockMvcRequestBuilders.put("/api/v1/me/notification-preferences")
                        .with(httpBasic("employee", "demo"))
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"SMS\",\"language\":\"zh\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("选择短信通知时请填写手机号码。"));
        mvc.perform(MockMvcRequestBuilders.put("/api/v1/me/notification-preferences")
                        .with(httpBasic("employee", "demo"))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"EMAIL\",\"language\":\"fr\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Unsupported language: fr (zh or en)."));
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/me/notification-preferences")
                        .with(httpBasic("agent", "demo")))
                .andExpect(status().isForbidden());
    }

    private void choose(String user, String json) throws Exception {
        mvc.perform(MockMvcRequestBuilders.put("/api/v1/me/notification-preferences")
                        .with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    private long open(String user, String desk, String subject) throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/tickets")
                        .with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"desk":"%s","type":"INQUIRY","channel":"PORTAL","subject":"%s"}""".formatted(desk, subject)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void reply(String user, long id, String text) throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/tickets/" + id + "/replies")
                        .with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"" + text + "\"}"))
                .andExpect(status().is2xxSuccessful());
    }

    private void state(String user, long id, String state) throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/tickets/" + id + "/state")
                        .with(httpBasic(user, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"" + state + "\"}"))
                .andExpect(status().isOk());
    }

    private String key(long id) {
        return jdbc.queryForObject("select ticket_key from tickets where id = ?", String.class, id);
    }

    /** The mails to {@code address}, oldest first, once at least {@code count} arrived. */
    private List<MimeMessage> mailsTo(String address, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> received(address).size() >= count);
        return received(address);
    }

    private List<MimeMessage> received(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
