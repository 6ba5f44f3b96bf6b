package dev.backstop.helpdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** What ends by itself: an account lock after its duration, an API token after its expiry. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/expiry",
            "spring.datasource.url=jdbc:h2:mem:expiry;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.security.login.max-failures=3",
            "backstop.security.login.lock-duration=15m"
        })
class ExpiryTests {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Test
    void aLockedAccountOpensAgainWhenTheLockDurationHasPassed() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("backoffice", "wrong")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("backoffice", "demo")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("identity.login.locked"));

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(get("/api/v1/me").with(httpBasic("backoffice", "demo")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("identity.login.locked"));

        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/me").with(httpBasic("backoffice", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("backoffice"));
        // the count started again from zero: one more failure does not lock
        mvc.perform(get("/api/v1/me").with(httpBasic("backoffice", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic("backoffice", "demo"))).andExpect(status().isOk());
    }

    @Test
    void anApiTokenStopsWorkingWhenItExpires() throws Exception {
        String issued = mvc.perform(post("/api/v1/admin/api-tokens")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"WMS\",\"username\":\"agent\",\"expiresInDays\":1}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(issued, "$.token");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());

        clock.advance(Duration.ofHours(23));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());

        clock.advance(Duration.ofHours(2));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token).header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized());
        String forged = token.substring(0, token.length() - 4) + "0000";
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + forged))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anApiTokensLastUseIsWrittenAtMostOnceAMinuteAndARevokedTokenIsRefusedAtOnce() throws Exception {
        String issued = mvc.perform(post("/api/v1/admin/api-tokens")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"CTI\",\"username\":\"agent\",\"expiresInDays\":7}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(issued, "$.token");
        int id = JsonPath.read(issued, "$.id");
        Instant first = clock.instant();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        assertThat(lastUsed(id)).isEqualTo(first);

        clock.advance(Duration.ofSeconds(30));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(29));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        assertThat(lastUsed(id)).as("not written again within the minute").isEqualTo(first);

        clock.advance(Duration.ofSeconds(2));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        assertThat(lastUsed(id)).as("written again after a minute").isEqualTo(clock.instant());

        // revoked within the minute after its last recorded use: refused on the very next request
        clock.advance(Duration.ofSeconds(1));
        mvc.perform(delete("/api/v1/admin/api-tokens/" + id).with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anExpiredApiTokenIsRefusedEvenRightAfterAnAnswer() throws Exception {
        String issued = mvc.perform(post("/api/v1/admin/api-tokens")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"SMS\",\"username\":\"agent\",\"expiresInDays\":1}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(issued, "$.token");
        clock.advance(Duration.ofDays(1).minusSeconds(10));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(20)); // expired, and last_used_at is younger than a minute
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    private Instant lastUsed(int id) throws Exception {
        String list = mvc.perform(get("/api/v1/admin/api-tokens").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.List<String> found = JsonPath.read(list, "$[?(@.id == " + id + ")].lastUsedAt");
        return found.isEmpty() || found.getFirst() == null ? null : Instant.parse(found.getFirst());
    }
}
