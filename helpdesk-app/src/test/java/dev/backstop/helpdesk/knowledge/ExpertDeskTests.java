package dev.backstop.helpdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import dev.backstop.helpdesk.testsupport.SharedPostgresContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The expert desk behind the front line, on H2 and on a real PostgreSQL: a rep escalates from a search or a ticket
 * with what they searched and read, the escalation waits in the expert queue of its skill with its SLA, the expert's
 * reply is recorded as the answer and rings the rep's bell, the answer is captured as a draft article, and questions
 * no article matched show up as knowledge gaps.
 */
class ExpertDeskTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        /** A word no demo article contains, so that each test sees only its own articles and questions. */
        final String marker = "zq"
                + java.util.concurrent.ThreadLocalRandom.current()
                        .ints(8, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

        String page(String user, String path, String... params) throws Exception {
            var request = get(path).with(httpBasic(user, "demo")).header("Accept-Language", "zh-CN");
            for (int i = 0; i < params.length; i += 2) {
                request.param(params[i], params[i + 1]);
            }
            return mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }

        String json(ResultActions result) throws Exception {
            return result.andReturn().getResponse().getContentAsString();
        }

        ResultActions postJson(String user, String path, String body) throws Exception {
            return mvc.perform(post(path)
                    .with(httpBasic(user, "demo"))
                    .header("Accept-Language", "zh-CN")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body));
        }

        long id(String json, String path) {
            return ((Number) JsonPath.read(json, path)).longValue();
        }

        long userId(String username) {
            return jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
        }

        long publish(String title, String body) throws Exception {
            long id = id(
                    json(postJson("editor", "/api/v1/kb/articles", """
                    {"title":"%s","body":"%s","language":"zh","audience":"FRONTLINE","category":"returns","state":"PUBLISHED"}""".formatted(title, body))
                            .andExpect(status().isCreated())),
                    "$.id");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(JsonPath.<List<Integer>>read(
                                    page("frontline", "/api/v1/kb/search", "q", marker), "$.hits[*].id"))
                            .contains((int) id));
            return id;
        }

        /** Escalates through the API; answers the new expert ticket's JSON. */
        String escalate(String user, String question, String skill, Long sourceTicketId) throws Exception {
            return json(postJson(
                            user,
                            "/api/v1/kb/escalations",
                            JsonPath.parse(new java.util.HashMap<>(
                                            Map.of("question", question, "skill", skill, "priority", "HIGH")))
                                    .put("$", "sourceTicketId", sourceTicketId)
                                    .jsonString())
                    .andExpect(status().isCreated()));
        }

        String ticket(String user, long id) throws Exception {
            return page(user, "/api/v1/tickets/" + id);
        }

        void reply(String user, long ticketId, String body) throws Exception {
            postJson(user, "/api/v1/tickets/" + ticketId + "/replies", "{\"body\":\"" + body + "\"}")
                    .andExpect(status().isOk());
        }

        @Test
        void escalatingFromASearchCarriesTheSearchesAndArticlesReadIntoTheExpertsTicket() throws Exception {
            long article = publish("换货口径 " + marker, "质量问题签收后7天内可换货。");
            page("frontline", "/workspace/kb", "q", marker + " 换货");
            page("frontline", "/workspace/kb/articles/" + article);
            String question = "客户问跨店换货是否可以 " + marker;

            String form = page("frontline", "/workspace/kb/escalations/new", "q", question);
            assertThat(form)
                    .contains(question)
                    .contains("value=\"" + marker + " 换货\"")
                    .contains("换货口径 " + marker)
                    .contains("value=\"" + article + "\"")
                    .contains("value=\"PRODUCT\"");

            String location = mvc.perform(post("/workspace/kb/escalations")
                            .with(httpBasic("frontline", "demo"))
                            .with(csrf())
                            .param("question", question)
                            .param("skill", "PRODUCT")
                            .param("priority", "HIGH")
                            .param("searches", marker + " 换货")
                            .param("articleIds", String.valueOf(article)))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            assertThat(location).startsWith("/workspace/tickets/");
            long ticketId = Long.parseLong(location.substring("/workspace/tickets/".length()));

            String expertView = ticket("expert", ticketId);
            assertThat(JsonPath.<String>read(expertView, "$.desk")).isEqualTo("EXPERT");
            assertThat(JsonPath.<String>read(expertView, "$.key")).startsWith("EX-");
            assertThat(JsonPath.<String>read(expertView, "$.priority")).isEqualTo("HIGH");
            assertThat(JsonPath.<String>read(expertView, "$.description")).isEqualTo(question);
            assertThat(JsonPath.<String>read(expertView, "$.requester.kind")).isEqualTo("FRONTLINE_REP");
            assertThat(JsonPath.<String>read(expertView, "$.sla.firstResponseDue"))
                    .as("the expert desk's SLA applies")
                    .isNotNull();
            assertThat(JsonPath.<String>read(expertView, "$.sla.resolutionDue")).isNotNull();
            String queue = page("expert", "/api/v1/routing/queues/EXPERT");
            assertThat(JsonPath.<List<String>>read(queue, "$[?(@.ticket.id == " + ticketId + ")].skill"))
                    .containsExactly("PRODUCT");

            String panel = page("expert", "/workspace/kb/tickets/" + ticketId);
            assertThat(panel)
                    .contains(marker + " 换货")
                    .contains("换货口径 " + marker)
                    .contains("等待专家答复")
                    .contains("产品技术")
                    .contains("沉淀为知识");
            String repsPage = page("frontline", location);
            assertThat(repsPage)
                    .contains("/workspace/tickets/" + ticketId + "/events")
                    .contains("sse-connect")
                    .contains("/workspace/kb/tickets/" + ticketId);
        }

        @Test
        void escalatingFromAChannelTicketLinksBothTickets() throws Exception {
            long source = id(
                    json(postJson("agent", "/api/v1/tickets", """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"返利叠加 %s",
                     "description":"经销商问新品返利能否与季度返利叠加。"}""".formatted(marker))
                            .andExpect(status().isCreated())),
                    "$.id");
            String sourceKey = JsonPath.read(ticket("agent", source), "$.key");
            assertThat(page("agent", "/workspace/tickets/" + source))
                    .contains("id=\"escalate\"")
                    .contains("/workspace/kb/escalations/new?ticket=" + source);
            assertThat(page("agent", "/workspace/kb/escalations/new", "ticket", String.valueOf(source)))
                    .contains("返利叠加 " + marker)
                    .contains("经销商问新品返利能否与季度返利叠加。")
                    .contains(sourceKey);

            String escalation = escalate("agent", "返利叠加 " + marker + "\n\n经销商问新品返利能否与季度返利叠加。", "GENERAL", source);
            long expertTicket = id(escalation, "$.ticketId");
            String key = JsonPath.read(escalation, "$.ticketKey");
            assertThat(key).startsWith("EX-");
            assertThat(JsonPath.<String>read(escalation, "$.sourceTicketKey")).isEqualTo(sourceKey);

            assertThat(JsonPath.<List<String>>read(
                            ticket("agent", source), "$.timeline[?(@.kind == 'INTERNAL_NOTE')].body"))
                    .anySatisfy(note -> assertThat(note).contains(key));
            assertThat(JsonPath.<String>read(ticket("agent", expertTicket), "$.subject"))
                    .isEqualTo("返利叠加 " + marker);
            assertThat(page("expert", "/workspace/kb/tickets/" + expertTicket)).contains(sourceKey);
            assertThat(page("agent", "/workspace/kb/tickets/" + source)).contains(key);
            String queue = page("expert", "/api/v1/routing/queues/EXPERT");
            assertThat(JsonPath.<List<Object>>read(queue, "$[?(@.ticket.id == " + expertTicket + ")]"))
                    .hasSize(1);

            postJson("agent", "/api/v1/kb/escalations", "{\"question\":\"再问\",\"sourceTicketId\":" + expertTicket + "}")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("knowledge.error.escalateExpertTicket"));
            postJson(
                            "frontline",
                            "/api/v1/kb/escalations",
                            "{\"question\":\"看不到的工单\",\"sourceTicketId\":" + source + "}")
                    .andExpect(status().isNotFound());
        }

        long figure(String figures, String path) {
            return ((Number) JsonPath.read(figures, path)).longValue();
        }

        @Test
        void theSupervisorsFiguresCountContactsEscalationsAnswersCapturesAndDeflections() throws Exception {
            String before = page("supervisor", "/api/v1/kb/figures", "days", "1");
            long article = publish("退换货期限说明 " + marker, "七天无理由退货，十五天内质量问题可换货。" + marker);

            // a question answered from the knowledge base on the ticket form, a channel ticket resolved without help,
            // and a question that had to go to the expert desk, answered and captured
            for (String reader : List.of("agent", "frontline", "hr", "agent")) {
                page(reader, "/api/v1/kb/articles/" + article); // staff reads count as reuse
            }
            postJson("agent", "/api/v1/kb/deflections", """
                    {"articleId":%d,"context":"TICKET_FORM","query":"退货期限 %s"}""".formatted(article, marker))
                    .andExpect(status().isNoContent());
            long resolved = id(
                    json(postJson("agent", "/api/v1/tickets", """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"发票抬头修改 %s"}""".formatted(marker))
                            .andExpect(status().isCreated())),
                    "$.id");
            postJson("agent", "/api/v1/tickets/" + resolved + "/state", "{\"state\":\"RESOLVED\"}")
                    .andExpect(status().isOk());
            long expertTicket = id(escalate("frontline", "定制款能否退货 " + marker, "PRODUCT", null), "$.ticketId");
            reply("expert", expertTicket, "定制款不适用七天无理由退货，质量问题除外。");
            postJson("expert", "/api/v1/kb/articles/from-ticket/" + expertTicket, "")
                    .andExpect(status().isCreated());

            String after = page("supervisor", "/api/v1/kb/figures", "days", "1");
            assertThat(figure(after, "$.contacts") - figure(before, "$.contacts"))
                    .as("deflection + resolved + escalation")
                    .isEqualTo(3);
            assertThat(figure(after, "$.resolvedAtFirstContact") - figure(before, "$.resolvedAtFirstContact"))
                    .isEqualTo(2);
            assertThat(figure(after, "$.escalations") - figure(before, "$.escalations"))
                    .isEqualTo(1);
            assertThat(figure(after, "$.escalationsFromSearch") - figure(before, "$.escalationsFromSearch"))
                    .isEqualTo(1);
            assertThat(figure(after, "$.answered") - figure(before, "$.answered"))
                    .isEqualTo(1);
            assertThat(figure(after, "$.articlesFromTickets") - figure(before, "$.articlesFromTickets"))
                    .isEqualTo(1);
            assertThat(figure(after, "$.deflectionsByContext.TICKET_FORM")
                            - (JsonPath.<Map<String, Object>>read(before, "$.deflectionsByContext")
                                            .containsKey("TICKET_FORM")
                                    ? figure(before, "$.deflectionsByContext.TICKET_FORM")
                                    : 0))
                    .isEqualTo(1);
            double fcr = JsonPath.<Double>read(after, "$.firstContactResolution");
            assertThat(fcr)
                    .isCloseTo(
                            (double) figure(after, "$.resolvedAtFirstContact") / figure(after, "$.contacts"),
                            org.assertj.core.data.Offset.offset(1e-9));
            assertThat(JsonPath.<List<Integer>>read(after, "$.mostReused[*].id"))
                    .contains((int) article);

            assertThat(page("supervisor", "/workspace/kb/figures"))
                    .contains("一线首次解决率")
                    .contains("专家答复用时（中位数）")
                    .contains("退换货期限说明 " + marker);
            mvc.perform(get("/api/v1/kb/figures").with(httpBasic("frontline", "demo")))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/workspace/kb/figures").with(httpBasic("expert", "demo")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void theExpertsFirstReplyIsTheAnswerAndRingsTheRepsBell() throws Exception {
            String escalation = escalate("frontline", "保修期外电池鼓包怎么处理 " + marker, "PRODUCT", null);
            long ticketId = id(escalation, "$.ticketId");
            String key = JsonPath.read(escalation, "$.ticketKey");

            reply("frontline", ticketId, "补充：客户购买已有 14 个月。");
            assertThat(answeredAt(ticketId))
                    .as("the rep's own reply is not an answer")
                    .isNull();

            reply("expert", ticketId, "电池鼓包属安全问题，保修期外也免费更换电池。");
            assertThat(answeredAt(ticketId)).isNotNull();
            assertThat(jdbc.queryForObject(
                            "select answered_by from kb_escalations where ticket_id = ?", Long.class, ticketId))
                    .isEqualTo(userId("expert"));
            reply("expert", ticketId, "另：需拍照留存。");

            String bell = page("frontline", "/api/v1/notifications");
            assertThat(JsonPath.<List<Object>>read(bell, "$[?(@.ticketId == " + ticketId + ")]"))
                    .hasSize(1);
            assertThat(JsonPath.<List<String>>read(bell, "$[?(@.ticketId == " + ticketId + ")].messageKey"))
                    .containsExactly("knowledge.notification.answered");
            assertThat(JsonPath.<List<List<String>>>read(bell, "$[?(@.ticketId == " + ticketId + ")].arguments")
                            .getFirst())
                    .containsExactly(key, "钱专家");
            assertThat(page("frontline", "/notifications")).contains("钱专家 已答复您的转专家问题 " + key);
            assertThat(page("frontline", "/workspace/kb/tickets/" + ticketId))
                    .contains("钱专家")
                    .doesNotContain("等待专家答复");
        }

        private Object answeredAt(long ticketId) {
            return jdbc.queryForObject(
                    "select answered_at from kb_escalations where ticket_id = ?", Object.class, ticketId);
        }

        @Test
        void captureMakesALinkedDraftArticlePrefilledWithTheExpertsAnswer() throws Exception {
            String question = "以旧换新活动能否叠加会员折扣 " + marker;
            long ticketId = id(escalate("frontline", question, "PRODUCT", null), "$.ticketId");
            String key = JsonPath.read(ticket("frontline", ticketId), "$.key");
            reply("frontline", ticketId, "客户很着急。");
            reply("expert", ticketId, "以旧换新可以叠加会员折扣，但不可再叠加优惠券。");

            postJson("frontline", "/api/v1/kb/articles/from-ticket/" + ticketId, "")
                    .andExpect(status().isForbidden());
            String article = json(postJson("expert", "/api/v1/kb/articles/from-ticket/" + ticketId, "")
                    .andExpect(status().isCreated()));
            long articleId = id(article, "$.id");
            assertThat(JsonPath.<String>read(article, "$.state")).isEqualTo("DRAFT");
            assertThat(id(article, "$.sourceTicketId")).isEqualTo(ticketId);
            assertThat(JsonPath.<List<Integer>>read(article, "$.ticketIds")).containsExactly((int) ticketId);
            assertThat(JsonPath.<String>read(article, "$.title")).isEqualTo(question);
            assertThat(JsonPath.<String>read(article, "$.body"))
                    .contains("## 问题", question, "## 答复", "以旧换新可以叠加会员折扣，但不可再叠加优惠券。", key)
                    .doesNotContain("客户很着急");
            assertThat(JsonPath.<String>read(article, "$.category")).isEqualTo("product");
            assertThat(JsonPath.<String>read(article, "$.audience")).isEqualTo("FRONTLINE");
            assertThat(JsonPath.<String>read(article, "$.desk")).isEqualTo("EXPERT");
            assertThat(jdbc.queryForObject(
                            "select relation from kb_article_tickets where article_id = ? and ticket_id = ?",
                            String.class,
                            articleId,
                            ticketId))
                    .isEqualTo("CAPTURED");
            assertThat(JsonPath.<List<Integer>>read(
                            page("frontline", "/api/v1/kb/search", "q", marker), "$.hits[*].id"))
                    .as("a draft is not found until it is reviewed and published")
                    .doesNotContain((int) articleId);
            postJson("expert", "/api/v1/kb/articles/from-ticket/" + ticketId, "")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("knowledge.error.alreadyCaptured"));
            assertThat(page("expert", "/workspace/kb/tickets/" + ticketId))
                    .contains("/workspace/kb/editor/" + articleId)
                    .doesNotContain("id=\"kb-capture\"");
        }

        @Test
        void aResolvedChannelTicketIsCapturedFromItsPageIntoTheEditor() throws Exception {
            long ticketId = id(
                    json(postJson("agent", "/api/v1/tickets", """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"跨区发货运费 %s"}""".formatted(marker))
                            .andExpect(status().isCreated())),
                    "$.id");
            reply("agent", ticketId, "跨区发货运费由总部承担。");
            mvc.perform(post("/workspace/kb/editor/from-ticket/" + ticketId)
                            .with(httpBasic("admin", "demo"))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                            "/workspace/tickets/" + ticketId))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("errorKey", "knowledge.error.notCapturable"));
            postJson("agent", "/api/v1/tickets/" + ticketId + "/state", "{\"state\":\"RESOLVED\"}")
                    .andExpect(status().isOk());

            assertThat(page("admin", "/workspace/kb/tickets/" + ticketId)).contains("id=\"kb-capture\"");
            String editor = mvc.perform(post("/workspace/kb/editor/from-ticket/" + ticketId)
                            .with(httpBasic("admin", "demo"))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            assertThat(editor).startsWith("/workspace/kb/editor/");
            assertThat(page("admin", editor))
                    .contains("跨区发货运费 " + marker)
                    .contains("跨区发货运费由总部承担。")
                    .contains("草稿");
        }

        @Test
        void onlyRepsAndTheirSupervisorsEscalate() throws Exception {
            for (String user : List.of("distributor", "employee", "family", "expert", "editor", "backoffice")) {
                postJson(user, "/api/v1/kb/escalations", "{\"question\":\"x\"}").andExpect(status().isForbidden());
            }
            for (String user : List.of("hr", "payroll", "supervisor", "admin")) {
                escalate(user, "可以转专家吗 " + marker, "GENERAL", null);
            }
            postJson("frontline", "/api/v1/kb/escalations", "{\"question\":\" \"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("knowledge.error.questionRequired"));
            postJson("frontline", "/api/v1/kb/escalations", "{\"question\":\"q\",\"skill\":\"ASTROLOGY\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("knowledge.error.skill"));
        }

        @Test
        void escalationsWhoseQuestionNoArticleMatchedAreKnowledgeGaps() throws Exception {
            publish("屏幕划痕退换 " + marker, "屏幕划痕签收时须当场提出。");
            // a word of its own: the marker would match the article just published
            String gap = "xylophonequux " + new StringBuilder(marker).reverse();
            String gapKey = JsonPath.read(escalate("frontline", gap, "PRODUCT", null), "$.ticketKey");
            String covered = JsonPath.read(escalate("frontline", "屏幕划痕 " + marker, "PRODUCT", null), "$.ticketKey");

            String gaps = page("editor", "/workspace/kb/gaps");
            String table = gaps.substring(gaps.indexOf("id=\"kb-gap-escalations\""));
            assertThat(table).contains(gap).contains(gapKey).doesNotContain(covered);
        }
    }

    @Nested
    @SharedH2Context
    class OnH2 extends Scenarios {}

    @Nested
    @SharedPostgresContext
    class OnPostgres extends Scenarios {}
}
