package dev.backstop.helpdesk.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.tickets.HrTopic;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15 hr-topics: an HR ticket's topic picks its SLA policy (reference data in {@code sla_policies}), its queue
 * (skill) and its scripts; an agent changes it with an entry on the timeline; a family member's hardship request from
 * the portal is first in the HR queue, the score names hardship as the reason, and the HR agent sees the call-back
 * promise in the requester's words on the ticket and in the queue. Same context as {@link HrPrivacyMatrixTests} and
 * {@link FamilyFollowsTicketsTests} (the properties must stay identical, in the same order): every test opens its own
 * tickets (a UUID in the subject), and the queue rule "every hardship request before every other ticket" holds over
 * whatever tickets the other classes left.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/hr-privacy",
            "backstop.demo-data=true",
            "spring.datasource.url=jdbc:h2:mem:hrprivacy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms"
        })
@ResourceLock("context:hr-privacy")
class HrTopicsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @Test
    void eachTopicIsAnsweredWithinTheTargetsOfItsOwnPolicyFromTheReferenceData() throws Exception {
        for (HrTopic topic : List.of(HrTopic.PAYROLL_DISPUTE, HrTopic.LEAVE, HrTopic.HARDSHIP, HrTopic.OTHER)) {
            long id = openAsEmployee(topic, "按主题的时限 " + UUID.randomUUID(), null);
            Map<String, Object> policy = jdbc.queryForMap("""
                    select p.name, p.topic, p.first_response_minutes from tickets t join sla_policies p on p.id = t.sla_policy_id
                     where t.id = ?""", id);
            if (topic == HrTopic.OTHER) {
                assertThat(policy.get("topic"))
                        .as("other: the HR desk's policy")
                        .isNull();
                assertThat(policy.get("name")).isEqualTo("HR 服务台");
            } else {
                assertThat(policy.get("topic")).as(topic.name()).isEqualTo(topic.name());
            }
            String seen = json("hr", "/api/v1/tickets/" + id);
            assertThat(JsonPath.<String>read(seen, "$.sla.policyName")).isEqualTo(policy.get("name"));
            assertThat(JsonPath.<String>read(seen, "$.topic")).isEqualTo(topic.name());
        }
        assertThat(jdbc.queryForObject(
                        "select first_response_minutes from sla_policies where topic = 'HARDSHIP' and active = true",
                        Integer.class))
                .as("a hardship request is answered sooner than a payroll dispute, sooner than leave")
                .isLessThan(jdbc.queryForObject(
                        "select first_response_minutes from sla_policies where topic = 'PAYROLL_DISPUTE' and active = true",
                        Integer.class))
                .isLessThan(jdbc.queryForObject(
                        "select first_response_minutes from sla_policies where topic = 'LEAVE' and active = true",
                        Integer.class));
        long dispute = openAsEmployee(HrTopic.PAYROLL_DISPUTE, "工资争议 " + UUID.randomUUID(), null);
        assertThat(jdbc.queryForObject("select skill from tickets where id = ?", String.class, dispute))
                .as("payroll topics go to the payroll queue")
                .isEqualTo("PAYROLL");
    }

    @Test
    void aFamilysHardshipRequestIsFirstInTheHrQueueTheScoreSaysWhyAndTheAgentSeesTheCallBackPromise() throws Exception {
        String promise = "请在 18:00 以后打我手机 138 0013 8000，白天在医院 " + UUID.randomUUID();
        MockHttpServletResponse created = mvc.perform(post("/portal/tickets/new")
                        .with(httpBasic("family", "demo"))
                        .with(csrf())
                        .param("type", "INQUIRY")
                        .param("topic", "HARDSHIP")
                        .param("subject", "孩子生病住院，申请帮扶")
                        .param("description", "我爱人驻外工作，孩子突发疾病住院。")
                        .param("callbackPromise", promise))
                .andReturn()
                .getResponse();
        assertThat(created.getRedirectedUrl()).matches("/portal/tickets/\\d+");
        long hardship = Long.parseLong(created.getRedirectedUrl().replaceAll("\\D", ""));
        assertThat(jdbc.queryForObject("select type from tickets where id = ?", String.class, hardship))
                .as("a hardship topic is a hardship request")
                .isEqualTo("HARDSHIP");

        // an urgent payroll question, overdue and waiting for hours: the most a non-hardship ticket can score here
        long urgent = openAsHr("URGENT", "OTHER", "紧急工资问题 " + UUID.randomUUID());
        jdbc.update(
                "update tickets set first_response_due = ?, created_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(3600)),
                Timestamp.from(Instant.now().minusSeconds(5 * 3600)),
                urgent);

        String queue = json("hr", "/api/v1/routing/queues/HR?limit=200");
        List<Integer> order = JsonPath.read(queue, "$[*].ticket.id");
        assertThat(order).contains((int) hardship, (int) urgent);
        assertThat(order.indexOf((int) hardship)).isLessThan(order.indexOf((int) urgent));
        List<Integer> hardships = JsonPath.read(queue, "$[*].score.hardship");
        int lastHardship = hardships.lastIndexOf(200);
        assertThat(hardships.subList(0, lastHardship + 1))
                .as("every hardship request before every other ticket")
                .containsOnly(200);
        assertThat(JsonPath.<List<Integer>>read(queue, "$[?(@.ticket.id == " + hardship + ")].score.hardship"))
                .containsExactly(200);
        assertThat(JsonPath.<List<String>>read(queue, "$[?(@.ticket.id == " + hardship + ")].ticket.callbackPromise"))
                .containsExactly(promise);

        String page = page("hr", "/workspace/queue?desk=HR", "zh-CN");
        String row = page.substring(page.indexOf("data-key=\"" + key(hardship) + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("200 (困难求助)", promise, "困难求助");
        String english = page("hr", "/workspace/queue?desk=HR", "en");
        assertThat(english).contains("200 (hardship request)");

        String ticket = page("hr", "/workspace/tickets/" + hardship, "zh-CN");
        assertThat(ticket).contains("id=\"callback-promise\"", promise, "回电要求");
        assertThat(ticket).contains("员工家属困难求助来电").doesNotContain("员工工资条疑问来电");
        assertThat(page("family", "/portal/tickets/" + hardship, "zh-CN")).contains(promise, "困难求助");

        MockHttpServletResponse payroll = mvc.perform(post("/portal/tickets/new")
                        .with(httpBasic("family", "demo"))
                        .with(csrf())
                        .param("type", "INQUIRY")
                        .param("topic", "PAYROLL_DISPUTE")
                        .param("subject", "家属问工资 " + UUID.randomUUID()))
                .andReturn()
                .getResponse();
        assertThat(payroll.getRedirectedUrl())
                .as("a family member cannot open a pay topic")
                .isNull();
        assertThat(mvc.perform(get("/api/v1/me/payslips").with(httpBasic("family", "demo")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("and still gets nothing of payroll without a delegation")
                .isEqualTo(404);
    }

    @Test
    void anAgentChangesTheTopicTheTimelineSaysSoAndQueueSlaAndScriptsFollow() throws Exception {
        long id = openAsHr("NORMAL", "OTHER", "其实是工资争议 " + UUID.randomUUID());
        assertThat(jdbc.queryForObject("select skill from tickets where id = ?", String.class, id))
                .isNull();

        MockHttpServletResponse changed = changeTopic("hr", id, "PAYROLL_DISPUTE");
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(
                        changed.getContentAsString(), "$.timeline[?(@.kind == 'TOPIC_CHANGED')].body"))
                .containsExactly("OTHER PAYROLL_DISPUTE");
        assertThat(JsonPath.<String>read(changed.getContentAsString(), "$.topic"))
                .isEqualTo("PAYROLL_DISPUTE");
        assertThat(jdbc.queryForMap("""
                        select t.skill, p.topic from tickets t join sla_policies p on p.id = t.sla_policy_id where t.id = ?""", id))
                .containsEntry("skill", "PAYROLL")
                .containsEntry("topic", "PAYROLL_DISPUTE");

        String page = page("payroll", "/workspace/tickets/" + id, "zh-CN");
        assertThat(page).contains("主题已更改", "其他 → 工资争议", "工资争议来电");

        MockHttpServletResponse again = changeTopic("hr", id, "PAYROLL_DISPUTE");
        assertThat(again.getStatus()).isEqualTo(400);
        assertThat(again.getContentAsString()).contains("已是这个主题").doesNotContain("Exception");
        assertThat(changeTopic("employee", id, "LEAVE").getStatus())
                .as("a requester may not")
                .isEqualTo(403);
        assertThat(changeTopic("agent", id, "LEAVE").getStatus())
                .as("a channel agent may not")
                .isEqualTo(403);
    }

    @Test
    void everyTopicHasAChineseAndAnEnglishNameAndAChineseQueueShowsNoCodes() throws Exception {
        for (HrTopic topic : HrTopic.values()) {
            String zh = messages.getMessage("tickets.topic." + topic, null, Locale.SIMPLIFIED_CHINESE);
            String en = messages.getMessage("tickets.topic." + topic, null, Locale.ENGLISH);
            assertThat(zh).as(topic.name()).matches(".*[\\u4e00-\\u9fff].*");
            assertThat(en).as(topic.name()).isNotBlank().isNotEqualTo(topic.name());
        }
        String text = page("hr", "/workspace/queue?desk=HR", "zh-CN").replaceAll("<[^>]+>", " ");
        for (HrTopic topic : HrTopic.values()) {
            assertThat(text).as("no raw code on a Chinese screen").doesNotContain(topic.name() + " ");
        }
        assertThat(text).contains("工资疑问", "困难求助", "全部主题");
    }

    @Test
    void aTopicOnAnotherDeskOrAnOverlongCallBackPromiseIsRefusedInTheCallersLanguage() throws Exception {
        MockHttpServletResponse channel = mvc.perform(post("/api/v1/tickets")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"渠道问题","topic":"LEAVE"}"""))
                .andReturn()
                .getResponse();
        assertThat(channel.getStatus()).isEqualTo(400);
        assertThat(channel.getContentAsString()).contains("只有人事工单有主题").doesNotContain("Exception");
        MockHttpServletResponse tooLong = mvc.perform(post("/api/v1/tickets")
                        .with(httpBasic("employee", "demo"))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"desk":"HR","type":"INQUIRY","channel":"PORTAL","subject":"回电","callbackPromise":"%s"}""".formatted("x".repeat(501))))
                .andReturn()
                .getResponse();
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(tooLong.getContentAsString()).contains("callbackPromise").doesNotContain("Exception");
    }

    private long openAsEmployee(HrTopic topic, String subject, String promise) throws Exception {
        String body = mvc.perform(post("/api/v1/tickets")
                        .with(httpBasic("employee", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"desk":"HR","type":"INQUIRY","channel":"PORTAL","subject":"%s","topic":"%s",
                                 "callbackPromise":%s}""".formatted(subject, topic, promise == null ? "null" : "\"" + promise + "\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private long openAsHr(String priority, String topic, String subject) throws Exception {
        String body = mvc.perform(post("/api/v1/tickets")
                        .with(httpBasic("hr", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"desk":"HR","type":"INQUIRY","channel":"PHONE","priority":"%s","subject":"%s","topic":"%s"}""".formatted(priority, subject, topic)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private MockHttpServletResponse changeTopic(String user, long id, String topic) throws Exception {
        return mvc.perform(post("/api/v1/hr/tickets/" + id + "/topic")
                        .with(httpBasic(user, "demo"))
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"topic\":\"" + topic + "\"}"))
                .andReturn()
                .getResponse();
    }

    private String json(String user, String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(user, "demo")))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String page(String user, String url, String language) throws Exception {
        return mvc.perform(get(url).with(httpBasic(user, "demo")).header("Accept-Language", language))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String key(long id) {
        return jdbc.queryForObject("select ticket_key from tickets where id = ?", String.class, id);
    }
}
