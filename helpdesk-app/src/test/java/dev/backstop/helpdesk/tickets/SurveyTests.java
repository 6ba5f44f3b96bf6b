package dev.backstop.helpdesk.tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.TestLocks;
import dev.backstop.helpdesk.testsupport.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Surveys over real SMTP (GreenMail) and an SMS gateway played by WireMock, answered on the public page. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/surveys",
            "backstop.sla.escalation.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:surveys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.public-url=https://desk.example.cn",
            "spring.mail.host=localhost",
            "spring.mail.port=${backstop.test.smtp-port:3025}"
        })
@ResourceLock(TestLocks.MAIL_PORTS)
class SurveyTests {

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

    static final Pattern LINK = Pattern.compile("https://desk\\.example\\.cn/survey/([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    long openAndResolve(String json) throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/tickets")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/tickets/" + id + "/state")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"RESOLVED\"}"))
                .andExpect(status().isOk());
        return id;
    }

    @Test
    void aResolvedTicketSendsASurveyByEmailAndTheAnswerLandsOnTheTimelineOnce() throws Exception {
        long id = openAndResolve("""
                {"desk":"CHANNEL","type":"INQUIRY","channel":"EMAIL","subject":"发票寄送地址",
                 "requester":{"kind":"UNKNOWN_CALLER","name":"张先生","email":"zhang@example.com"}}""");
        // the requester is also told that the ticket is resolved (notifications): the survey is its own mail
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> java.util.Arrays.stream(smtp.getReceivedMessages())
                        .anyMatch(m -> subject(m).contains("Please rate")));
        MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains("Please rate"))
                .findFirst()
                .orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("zhang@example.com");
        assertThat(mail.getSubject()).contains("请为工单", "Please rate");
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        // the survey's own transaction commits right after the mail went out (it is sent after the ticket's commit)
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> mvc.perform(get("/survey/" + token))
                                .andReturn()
                                .getResponse()
                                .getStatus()
                        == 200);

        mvc.perform(get("/survey/" + token).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("发票寄送地址")));
        mvc.perform(MockMvcRequestBuilders.post("/survey/" + token)
                        .with(csrf())
                        .param("rating", "4")
                        .param("comment", "很及时"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/survey/" + token).header("Accept-Language", "en"))
                .andExpect(content().string(Matchers.containsString("Thank you, your answer has been recorded.")));
        mvc.perform(MockMvcRequestBuilders.post("/survey/" + token).with(csrf()).param("rating", "1"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'SURVEY_ANSWER')].satisfaction")
                        .value(Matchers.contains(4)))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'SURVEY_ANSWER')].body")
                        .value(Matchers.contains("很及时")));
        mvc.perform(get("/survey/not-a-token").header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("链接无效")));
    }

    @Test
    void withOnlyAPhoneTheSurveyGoesBySmsAndComplaintsGetNone() throws Exception {
        gateway.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withStatus(200)));
        openAndResolve("""
                {"desk":"CHANNEL","type":"SERVICE_REQUEST","channel":"PHONE","subject":"改送货地址",
                 "requester":{"kind":"UNKNOWN_CALLER","name":"李女士","phone":"13900139000"}}""");
        // sent after the commit, off the request's thread
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> gateway.verify(
                        1,
                        postRequestedFor(urlEqualTo("/sms/send"))
                                .withRequestBody(matchingJsonPath(
                                        "$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo("13900139000")))
                                .withRequestBody(matchingJsonPath(
                                        "$.text",
                                        com.github.tomakehurst.wiremock.client.WireMock.containing(
                                                "https://desk.example.cn/survey/")))));

        String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/tickets")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"desk":"CHANNEL","type":"COMPLAINT","channel":"PHONE","subject":"投诉",
                                 "requester":{"kind":"UNKNOWN_CALLER","name":"王先生","phone":"13700137000"}}"""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long complaint = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/tickets/" + complaint + "/callback")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"已解决\",\"satisfaction\":5}"))
                .andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/tickets/" + complaint + "/state")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"RESOLVED\"}"))
                .andExpect(status().isOk());
        gateway.verify(
                0,
                postRequestedFor(urlEqualTo("/sms/send"))
                        .withRequestBody(matchingJsonPath(
                                "$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo("13700137000"))));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
