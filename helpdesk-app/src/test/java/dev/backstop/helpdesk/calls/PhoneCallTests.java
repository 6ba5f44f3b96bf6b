package dev.backstop.helpdesk.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import dev.backstop.helpdesk.testsupport.SharedPostgresContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The phone beyond Zammad's three events: holds, resumes and transfers (repeatable, each counted once by its event id
 * or time) end in the right call record whatever order they arrive in; presence follows the phone (on call, after-call
 * work, available). Same contexts as {@link CtiTests}, on H2 and PostgreSQL.
 */
class PhoneCallTests {

    abstract static class Scenarios {

        static String uniqueNumber() {
            return "1390" + String.valueOf(System.nanoTime()).substring(5, 12);
        }

        long demoPbx() {
            return jdbc.queryForObject("select min(id) from pbx_endpoints", Long.class);
        }

        void clickToDial(String url) throws Exception {
            mvc.perform(put("/api/v1/admin/telephony/pbx/" + demoPbx() + "/click-to-dial")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\":\"" + url + "\"}"))
                    .andExpect(status().isNoContent());
        }

        @Test
        void theDemoSteersAKeyDistributorToItsAccountManagerAndRecognisesAFrontLineRep() throws Exception {
            jdbc.update(
                    "update agent_profiles set presence = 'AVAILABLE' where user_id = (select id from app_users where username = 'agent')");
            String contact = jdbc.queryForObject("""
                    select c.phone from distributor_contacts c join distributors d on d.id = c.distributor_id
                     where d.code = 'D0008' order by c.primary_contact desc, c.id fetch first 1 rows only""", String.class);
            json("{\"event\":\"newCall\",\"from\":\"%s\",\"to\":\"4008001000\",\"direction\":\"in\",\"callId\":\"%s\"}"
                            .formatted(contact, UUID.randomUUID()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.action").value("dial"))
                    .andExpect(jsonPath("$.number").value("8001"));

            // the front-line rep calls the support line from the number the demo gave them
            String callId = UUID.randomUUID().toString();
            json("{\"event\":\"newCall\",\"from\":\"+86 139 0000 7001\",\"to\":\"4008002000\",\"direction\":\"in\",\"callId\":\"%s\"}"
                            .formatted(callId))
                    .andExpect(status().isOk());
            call(callId, "expert")
                    .andExpect(jsonPath("$.party.kind").value("FRONTLINE"))
                    .andExpect(jsonPath("$.party.name").value("赵一线"));
            List<String> escalations = jdbc.queryForList("""
                    select t.ticket_key from tickets t join app_users u on u.id = t.requester_ref
                     where u.username = 'frontline' and t.requester_kind = 'FRONTLINE_REP' and t.desk = 'EXPERT'
                       and t.state not in ('RESOLVED', 'CLOSED')""", String.class);
            assertThat(escalations).isNotEmpty();
            String pop = mvc.perform(get("/workspace/calls/" + callId + "/pop")
                            .with(httpBasic("expert", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(pop).contains("Front-line rep").contains("赵一线");
            assertThat(escalations).allMatch(pop::contains);
        }

        @Test
        void anAdminSetsExtensionsOnTheAgentsPageAndStaffPhonesOnTheTelephonyPage() throws Exception {
            assertThat(mvc.perform(get("/admin/agents").with(httpBasic("admin", "demo")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("/admin/telephony/agents/agent/extension");
            assertThat(mvc.perform(get("/admin/telephony/agents/agent/extension")
                                    .with(httpBasic("admin", "demo")))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("value=\"8001\"");
            mvc.perform(post("/admin/telephony/extensions")
                            .with(httpBasic("admin", "demo"))
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .param("username", "supervisor")
                            .param("extension", "8009")
                            .param("returnTo", "agents"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                            "/admin/agents"));
            assertThat(jdbc.queryForObject(
                            "select x.extension from agent_extensions x join app_users u on u.id = x.user_id where u.username = 'supervisor'",
                            String.class))
                    .isEqualTo("8009");
            mvc.perform(put("/api/v1/admin/telephony/phones/backoffice")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"phone\":\"not a number\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not a number")));
            mvc.perform(get("/api/v1/admin/telephony/phones").with(httpBasic("admin", "demo")))
                    .andExpect(jsonPath("$[?(@.username == 'frontline')].phone").value("+86 139 0000 7001"));
        }

        @Test
        void aTicketListsItsCallsWithThePlayLink() throws Exception {
            long ticket =
                    jdbc.queryForObject("select ticket_id from calls where call_id = 'demo-call-0001'", Long.class);
            mvc.perform(get("/api/v1/tickets/" + ticket + "/calls").with(httpBasic("agent", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.callId == 'demo-call-0001')].recording")
                            .value("https://pbx.example.com/recordings/demo-call-0001.mp3"))
                    .andExpect(jsonPath("$[?(@.callId == 'demo-call-0001')].talkSeconds")
                            .value(188))
                    .andExpect(jsonPath("$[?(@.callId == 'demo-call-0001')].answeredBy")
                            .value("李坐席"));
            String panel = mvc.perform(get("/workspace/calls/tickets/" + ticket)
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(panel)
                    .contains("href=\"https://pbx.example.com/recordings/demo-call-0001.mp3\"")
                    .contains("Play recording")
                    .contains("Hung up normally");
            // the ticket's page loads the panel
            assertThat(mvc.perform(get("/workspace/tickets/" + ticket).with(httpBasic("agent", "demo")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("/workspace/calls/tickets/" + ticket);
            // a distributor may not read the calls of a ticket, nor may staff who may not see the ticket
            mvc.perform(get("/api/v1/tickets/" + ticket + "/calls").with(httpBasic("distributor", "demo")))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/tickets/" + ticket + "/calls").with(httpBasic("hr", "demo")))
                    .andExpect(status().isNotFound());
        }

        @Test
        void theCallerLogShowsAMissedCallWithItsCauseAndCallBackPostsToThePbxWhoseAnswerClosesTheTask()
                throws Exception {
            String number = uniqueNumber();
            String missed = UUID.randomUUID().toString();
            String head = "\"callId\":\"%s\",\"from\":\"%s\",\"to\":\"4008001000\",\"direction\":\"in\""
                    .formatted(missed, number);
            json("{\"event\":\"newCall\",%s,\"user\":[\"agent\"]}".formatted(head))
                    .andExpect(status().isOk());
            json("{\"event\":\"hangup\",%s,\"cause\":\"noAnswer\"}".formatted(head))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/v1/calls/log?scope=mine").with(httpBasic("agent", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.callId == '%s')].state".formatted(missed))
                            .value("MISSED"))
                    .andExpect(jsonPath("$[?(@.callId == '%s')].cause".formatted(missed))
                            .value("noAnswer"));
            mvc.perform(get("/api/v1/calls/log?scope=desk&desk=CHANNEL").with(httpBasic("agent", "demo")))
                    .andExpect(jsonPath("$[?(@.callId == '%s')].from".formatted(missed))
                            .value(number));
            mvc.perform(get("/api/v1/calls/log?scope=desk&desk=HR")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("You do not serve desk HR."));
            String page = mvc.perform(get("/workspace/calls")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).contains(missed).contains("No answer").contains("Call back");
            Long task = jdbc.queryForObject("select ticket_id from missed_calls where call_id = ?", Long.class, missed);
            assertThat(task).isNotNull();

            WireMockServer pbx =
                    new WireMockServer(WireMockConfiguration.options().dynamicPort());
            pbx.start();
            try {
                pbx.stubFor(WireMock.post("/click-to-dial")
                        .willReturn(WireMock.aResponse().withStatus(200)));
                clickToDial("http://localhost:" + pbx.port() + "/click-to-dial");
                String placed = mvc.perform(post("/api/v1/calls/dial")
                                .with(httpBasic("agent", "demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"number\":\"%s\"}".formatted(number)))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.mode").value("pbx"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                String callId = placed.replaceAll(".*\"callId\":\"([^\"]+)\".*", "$1");
                pbx.verify(WireMock.postRequestedFor(WireMock.urlEqualTo("/click-to-dial"))
                        .withRequestBody(WireMock.matchingJsonPath("$.event", WireMock.equalTo("dial")))
                        .withRequestBody(WireMock.matchingJsonPath("$.callId", WireMock.equalTo(callId)))
                        .withRequestBody(WireMock.matchingJsonPath("$.from", WireMock.equalTo("8001")))
                        .withRequestBody(WireMock.matchingJsonPath("$.to", WireMock.equalTo(number)))
                        .withRequestBody(WireMock.matchingJsonPath("$.user", WireMock.equalTo("agent"))));
                assertThat(jdbc.queryForObject("select state from tickets where id = ?", String.class, task))
                        .isNotIn("RESOLVED", "CLOSED");

                // the PBX reports the callback: ringing, then the caller answers → the task is done
                String out =
                        "\"callId\":\"%s\",\"from\":\"8001\",\"to\":\"%s\",\"direction\":\"out\",\"user\":\"agent\""
                                .formatted(callId, number);
                json("{\"event\":\"newCall\",%s}".formatted(out)).andExpect(status().isOk());
                assertThat(jdbc.queryForObject("select state from tickets where id = ?", String.class, task))
                        .isNotIn("RESOLVED", "CLOSED");
                json("{\"event\":\"answer\",%s,\"answeringNumber\":\"8001\"}".formatted(out))
                        .andExpect(status().isOk());
                assertThat(jdbc.queryForObject("select state from tickets where id = ?", String.class, task))
                        .isEqualTo("RESOLVED");
                assertThat(jdbc.queryForList(
                                "select body from ticket_articles where ticket_id = ? and kind = 'CALL'",
                                String.class,
                                task))
                        .anyMatch(b -> b.contains("Called back") && b.contains(callId));
                call(callId, "agent").andExpect(jsonPath("$.direction").value("out"));

                // a PBX that fails: 502 with a message, the attempt logged
                pbx.stubFor(WireMock.post("/click-to-dial")
                        .willReturn(WireMock.aResponse().withStatus(503)));
                mvc.perform(post("/api/v1/calls/dial")
                                .with(httpBasic("agent", "demo"))
                                .header("Accept-Language", "en")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"number\":\"%s\"}".formatted(number)))
                        .andExpect(status().isBadGateway())
                        .andExpect(jsonPath("$.detail")
                                .value(org.hamcrest.Matchers.containsString("did not take the call")));
            } finally {
                clickToDial("");
                pbx.stop();
            }
        }

        @Test
        void withoutClickToDialTheTelCallBackClosesTheCallbackTaskWithTheCallOnItsTimeline() throws Exception {
            String number = uniqueNumber();
            String missed = UUID.randomUUID().toString();
            String head = "\"callId\":\"%s\",\"from\":\"%s\",\"to\":\"4008001000\",\"direction\":\"in\""
                    .formatted(missed, number);
            json("{\"event\":\"newCall\",%s}".formatted(head)).andExpect(status().isOk());
            json("{\"event\":\"hangup\",%s,\"cause\":\"cancel\"}".formatted(head))
                    .andExpect(status().isOk());
            Long task = jdbc.queryForObject("select ticket_id from missed_calls where call_id = ?", Long.class, missed);
            assertThat(jdbc.queryForObject("select state from tickets where id = ?", String.class, task))
                    .isNotIn("RESOLVED", "CLOSED");

            String placed = mvc.perform(post("/api/v1/calls/dial")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"number\":\"%s\",\"ticketId\":%d}".formatted(number, task)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.mode").value("tel"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String callId = placed.replaceAll(".*\"callId\":\"([^\"]+)\".*", "$1");
            assertThat(jdbc.queryForObject("select state from tickets where id = ?", String.class, task))
                    .isEqualTo("RESOLVED");
            assertThat(jdbc.queryForList(
                            "select body from ticket_articles where ticket_id = ? and kind = 'CALL'",
                            String.class,
                            task))
                    .anyMatch(b -> b.contains("Called back") && b.contains(callId));
            call(callId, "agent")
                    .andExpect(jsonPath("$.direction").value("out"))
                    .andExpect(jsonPath("$.cause").value("dialledByPhone"));
        }

        @Test
        void withoutClickToDialCallBackIsATelLinkAndALoggedOutboundCall() throws Exception {
            String number = uniqueNumber();
            mvc.perform(post("/api/v1/calls/dial")
                            .with(httpBasic("hr", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"number\":\"%s\"}".formatted(number)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.mode").value("tel"))
                    .andExpect(jsonPath("$.tel").value("tel:" + number));
            mvc.perform(get("/api/v1/calls/log").with(httpBasic("hr", "demo")))
                    .andExpect(jsonPath("$[?(@.to == '%s')].direction".formatted(number))
                            .value("out"))
                    .andExpect(jsonPath("$[?(@.to == '%s')].cause".formatted(number))
                            .value("dialledByPhone"))
                    .andExpect(jsonPath("$[?(@.to == '%s')].desk".formatted(number))
                            .value("HR"));
            // the page's "call back" sends the browser to the tel: link
            mvc.perform(post("/workspace/calls/dial")
                            .with(httpBasic("hr", "demo"))
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .param("number", number))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                            "tel:" + number));
            mvc.perform(post("/api/v1/calls/dial")
                            .with(httpBasic("hr", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"number\":\"abc\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("abc")));
        }

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        ResultActions json(String body) throws Exception {
            return mvc.perform(post("/api/v1/cti/demo-pbx")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Accept-Language", "en")
                    .content(body));
        }

        ResultActions call(String callId, String user) throws Exception {
            return mvc.perform(
                    get("/api/v1/calls/" + callId).with(httpBasic(user, "demo")).header("Accept-Language", "en"));
        }

        String presence(String username) {
            return jdbc.queryForObject(
                    "select p.presence from agent_profiles p join app_users u on u.id = p.user_id where u.username = ?",
                    String.class,
                    username);
        }

        @Test
        void holdsResumesAndTransfersRepeatedAndOutOfOrderEndInTheRightRecord() throws Exception {
            String callId = UUID.randomUUID().toString();
            Instant t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            String head = "\"callId\":\"%s\",\"from\":\"13811112222\",\"to\":\"4008001000\",\"direction\":\"in\""
                    .formatted(callId);
            List<String> events = new ArrayList<>(List.of(
                    "{\"event\":\"newCall\",%s,\"at\":\"%s\"}".formatted(head, t.toString()),
                    "{\"event\":\"answer\",%s,\"answeringNumber\":\"8001\",\"at\":\"%s\"}"
                            .formatted(head, t.plusSeconds(5)),
                    "{\"event\":\"held\",%s,\"eventId\":\"e1\",\"at\":\"%s\"}".formatted(head, t.plusSeconds(10)),
                    "{\"event\":\"resumed\",%s,\"eventId\":\"e2\",\"at\":\"%s\"}".formatted(head, t.plusSeconds(40)),
                    "{\"event\":\"held\",%s,\"eventId\":\"e3\",\"at\":\"%s\"}".formatted(head, t.plusSeconds(60)),
                    "{\"event\":\"resumed\",%s,\"eventId\":\"e4\",\"at\":\"%s\"}".formatted(head, t.plusSeconds(70)),
                    "{\"event\":\"transferred\",%s,\"eventId\":\"e5\",\"transferTo\":\"8002\",\"at\":\"%s\"}"
                            .formatted(head, t.plusSeconds(80)),
                    // a third hold without its resume: it counts until the hang-up
                    "{\"event\":\"held\",%s,\"at\":\"%s\"}".formatted(head, t.plusSeconds(190)),
                    "{\"event\":\"hangup\",%s,\"cause\":\"normalClearing\",\"at\":\"%s\"}"
                            .formatted(head, t.plusSeconds(200))));
            // the hang-up first, the resumes before their holds, then every event again (the PBX retried)
            List<Integer> order = List.of(8, 5, 6, 3, 1, 4, 7, 0, 2);
            for (int i : order) {
                json(events.get(i)).andExpect(status().isOk());
            }
            call(callId, "agent")
                    .andExpect(jsonPath("$.state").value("ENDED"))
                    .andExpect(jsonPath("$.holds").value(3))
                    .andExpect(jsonPath("$.holdSeconds").value(30 + 10 + 10))
                    .andExpect(jsonPath("$.onHold").value(false))
                    .andExpect(jsonPath("$.transfers").value(1))
                    .andExpect(jsonPath("$.transferredTo").value("8002"))
                    .andExpect(jsonPath("$.agent").value("expert"))
                    .andExpect(jsonPath("$.answeredBy").value("李坐席"))
                    .andExpect(jsonPath("$.talkSeconds").value(195));
            for (String event : events) {
                json(event).andExpect(status().isOk());
            }
            call(callId, "agent")
                    .andExpect(jsonPath("$.holds").value(3))
                    .andExpect(jsonPath("$.holdSeconds").value(50))
                    .andExpect(jsonPath("$.transfers").value(1));
            assertThat(jdbc.queryForObject("select count(*) from call_steps where call_id = ?", Integer.class, callId))
                    .isEqualTo(6);
        }

        @Test
        void aCallOnHoldShowsItAndAHoldWithoutEventIdOrTimeIsRefusedWithAMessage() throws Exception {
            String callId = UUID.randomUUID().toString();
            String head = "\"callId\":\"%s\",\"from\":\"13811113333\",\"to\":\"4008002000\",\"direction\":\"in\""
                    .formatted(callId);
            json("{\"event\":\"newCall\",%s}".formatted(head)).andExpect(status().isOk());
            json("{\"event\":\"held\",%s,\"eventId\":\"h-1\"}".formatted(head)).andExpect(status().isOk());
            call(callId, "expert")
                    .andExpect(jsonPath("$.onHold").value(true))
                    .andExpect(jsonPath("$.holds").value(1));
            json("{\"event\":\"resumed\",%s}".formatted(head))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.containsString("send its eventId or the time")));
            json("{\"event\":\"transferred\",%s,\"eventId\":\"x\"}".formatted(head))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("transferTo")));
            call(callId, "expert").andExpect(jsonPath("$.onHold").value(true));
        }

        @Test
        void presenceGoesOnCallThenAfterCallWorkThenAvailable() throws Exception {
            String callId = UUID.randomUUID().toString();
            jdbc.update(
                    "update agent_profiles set presence = 'AVAILABLE' where user_id = (select id from app_users where username = 'payroll')");
            String head = "\"callId\":\"%s\",\"from\":\"13811114444\",\"to\":\"4008003000\",\"direction\":\"in\""
                    .formatted(callId);
            json("{\"event\":\"newCall\",%s}".formatted(head)).andExpect(status().isOk());
            assertThat(presence("payroll")).isEqualTo("AVAILABLE");
            json("{\"event\":\"answer\",%s,\"answeringNumber\":\"8004\"}".formatted(head))
                    .andExpect(status().isOk());
            assertThat(presence("payroll")).isEqualTo("ON_CALL");
            json("{\"event\":\"hangup\",%s,\"cause\":\"normalClearing\"}".formatted(head))
                    .andExpect(status().isOk());
            assertThat(presence("payroll")).isEqualTo("AFTER_CALL_WORK");
            call(callId, "payroll").andExpect(jsonPath("$.agent").value("payroll"));

            // 30 s of after-call work: pretend they began 31 s ago; the sweep (every 2 s) makes the agent available
            jdbc.update(
                    "update agent_profiles set presence_since = ? where user_id = (select id from app_users where username = 'payroll')",
                    Timestamp.from(Instant.now().minusSeconds(31)));
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> "AVAILABLE".equals(presence("payroll")));
            assertThat(presence("payroll")).isEqualTo("AVAILABLE");
        }
    }

    @Nested
    @SharedH2Context
    class OnH2 extends Scenarios {}

    @Nested
    @SharedPostgresContext
    class OnPostgres extends Scenarios {}
}
