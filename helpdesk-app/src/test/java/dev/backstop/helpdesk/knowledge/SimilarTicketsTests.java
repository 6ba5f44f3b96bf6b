package dev.backstop.helpdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import dev.backstop.helpdesk.testsupport.SharedPostgresContext;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Similar resolved tickets beside the ticket form and on a ticket's page: a ticket resolved at a desk is offered to
 * that desk's agents for a ticket like it, never to other desks, never when confidential, and no longer once reopened.
 * Same configuration as {@link KnowledgeApiTests}, so the application contexts are shared.
 */
class SimilarTicketsTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        /** A made-up word in every ticket of one test, so that no demo ticket competes. */
        final String marker = "zt"
                + java.util.concurrent.ThreadLocalRandom.current()
                        .ints(8, 'a', 'z' + 1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

        long open(String user, String json) throws Exception {
            String response = mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic(user, "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(response, "$.id")).longValue();
        }

        void act(String user, long id, String path, String json) throws Exception {
            mvc.perform(post("/api/v1/tickets/" + id + path)
                            .with(httpBasic(user, "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json))
                    .andExpect(status().isOk());
        }

        List<Integer> similar(String user, String text) throws Exception {
            String body = mvc.perform(get("/api/v1/kb/similar-tickets")
                            .param("text", text)
                            .with(httpBasic(user, "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return JsonPath.read(body, "$[*].id");
        }

        @Test
        void aResolvedTicketIsOfferedToItsDeskForALikeTicketAndLeavesWhenReopened() throws Exception {
            long resolved = open("agent", """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"%s 仓库发货延迟，物流单号查不到",
                     "description":"经销商反映订单已付款三天仍未发货，物流单号在快递网站查不到。"}""".formatted(marker));
            act("agent", resolved, "/replies", "{\"body\":\"已联系仓库加急补发，新的物流单号已短信告知。\"}");
            act("agent", resolved, "/state", "{\"state\":\"RESOLVED\",\"comment\":\"仓库补发\"}");
            String asked = marker + " 物流单号查不到 发货延迟";

            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(similar("agent", asked)).contains((int) resolved));
            String page = mvc.perform(get("/workspace/kb/answers")
                            .param("subject", marker + " 物流单号查不到")
                            .param("description", "客户说发货延迟")
                            .with(httpBasic("agent", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .as("beside the ticket form, with a link to the resolved ticket")
                    .contains("similar-ticket-" + resolved)
                    .contains("/workspace/tickets/" + resolved);
            assertThat(similar("hr", asked))
                    .as("the HR desk does not see the channel desk's tickets")
                    .doesNotContain((int) resolved);
            assertThat(similar("frontline", asked))
                    .as("front-line reps see only their own expert questions")
                    .isEmpty();

            long like = open("agent", """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"%s 物流单号查不到",
                     "description":"订单付款后迟迟没有发货，物流单号查询无记录。"}""".formatted(marker));
            String onTicket = mvc.perform(get("/workspace/kb/similar-tickets")
                            .param("ticket", Long.toString(like))
                            .with(httpBasic("agent", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(onTicket).contains("similar-ticket-" + resolved).doesNotContain("similar-ticket-" + like + "\"");
            mvc.perform(get("/workspace/kb/similar-tickets")
                            .param("ticket", Long.toString(like))
                            .with(httpBasic("hr", "demo")))
                    .andExpect(status().isNotFound());

            act("agent", resolved, "/state", "{\"state\":\"OPEN\",\"comment\":\"客户说仍未收到\"}");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(similar("agent", asked)).doesNotContain((int) resolved));
        }

        @Test
        void confidentialHrCasesAreNeverOffered() throws Exception {
            String subject = marker + " 工资条个税扣除异常";
            long confidential = open("payroll", """
                    {"desk":"HR","type":"INQUIRY","channel":"PHONE","subject":"%s","description":"本月个税比上月多扣，怀疑专项附加扣除未生效。",
                     "confidential":true}""".formatted(subject));
            long plain = open("payroll", """
                    {"desk":"HR","type":"INQUIRY","channel":"PHONE","subject":"%s","description":"本月个税比上月多扣，专项附加扣除未生效。"}""".formatted(subject));
            for (long id : List.of(confidential, plain)) {
                act("payroll", id, "/replies", "{\"body\":\"专项附加扣除需在个税 App 中重新确认，下月补退。\"}");
                act("payroll", id, "/state", "{\"state\":\"RESOLVED\"}");
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(similar("payroll", subject)).contains((int) plain));
            assertThat(similar("payroll", subject)).doesNotContain((int) confidential);
            assertThat(similar("supervisor", subject)).contains((int) plain).doesNotContain((int) confidential);
            assertThat(similar("agent", subject)).doesNotContain((int) plain);
        }
    }

    @Nested
    @SharedH2Context
    class OnH2 extends Scenarios {}

    @Nested
    @SharedPostgresContext
    class OnPostgres extends Scenarios {}
}
