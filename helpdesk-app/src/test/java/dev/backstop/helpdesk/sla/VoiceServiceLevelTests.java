package dev.backstop.helpdesk.sla;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.testsupport.MutableClock;
import dev.backstop.helpdesk.testsupport.SharedH2ClockContext;
import dev.backstop.helpdesk.testsupport.SharedPostgresClockContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The voice service level on the wallboard and in the SLA API equals a hand count over a scripted day of calls. The
 * PBX's events are posted to the CTI endpoint at the times the script says, on the clock the application uses; the
 * seeded target of every desk is 90 % answered within 10 s, callers who hung up within 5 s left out.
 */
class VoiceServiceLevelTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    abstract static class Scenarios {

        static final String CHANNEL_LINE = "4008001000";
        static final String EXPERT_LINE = "4008002000";

        @Autowired
        MockMvc mvc;

        @Autowired
        MutableClock clock;

        @Autowired
        JdbcTemplate jdbc;

        String day;

        @BeforeEach
        void aFreshDay() {
            // each test scripts its own day, so they never see each other's calls
            java.sql.Timestamp latest =
                    jdbc.queryForObject("select max(started_at) from calls", java.sql.Timestamp.class);
            LocalDateTime next = (latest == null ? at("2026-11-27T00:00") : latest.toInstant())
                    .atZone(SHANGHAI)
                    .toLocalDate()
                    .plusDays(1)
                    .atStartOfDay();
            day = next.toLocalDate().toString();
        }

        @AfterEach
        void seedTargetAgain() throws Exception {
            target("""
                    {"answerWithinSeconds":10,"targetPercent":90,"excludeShortAbandons":true,"shortAbandonSeconds":5}""").andExpect(status().isOk());
        }

