package dev.backstop.helpdesk.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.testsupport.PostgresTest;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The phone beyond Zammad's three events: holds, resumes and transfers (repeatable, each counted once by its event id
 * or time) end in the right call record whatever order they arrive in; presence follows the phone (on call, after-call
 * work, available). Same contexts as {@link CtiTests}, on H2 and PostgreSQL.
 */
class PhoneCallTests {

    abstract static class Scenarios {

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
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (!"AVAILABLE".equals(presence("payroll")) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(presence("payroll")).isEqualTo("AVAILABLE");
        }
    }

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/cti-h2",
                "backstop.sla.escalation.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:cti;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnH2 extends Scenarios {}

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @PostgresTest
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/cti-pg",
                "backstop.sla.escalation.enabled=false",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnPostgres extends Scenarios {}
}
