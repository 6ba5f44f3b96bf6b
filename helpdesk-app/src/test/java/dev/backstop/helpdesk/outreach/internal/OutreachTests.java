package dev.backstop.helpdesk.outreach.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import dev.backstop.helpdesk.testsupport.TestLocks;
import dev.backstop.helpdesk.testsupport.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Nested;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * Outreach campaigns end to end: real SMTP (GreenMail), the SMS gateway played by WireMock, answers through the public
 * link becoming tickets, on H2 and on a real PostgreSQL. Each test builds its own region or branch with its own
 * distributors / employees, so it sees exactly its own targets.
 */
@ResourceLock(TestLocks.MAIL_PORTS)
class OutreachTests {

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

    static final Pattern LINK = Pattern.compile("https://desk\\.example\\.cn/outreach/r/([A-Za-z0-9_-]+)");

    abstract static class Scenarios {

        private static final AtomicInteger SEQUENCE = new AtomicInteger();

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        OutreachSender sender;

        final String u = "T" + System.nanoTime() % 1_000_000_000 + "X" + SEQUENCE.incrementAndGet();

        // ---- test data of one's own: a region with distributors, a branch with employees

        long region(String code) {
            jdbc.update("insert into regions (code, name) values (?, ?)", code, "测试大区" + code);
            return jdbc.queryForObject("select id from regions where code = ?", Long.class, code);
        }

        long distributor(String code, long region, String tier, String contact, String email, String phone) {
            jdbc.update(
                    "insert into distributors (code, name, region_id, tier, status) values (?, ?, ?, ?, 'ACTIVE')",
                    code,
                    "测试商贸" + code + "有限公司",
                    region,
                    tier);
            long id = jdbc.queryForObject("select id from distributors where code = ?", Long.class, code);
            if (contact != null) {
                jdbc.update("""
                        insert into distributor_contacts (distributor_id, name, phone, phone_digits, email, primary_contact)
                        values (?, ?, ?, ?, ?, true)""", id, contact, phone, phone == null ? null : phone.replaceAll("\\D", ""), email);
            }
            return id;
        }

        void portalUser(String username, long distributorId, String locale) {
            jdbc.update("""
                    insert into app_users (username, password_hash, display_name, locale, distributor_id, created_at)
                    values (?, '{noop}demo', ?, ?, ?, ?)""", username, username, locale, distributorId, Timestamp.from(Instant.now()));
            long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
            jdbc.update("insert into user_roles (user_id, role) values (?, 'DISTRIBUTOR')", id);
        }

        long branch(String code, long region) {
            jdbc.update("insert into branches (code, name, region_id) values (?, ?, ?)", code, "测试分公司" + code, region);
            return jdbc.queryForObject("select id from branches where code = ?", Long.class, code);
        }

        long employee(String no, String name, long branch, String phone, String email) {
            jdbc.update(
                    "insert into employees (employee_no, name, branch_id, phone, email) values (?, ?, ?, ?, ?)",
                    no,
                    name,
                    branch,
                    phone,
                    email);
            return jdbc.queryForObject("select id from employees where employee_no = ?", Long.class, no);
        }

        // ---- the API as a supervisor uses it