        ResultActions target(String json) throws Exception {
            return mvc.perform(put("/api/v1/admin/voice-service-targets/CHANNEL")
                    .with(httpBasic("admin", "demo"))
                    .header("Accept-Language", "en")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json));
        }

        void event(String time, String json) throws Exception {
            clock.set(at(day + "T" + time));
            mvc.perform(post("/api/v1/cti/demo-pbx")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json))
                    .andExpect(status().isOk());
        }

        /** A call to {@code line} arriving at {@code arrives} (HH:mm:ss); answered after some seconds or not. */
        void call(String line, String arrives, Integer answeredAfter, int endsAfter, String cause) throws Exception {
            String id = "sl-" + UUID.randomUUID();
            String base =
                    "\"from\":\"13900001111\",\"to\":\"%s\",\"direction\":\"in\",\"callId\":\"%s\"".formatted(line, id);
            LocalDateTime arrival = LocalDateTime.parse(day + "T" + arrives);
            event(arrives, "{\"event\":\"newCall\"," + base + "}");
            if (answeredAfter != null) {
                event(time(arrival.plusSeconds(answeredAfter)), "{\"event\":\"answer\"," + base + "}");
            }
            if (endsAfter > 0) {
                event(
                        time(arrival.plusSeconds(endsAfter)),
                        "{\"event\":\"hangup\"," + base + ",\"cause\":\"" + cause + "\"}");
            }
        }

        static String time(LocalDateTime t) {
            return t.toLocalTime().toString().length() == 5
                    ? t.toLocalTime() + ":00"
                    : t.toLocalTime().toString();
        }

        /**
         * The scripted day. Hour 09: answered after 4 s, 10 s (in time: at most 10 s) and 11 s (late); callers who hung
         * up after 3 s and 5 s (short: at most 5 s), after 20 s (abandoned, late); a call nobody answered (missed, late).
         * Hour 10: answered after 2 s and 8 s; a caller who hung up after 2 s; a call still ringing at 11:00. The expert
         * desk: one call answered after 30 s.
         */
        void scriptedDay() throws Exception {
            call(CHANNEL_LINE, "09:00:00", 4, 120, "normalClearing");
            call(CHANNEL_LINE, "09:05:00", 10, 200, "normalClearing");
            call(CHANNEL_LINE, "09:10:00", 11, 60, "normalClearing");
            call(CHANNEL_LINE, "09:20:00", null, 3, "cancel");
            call(CHANNEL_LINE, "09:30:00", null, 5, "cancel");
            call(CHANNEL_LINE, "09:40:00", null, 20, "cancel");
            call(CHANNEL_LINE, "09:59:30", null, 40, "noAnswer");
            call(CHANNEL_LINE, "10:15:00", 2, 90, "normalClearing");
            call(CHANNEL_LINE, "10:30:00", 8, 90, "normalClearing");
            call(CHANNEL_LINE, "10:45:00", null, 2, "cancel");
            call(CHANNEL_LINE, "10:58:00", null, 0, null);
            call(EXPERT_LINE, "09:15:00", 30, 300, "normalClearing");
            clock.set(at(day + "T11:00:00"));
        }

        ResultActions wallboard(String desk) throws Exception {
            return mvc.perform(get("/api/v1/wallboard").param("desk", desk).with(httpBasic("supervisor", "demo")))
                    .andExpect(status().isOk());
        }

        ResultActions level(String desk) throws Exception {
            var request =
                    get("/api/v1/sla/voice-service-level").param("day", day).with(httpBasic("supervisor", "demo"));
            if (desk != null) {
                request.param("desk", desk);
            }
            return mvc.perform(request).andExpect(status().isOk());
        }

        @Test
        void theWallboardsServiceLevelIsTheHandCountWithShortAbandonsLeftOut() throws Exception {
            scriptedDay();
            // hour 09: counted 4 answered + abandoned after 20 s + missed = 5 (the 3 s and 5 s callers left out),
            // in time 2 (4 s, 10 s) → 40.0 %; hour 10: counted 2, in time 2 → 100 %; day 4 of 7 → 57.1 %
            wallboard("CHANNEL")
                    .andExpect(jsonPath("$.serviceLevel").value(57.1))
                    .andExpect(jsonPath("$.targetPercent").value(90))
                    .andExpect(jsonPath("$.counted").value(7))
                    .andExpect(jsonPath("$.answeredInTime").value(4))
                    .andExpect(jsonPath("$.answeredToday").value(5))
                    .andExpect(jsonPath("$.abandonedToday").value(4))
                    .andExpect(jsonPath("$.callsWaiting").value(1))
                    .andExpect(jsonPath("$.longestWaitSeconds").value(120))
                    .andExpect(jsonPath("$.hours[9].percent").value(40.0))
                    .andExpect(jsonPath("$.hours[9].counted").value(5))
                    .andExpect(jsonPath("$.hours[10].percent").value(100.0))
                    .andExpect(jsonPath("$.hours[10].counted").value(2))
                    .andExpect(jsonPath("$.hours[8].percent").doesNotExist());
            level("CHANNEL")
                    .andExpect(jsonPath("$.total.percent").value(57.1))
                    .andExpect(jsonPath("$.total.shortAbandons").value(3))
                    .andExpect(jsonPath("$.hours.length()").value(24))
                    .andExpect(jsonPath("$.hours[9].answeredInTime").value(2))
                    .andExpect(jsonPath("$.hours[9].percent").value(40.0))
                    .andExpect(jsonPath("$.hours[10].percent").value(100.0));
            // all desks: the expert call (answered after 30 s) is late by its own desk's target → 4 of 8 = 50.0 %
            wallboard("")
                    .andExpect(jsonPath("$.serviceLevel").value(50.0))
                    .andExpect(jsonPath("$.counted").value(8));
            level(null)
                    .andExpect(jsonPath("$.total.percent").value(50.0))
                    .andExpect(jsonPath("$.hours[9].percent").value(33.3));
        }

        @Test
        void withShortAbandonsCountedEveryCallerWhoHungUpIsLate() throws Exception {
            scriptedDay();
            target("{\"excludeShortAbandons\":false}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.excludeShortAbandons").value(false))
                    .andExpect(jsonPath("$.answerWithinSeconds").value(10));
            // hour 09: 2 of 7 → 28.6 %; hour 10: 2 of 3 → 66.7 %; day 4 of 10 → 40.0 %
            wallboard("CHANNEL")
                    .andExpect(jsonPath("$.serviceLevel").value(40.0))
                    .andExpect(jsonPath("$.counted").value(10))
                    .andExpect(jsonPath("$.hours[9].percent").value(28.6))
                    .andExpect(jsonPath("$.hours[10].percent").value(66.7));
            level("CHANNEL").andExpect(jsonPath("$.hours[9].counted").value(7));
            // a longer answer time makes the 11 s call in time: hour 09 3 of 7 → 42.9 %
            target("{\"answerWithinSeconds\":15,\"targetPercent\":80}").andExpect(status().isOk());
            wallboard("CHANNEL")
                    .andExpect(jsonPath("$.hours[9].percent").value(42.9))
                    .andExpect(jsonPath("$.targetPercent").value(80));
        }

        @Test
        void aTargetThatMakesNoSenseIsRefusedWithAMessageAndAgentsSeeNoWallboard() throws Exception {
            target("{\"targetPercent\":120}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("The target \"120\" must be a percentage from 1 to 100."));
            mvc.perform(put("/api/v1/admin/voice-service-targets/SALES")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("不存在服务台“SALES”。"));
            mvc.perform(get("/api/v1/sla/voice-service-level")
                            .param("day", "28.11.2026")
                            .with(httpBasic("supervisor", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("The day \"28.11.2026\" is not a date like 2026-12-05."));
            mvc.perform(get("/api/v1/wallboard").with(httpBasic("agent", "demo")))
                    .andExpect(status().isForbidden());
            mvc.perform(put("/api/v1/admin/voice-service-targets/CHANNEL")
                            .with(httpBasic("supervisor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"targetPercent\":10}"))
                    .andExpect(status().isForbidden());
        }
    }

    @Nested
    @SharedH2ClockContext
    class OnH2 extends Scenarios {}

    @Nested
    @SharedPostgresClockContext
    class OnPostgres extends Scenarios {}
}
