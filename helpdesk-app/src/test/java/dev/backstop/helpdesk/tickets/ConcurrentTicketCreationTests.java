package dev.backstop.helpdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.testsupport.OneConnectionPerThread;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Twenty agents open a ticket at the same moment through the API (with an API token, over real HTTP, against the
 * default pool of 10 connections) into a queue with push assignment: every one is created and handed to an agent,
 * and no thread ever asks for a second connection (which jammed the pool for 30 s and then skipped the push).
 */
class ConcurrentTicketCreationTests {

    abstract static class Scenario {

        static final int CLIENTS = 20;

        @LocalServerPort
        int port;

        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        AgentProfiles agents;

        final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", "zh-CN");
            request.method(
                    method,
                    json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        static String basic(String user) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        }

        long newPolicyAgent(String username) {
            jdbc.update(
                    "insert into app_users (username, password_hash, display_name, created_at) values (?, '{noop}x', ?, ?)",
                    username,
                    "坐席" + username,
                    Timestamp.from(Instant.now()));
            long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
            jdbc.update("insert into user_roles (user_id, role) values (?, 'CHANNEL_AGENT')", id);
            agents.configure(id, 10, Set.of("POLICY"));
            agents.setPresence(id, Presence.AVAILABLE);
            return id;
        }

        @Test
        void twentyTicketsOpenedAtOnceAreAllCreatedAndAllPushedToAnAgent() throws Exception {
            HttpResponse<String> issued = send(
                    "POST", "/api/v1/admin/api-tokens", basic("admin"), "{\"name\":\"load\",\"username\":\"agent\"}");
            assertThat(issued.statusCode()).isEqualTo(201);
            String token = "Bearer " + JsonPath.read(issued.body(), "$.token");
            assertThat(send(
                                    "PUT",
                                    "/api/v1/routing/admin/queues/CH-POLICY",
                                    basic("admin"),
                                    "{\"pushAssignment\":true}")
                            .statusCode())
                    .isEqualTo(200);
            jdbc.update("update agent_profiles set presence = 'OFFLINE' where skills like '%POLICY%'");
            List<Long> team = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                team.add(newPolicyAgent("push-" + i + "-" + System.nanoTime()));
            }
            OneConnectionPerThread.clear();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<HttpResponse<String>>> results = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    String json = """
                            {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"返利政策咨询 %d","skill":"POLICY"}""".formatted(i);
                    results.add(clients.submit(() -> {
                        start.await();
                        return send("POST", "/api/v1/tickets", token, json);
                    }));
                }
                long began = System.nanoTime();
                start.countDown();
                List<Long> ids = new ArrayList<>();
                for (Future<HttpResponse<String>> result : results) {
                    HttpResponse<String> response = result.get();
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                    ids.add(((Number) JsonPath.read(response.body(), "$.id")).longValue());
                }
                // the pool's 30 s timeout never comes into it
                assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
                assertThat(OneConnectionPerThread.violations()).isEmpty();
                for (long id : ids) {
                    assertThat(jdbc.queryForObject("select assignee_id from tickets where id = ?", Long.class, id))
                            .as("ticket %d is pushed to one of the available POLICY agents", id)
                            .isIn(team);
                }
            } finally {
                clients.shutdownNow();
                send("PUT", "/api/v1/routing/admin/queues/CH-POLICY", basic("admin"), "{\"pushAssignment\":false}");
            }
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @Import(OneConnectionPerThread.class)
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/concurrent-h2",
                "backstop.sla.escalation.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:concurrent;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnH2 extends Scenario {}

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @PostgresTest
    @Import(OneConnectionPerThread.class)
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/concurrent-pg",
                "backstop.sla.escalation.enabled=false",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnPostgres extends Scenario {}
}