        long create(String json) throws Exception {
            String body = mvc.perform(post("/api/v1/outreach/campaigns")
                            .with(httpBasic("supervisor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.state").value("DRAFT"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(body, "$.id")).longValue();
        }

        String campaign(long id) throws Exception {
            return mvc.perform(get("/api/v1/outreach/campaigns/" + id).with(httpBasic("supervisor", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }

        String sendAndAwait(long id) throws Exception {
            mvc.perform(post("/api/v1/outreach/campaigns/" + id + "/send").with(httpBasic("supervisor", "demo")))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.state").value(Matchers.oneOf("SENDING", "SENT")));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> JsonPath.read(campaign(id), "$.state").equals("SENT"));
            return campaign(id);
        }

        Map<String, Map<String, Object>> recipientsByCode(long id) throws Exception {
            String body = mvc.perform(get("/api/v1/outreach/campaigns/" + id + "/recipients")
                            .param("size", "500")
                            .with(httpBasic("supervisor", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Map<String, Map<String, Object>> byCode = new HashMap<>();
            for (Map<String, Object> r : JsonPath.<List<Map<String, Object>>>read(body, "$.recipients")) {
                byCode.put((String) r.get("code"), r);
            }
            return byCode;
        }

        List<MimeMessage> mailTo(String address) throws Exception {
            List<MimeMessage> mine = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(address)) {
                    mine.add(m);
                }
            }
            return mine;
        }

        /** The decoded text of a mail (the raw body is quoted-printable or base64). */
        static String body(MimeMessage message) throws Exception {
            return message.getContent().toString();
        }

        static String token(String text) {
            Matcher link = LINK.matcher(text);
            assertThat(link.find()).as("a response link in " + text).isTrue();
            return link.group(1);
        }

        @Test
        void anEmailCampaignReachesExactlyTheRegionAndTiersInTheirLanguageAndAnAnswerBecomesATicket() throws Exception {
            long r = region(u);
            distributor(u + "-1", r, "VIP", "英文联系人", u.toLowerCase() + "-1@example.cn", "13800000001");
            distributor(u + "-2", r, "VIP", "无邮箱联系人", null, "021-6000 6600");
            distributor(u + "-3", r, "GENERAL", "普通客户", u.toLowerCase() + "-3@example.cn", null);
            distributor(u + "-4", r, "KEY", "重点联系人", u.toLowerCase() + "-4@example.cn", null);
            portalUser(
                    "p" + u,
                    jdbc.queryForObject("select id from distributors where code = ?", Long.class, u + "-1"),
                    "en");
            long id = create("""
                    {"name":"返利政策 %1$s","audience":"DISTRIBUTORS","regions":["%1$s"],"tiers":["VIP","KEY"],"channel":"EMAIL",
                     "subjectZh":"{{distributorCode}} 的返利政策","bodyZh":"{{name}}您好：\\n新政策已发布，请回复：{{responseLink}}",
                     "subjectEn":"Rebate policy for {{distributorCode}}","bodyEn":"Dear {{name}},\\nthe new policy is out. Answer here: {{responseLink}}"}""".formatted(u));

            // the draft: the targets before sending, the one without an address listed as skipped with the reason
            Map<String, Map<String, Object>> preview = recipientsByCode(id);
            assertThat(preview).containsOnlyKeys(u + "-1", u + "-2", u + "-4");
            assertThat(preview.get(u + "-2"))
                    .containsEntry("status", "SKIPPED")
                    .containsEntry("reason", "outreach.skip.noEmail");
            assertThat(preview.get(u + "-1")).containsEntry("language", "EN").containsEntry("status", "QUEUED");
            assertThat(preview.get(u + "-4")).containsEntry("language", "BOTH");
            assertThat(JsonPath.<Integer>read(campaign(id), "$.figures.targeted"))
                    .isEqualTo(3);

            String sent = sendAndAwait(id);
            assertThat(JsonPath.<Integer>read(sent, "$.figures.sent")).isEqualTo(2);
            assertThat(JsonPath.<Integer>read(sent, "$.figures.skipped")).isEqualTo(1);
            assertThat(JsonPath.<Integer>read(sent, "$.figures.failed")).isZero();

            List<MimeMessage> english = mailTo(u.toLowerCase() + "-1@example.cn");
            assertThat(english).hasSize(1);
            assertThat(english.getFirst().getSubject()).isEqualTo("Rebate policy for " + u + "-1");
            String englishBody = body(english.getFirst());
            assertThat(englishBody).contains("Dear 英文联系人").doesNotContain("您好");
            List<MimeMessage> both = mailTo(u.toLowerCase() + "-4@example.cn");
            assertThat(both).hasSize(1);
            assertThat(both.getFirst().getSubject()).contains(u + "-4 的返利政策", "Rebate policy for " + u + "-4");
            assertThat(mailTo(u.toLowerCase() + "-3@example.cn"))
                    .as("a GENERAL distributor is not a target")
                    .isEmpty();
            assertThat(smtp.getReceivedMessages()).hasSize(2);

            // sending again sends nothing new: the API refuses, and further sender passes find nothing to do
            mvc.perform(post("/api/v1/outreach/campaigns/" + id + "/send")
                            .with(httpBasic("supervisor", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("outreach.error.alreadySent"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("已发送过")));
            sender.pass();
            assertThat(smtp.getReceivedMessages()).hasSize(2);

            // the answer through the link opens an OUTREACH ticket at the channel desk, once
            String token = token(body(english.getFirst()));
            mvc.perform(get("/outreach/r/" + token).header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Rebate policy for " + u + "-1")));
            mvc.perform(post("/outreach/r/" + token)
                            .with(csrf())
                            .param("text", "x".repeat(2001))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.containsString("at most 2000 characters")));
            mvc.perform(post("/outreach/r/" + token).with(csrf()).param("text", "Is the rebate paid quarterly?"))
                    .andExpect(status().is3xxRedirection());
            String thanks = mvc.perform(get("/outreach/r/" + token).header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(thanks).contains("感谢您的回复").containsPattern("CH-\\d{4}-\\d{6}");
            mvc.perform(post("/outreach/r/" + token)
                            .with(csrf())
                            .param("text", "one more thing")
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isConflict())
                    .andExpect(content().string(Matchers.containsString("该链接已经提交过回复")));

            Map<String, Object> answered = recipientsByCode(id).get(u + "-1");
            assertThat(answered.get("respondedAt")).isNotNull();
            int ticket = (Integer) answered.get("ticketId");
            assertThat(thanks).contains((String) answered.get("ticketKey"));
            for (String reader : List.of("agent", "p" + u)) {
                mvc.perform(get("/api/v1/tickets/" + ticket).with(httpBasic(reader, "demo")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.type").value("OUTREACH"))
                        .andExpect(jsonPath("$.desk").value("CHANNEL"))
                        .andExpect(jsonPath("$.description").value("Is the rebate paid quarterly?"))
                        .andExpect(jsonPath("$.requester.name").value("英文联系人"));
            }
            mvc.perform(get("/api/v1/tickets/" + ticket).with(httpBasic("distributor", "demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/tickets/" + ticket).with(httpBasic("hr", "demo")))
                    .andExpect(status().isNotFound());

            String figures = campaign(id);
            assertThat(JsonPath.<Integer>read(figures, "$.figures.responded")).isEqualTo(1);
            assertThat(JsonPath.<Double>read(figures, "$.figures.responseRate")).isEqualTo(50.0);
            assertThat(JsonPath.<Integer>read(figures, "$.figures.ticketsOpened"))
                    .isEqualTo(1);
        }

        @Test
        void anSmsCampaignToABranchGoesToMobilesOnlyAndAnswersGoToTheHrDesk() throws Exception {
            gateway.stubFor(WireMock.post(urlEqualTo("/sms/send"))
                    .willReturn(aResponse().withStatus(200)));
            gateway.stubFor(WireMock.post(urlEqualTo("/sms/send"))
                    .withRequestBody(matchingJsonPath("$.to", equalTo("13900000099")))
                    .willReturn(aResponse().withStatus(500)));
            long b = branch(u, region(u));
            employee(u + "-1", "手机员工", b, "+86 139 0000 0001", null);
            employee(u + "-2", "座机员工", b, "010-8888 6666", u.toLowerCase() + "@example.cn");
            employee(u + "-3", "无电话员工", b, null, null);
            employee(u + "-4", "网关拒收", b, "13900000099", null);
            long id = create("""
                    {"name":"体检通知 %1$s","audience":"EMPLOYEES","branches":["%1$s"],"channel":"SMS",
                     "bodyZh":"{{name}}（{{employeeNo}}）您好，年度体检已安排。","bodyEn":"{{name}} ({{employeeNo}}): your health check is booked."}""".formatted(u));
            assertThat(JsonPath.<String>read(campaign(id), "$.desk")).isEqualTo("HR");

            String sent = sendAndAwait(id);
            assertThat(JsonPath.<Integer>read(sent, "$.figures.targeted")).isEqualTo(4);
            assertThat(JsonPath.<Integer>read(sent, "$.figures.sent")).isEqualTo(1);
            assertThat(JsonPath.<Integer>read(sent, "$.figures.skipped")).isEqualTo(2);
            assertThat(JsonPath.<Integer>read(sent, "$.figures.failed")).isEqualTo(1);
            Map<String, Map<String, Object>> recipients = recipientsByCode(id);
            assertThat(recipients.get(u + "-2"))
                    .containsEntry("status", "SKIPPED")
                    .containsEntry("reason", "outreach.skip.notMobile");
            assertThat(recipients.get(u + "-3"))
                    .containsEntry("status", "SKIPPED")
                    .containsEntry("reason", "outreach.skip.noPhone");
            assertThat(recipients.get(u + "-4"))
                    .containsEntry("status", "FAILED")
                    .containsEntry("reason", "outreach.failed.delivery");

            gateway.verify(
                    1,
                    postRequestedFor(urlEqualTo("/sms/send"))
                            .withRequestBody(matchingJsonPath("$.to", equalTo("13900000001")))
                            .withRequestBody(matchingJsonPath("$.text", containing("手机员工（" + u + "-1）您好")))
                            .withRequestBody(
                                    matchingJsonPath("$.text", containing("https://desk.example.cn/outreach/r/"))));
            gateway.verify(
                    0,
                    postRequestedFor(urlEqualTo("/sms/send"))
                            .withRequestBody(matchingJsonPath("$.to", containing("88886666"))));
            String text = gateway.findAll(postRequestedFor(urlEqualTo("/sms/send"))
                            .withRequestBody(matchingJsonPath("$.to", equalTo("13900000001"))))
                    .getFirst()
                    .getBodyAsString();

            mvc.perform(post("/outreach/r/" + token(text)).with(csrf()).param("text", "体检可以改到下周吗？"))
                    .andExpect(status().is3xxRedirection());
            int ticket = (Integer) recipientsByCode(id).get(u + "-1").get("ticketId");
            mvc.perform(get("/api/v1/tickets/" + ticket).with(httpBasic("hr", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.desk").value("HR"))
                    .andExpect(jsonPath("$.type").value("OUTREACH"))
                    .andExpect(jsonPath("$.requester.kind").value("EMPLOYEE"));
            mvc.perform(get("/api/v1/tickets/" + ticket).with(httpBasic("agent", "demo")))
                    .andExpect(status().isNotFound());
        }

        @Test
        void senderPassesRunningTogetherSendEachMessageExactlyOnce() throws Exception {
            long r = region(u);
            int n = 24;
            for (int i = 0; i < n; i++) {
                distributor(u + "-" + i, r, "GENERAL", "联系人" + i, u.toLowerCase() + "-" + i + "@example.cn", null);
            }
            long id = create("""
                    {"name":"并发发送 %1$s","audience":"DISTRIBUTORS","regions":["%1$s"],"channel":"EMAIL",
                     "subjectZh":"通知","bodyZh":"{{name}}您好","subjectEn":"Notice","bodyEn":"Hello {{name}}"}""".formatted(u));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> passes = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    passes.add(pool.submit(() -> {
                        start.await();
                        return sender.pass();
                    }));
                }
                mvc.perform(post("/api/v1/outreach/campaigns/" + id + "/send").with(httpBasic("supervisor", "demo")))
                        .andExpect(status().isAccepted());
                start.countDown();
                for (Future<Integer> pass : passes) {
                    pass.get();
                }
            } finally {
                pool.shutdownNow();
            }
            // one more pass after the racing ones, as the scheduled pass (every 15 s) would make; it must send nothing
            // more. On H2 the racing passes left the campaign SENDING for that scheduled pass to close (~11 s of this
            // test); this pass closes it now, and the campaign must then be SENT.
            sender.pass();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> JsonPath.read(campaign(id), "$.state").equals("SENT"));
            assertThat(JsonPath.<Integer>read(campaign(id), "$.figures.sent")).isEqualTo(n);
            List<String> to = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                to.add(m.getAllRecipients()[0].toString());
            }
            assertThat(to).hasSize(n).doesNotHaveDuplicates().allMatch(a -> a.startsWith(u.toLowerCase() + "-"));
        }

        @Test
        void badCampaignsAreRefusedWithAMessageInTheCallersLanguage() throws Exception {
            long r = region(u);
            distributor(u + "-1", r, "VIP", "联系人", "a@example.cn", null);
            String valid = """
                    "audience":"DISTRIBUTORS","regions":["%s"],"channel":"EMAIL","subjectZh":"主题","subjectEn":"Subject",
                    "bodyZh":"正文","bodyEn":"Body\"""".formatted(u);
            record Case(String json, String language, String code, String detail) {}
            for (Case c : List.of(
                    new Case(
                            "{\"name\":\"空名单\",\"audience\":\"DISTRIBUTORS\",\"regions\":[\"%s\"],\"tiers\":[\"SPECIAL\"],\"channel\":\"EMAIL\",\"subjectZh\":\"主题\",\"subjectEn\":\"Subject\",\"bodyZh\":\"正文\",\"bodyEn\":\"Body\"}"
                                    .formatted(u),
                            "zh-CN",
                            "outreach.error.noTargets",
                            "目标名单为空"),
                    new Case(
                            "{\"name\":\"缺英文\",\"audience\":\"DISTRIBUTORS\",\"regions\":[\"%s\"],\"channel\":\"SMS\",\"bodyZh\":\"正文\"}"
                                    .formatted(u),
                            "en",
                            "outreach.error.missing.bodyEn",
                            "The English message text is missing."),
                    new Case(
                            "{\"name\":\"缺主题\",\"audience\":\"DISTRIBUTORS\",\"regions\":[\"%s\"],\"channel\":\"EMAIL\",\"bodyZh\":\"正文\",\"bodyEn\":\"Body\",\"subjectEn\":\"S\"}"
                                    .formatted(u),
                            "zh-CN",
                            "outreach.error.missing.subjectZh",
                            "邮件需要中文主题"),
                    new Case(
                            "{\"name\":\"变量\"," + valid.replace("\"正文\"", "\"{{name}} {{orderNo}}\"") + "}",
                            "en",
                            "outreach.error.unknownVariable",
                            "{{orderNo}}"),
                    new Case(
                            "{\"name\":\"员工工号\"," + valid.replace("\"Body\"", "\"{{employeeNo}}\"") + "}",
                            "zh-CN",
                            "outreach.error.unknownVariable",
                            "{{distributorCode}}"),
                    new Case(
                            "{\"name\":\"大区\"," + valid.replace("\"" + u + "\"", "\"NOWHERE\"") + "}",
                            "zh-CN",
                            "outreach.error.unknownRegion",
                            "NOWHERE"),
                    new Case(
                            "{\"name\":\"渠道\"," + valid.replace("\"EMAIL\"", "\"FAX\"") + "}",
                            "en",
                            "outreach.error.channel",
                            "FAX"))) {
                mvc.perform(post("/api/v1/outreach/campaigns")
                                .with(httpBasic("supervisor", "demo"))
                                .header("Accept-Language", c.language())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(c.json()))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.code").value(c.code()))
                        .andExpect(jsonPath("$.detail").value(Matchers.containsString(c.detail())));
            }
            long ok = create("{\"name\":\"取消\"," + valid + "}");
            mvc.perform(post("/api/v1/outreach/campaigns/" + ok + "/cancel").with(httpBasic("admin", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("CANCELLED"));
            mvc.perform(post("/api/v1/outreach/campaigns/" + ok + "/send")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("outreach.error.cancelled"));
            mvc.perform(get("/api/v1/outreach/campaigns/999999").with(httpBasic("admin", "demo")))
                    .andExpect(status().isNotFound());
            for (String user : List.of("agent", "hr", "expert", "editor", "distributor", "employee")) {
                mvc.perform(post("/api/v1/outreach/campaigns")
                                .with(httpBasic(user, "demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"x\"," + valid + "}"))
                        .andExpect(status().isForbidden());
                mvc.perform(get("/api/v1/outreach/campaigns/" + ok).with(httpBasic(user, "demo")))
                        .andExpect(status().isForbidden());
            }
            mvc.perform(get("/outreach/r/not-a-token").header("Accept-Language", "zh-CN"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(Matchers.containsString("该链接无效或已过期")));
        }
    }

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/outreach-h2",
                "backstop.sla.escalation.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:outreach;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "backstop.security.login.delay-per-failure=0ms",
                "backstop.public-url=https://desk.example.cn",
                "spring.mail.host=localhost",
                "spring.mail.port=${backstop.test.smtp-port:3025}"
            })
    class OnH2 extends Scenarios {}

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @PostgresTest
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/outreach-pg",
                "backstop.sla.escalation.enabled=false",
                "backstop.security.login.delay-per-failure=0ms",
                "backstop.public-url=https://desk.example.cn",
                "spring.mail.host=localhost",
                "spring.mail.port=${backstop.test.smtp-port:3025}"
            })
    class OnPostgres extends Scenarios {}
}
