package dev.backstop.helpdesk.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A creation sent again with the same {@code Idempotency-Key} — a client retrying after its node died, a double click
 * on a form — makes one ticket and gets the first answer again; the key reused for something else is refused.
 */
class IdempotentCreationTests {

    abstract static class Scenarios {

        @LocalServerPort
        int port;

        @Autowired
        JdbcTemplate jdbc;

        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        @Test
        void theSameCreationSentTwiceWithOneKeyMakesOneTicketAndAnswersTheSameIdAndKey() throws Exception {
            String key = UUID.randomUUID().toString();
            String subject = "重试 " + key;
            String body = ticket(subject);

            HttpResponse<String> first = post("/api/v1/tickets", "agent", key, body, "zh-CN");
            HttpResponse<String> retry = post("/api/v1/tickets", "agent", key, body, "zh-CN");

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat((Integer) JsonPath.read(retry.body(), "$.id")).isEqualTo(JsonPath.read(first.body(), "$.id"));
            assertThat((String) JsonPath.read(retry.body(), "$.key")).isEqualTo(JsonPath.read(first.body(), "$.key"));
            assertThat(retry.headers().firstValue("Location"))
                    .isEqualTo(first.headers().firstValue("Location"));
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(ticketsWithSubject(subject)).isEqualTo(1);
        }

        @Test
        void aChannelRequestRetriedWithItsKeyRaisesOneRequest() throws Exception {
            String order = jdbc.queryForObject("""
                    select min(o.order_no) from erp_orders o join distributors d on d.id = o.distributor_id
                     where d.code = 'D0001' and o.status <> 'CANCELLED'""", String.class);
            String key = UUID.randomUUID().toString();
            String body = "{\"kind\":\"EXPEDITE\",\"orderNo\":\"" + order + "\",\"description\":\"" + key + "\"}";
            long before = jdbc.queryForObject("select count(*) from channel_requests", Long.class);

            HttpResponse<String> first = post("/api/v1/distributors/D0001/requests", "agent", key, body, "en");
            HttpResponse<String> retry = post("/api/v1/distributors/D0001/requests", "agent", key, body, "en");

            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat((Integer) JsonPath.read(retry.body(), "$.id")).isEqualTo(JsonPath.read(first.body(), "$.id"));
            assertThat(jdbc.queryForObject("select count(*) from channel_requests", Long.class))
                    .isEqualTo(before + 1);
        }

        @Test
        void manyCopiesOfOneCreationAtOnceMakeOneTicket() throws Exception {
            String key = UUID.randomUUID().toString();
            String subject = "并发重试 " + key;
            List<Callable<HttpResponse<String>>> copies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                copies.add(() -> post("/api/v1/tickets", "agent", key, ticket(subject), "en"));
            }
            List<Object> ids = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
                for (Future<HttpResponse<String>> answer : pool.invokeAll(copies)) {
                    assertThat(answer.get().statusCode()).isEqualTo(201);
                    ids.add(JsonPath.read(answer.get().body(), "$.id"));
                }
            }
            assertThat(ids).hasSize(6).containsOnly(ids.getFirst());
            assertThat(ticketsWithSubject(subject)).isEqualTo(1);
        }

        @Test
        void theKeyReusedForADifferentRequestIsRefusedInTheCallersLanguage() throws Exception {
            String key = UUID.randomUUID().toString();
            assertThat(post("/api/v1/tickets", "agent", key, ticket("甲 " + key), "en")
                            .statusCode())
                    .isEqualTo(201);

            HttpResponse<String> en = post("/api/v1/tickets", "agent", key, ticket("乙 " + key), "en");
            HttpResponse<String> zh = post("/api/v1/tickets", "agent", key, ticket("乙 " + key), "zh-CN");

            assertThat(en.statusCode()).isEqualTo(422);
            assertThat(en.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(en.body())
                    .contains("already used for a different request")
                    .contains("error.idempotencyKey.reused");
            assertThat(zh.body()).contains("已用于另一个不同的请求");
            assertThat(ticketsWithSubject("乙 " + key)).isZero();
        }

        @Test
        void anotherCallersKeyIsTheirOwn() throws Exception {
            String key = UUID.randomUUID().toString();
            String subject = "两人同键 " + key;
            HttpResponse<String> agent = post("/api/v1/tickets", "agent", key, ticket(subject), "en");
            HttpResponse<String> supervisor = post("/api/v1/tickets", "supervisor", key, ticket(subject), "en");
            assertThat((Integer) JsonPath.read(supervisor.body(), "$.id"))
                    .isNotEqualTo(JsonPath.read(agent.body(), "$.id"));
            assertThat(ticketsWithSubject(subject)).isEqualTo(2);
        }

        @Test
        void aRefusedRequestKeepsNothingSoItsCorrectionGoesThroughWithTheSameKey() throws Exception {
            String key = UUID.randomUUID().toString();
            HttpResponse<String> refused = post(
                    "/api/v1/tickets",
                    "agent",
                    key,
                    "{\"desk\":\"CHANNEL\",\"type\":\"INQUIRY\",\"channel\":\"PHONE\"}",
                    "en");
            assertThat(refused.statusCode()).isEqualTo(400);
            HttpResponse<String> corrected = post("/api/v1/tickets", "agent", key, ticket("更正 " + key), "en");
            assertThat(corrected.statusCode()).isEqualTo(201);
            assertThat(corrected.headers().firstValue("Idempotent-Replayed")).isEmpty();
        }

        @Test
        void anInvalidKeyIsRefusedWithAMessage() throws Exception {
            HttpResponse<String> refused = post("/api/v1/tickets", "agent", "x".repeat(101), ticket("无效键"), "en");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("1 to 100 visible ASCII characters");
        }

        @Test
        void aDoubleSubmittedPortalFormMakesOneTicketAndBothSubmitsLandOnIt() throws Exception {
            signIn("distributor");
            String form = get("/portal/tickets/new").body();
            String csrf = field(form, "_csrf");
            String key = field(form, "idempotencyKey");
            assertThat(key).hasSizeGreaterThanOrEqualTo(32);
            assertThat(field(get("/portal/tickets/new").body(), "idempotencyKey"))
                    .as("one per form render")
                    .isNotEqualTo(key);
            String subject = "双击 " + UUID.randomUUID();
            String fields = "type=SERVICE_REQUEST&subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                    + "&description=x&orderNo=&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                    + "&idempotencyKey=" + key;

            HttpResponse<String> first = postForm("/portal/tickets/new", fields);
            HttpResponse<String> second = postForm("/portal/tickets/new", fields);

            assertThat(first.statusCode()).isEqualTo(302);
            assertThat(first.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).contains("/portal/tickets/"));
            assertThat(second.statusCode()).isEqualTo(302);
            assertThat(second.headers().firstValue("Location"))
                    .isEqualTo(first.headers().firstValue("Location"));
            assertThat(ticketsWithSubject(subject)).isEqualTo(1);
            assertThat(get(URI.create(first.headers().firstValue("Location").orElseThrow())
                                    .getPath())
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void theApiDescriptionOffersTheKeyOnEveryGuardedCreationAndOnNothingElse() throws Exception {
            String docs = get("/v3/api-docs").body();
            List<String> ticketHeader = JsonPath.read(
                    docs, "$.paths['/api/v1/tickets'].post.parameters[?(@.name == 'Idempotency-Key')].in");
            List<String> requestHeader = JsonPath.read(
                    docs,
                    "$.paths['/api/v1/distributors/{code}/requests'].post.parameters[?(@.name == 'Idempotency-Key')].in");
            List<Object> replayed =
                    JsonPath.read(docs, "$.paths['/api/v1/tickets'].post.responses.*.headers['Idempotent-Replayed']");
            List<Object> notACreation = JsonPath.read(
                    docs, "$.paths['/api/v1/tickets/{id}/state'].*.parameters[?(@.name == 'Idempotency-Key')]");
            assertThat(ticketHeader).containsExactly("header");
            assertThat(requestHeader).containsExactly("header");
            assertThat(replayed).isNotEmpty();
            assertThat(notACreation).isEmpty();
        }

        static String ticket(String subject) {
            return """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"%s","description":"客户来电"}""".formatted(subject);
        }

        long ticketsWithSubject(String subject) {
            return jdbc.queryForObject("select count(*) from tickets where subject = ?", Long.class, subject);
        }

        HttpResponse<String> post(String path, String user, String key, String json, String language) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                            .header("Idempotency-Key", key)
                            .header("Accept-Language", language)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept-Language", "en")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, String form) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void signIn(String user) throws Exception {
            String csrf = field(get("/login").body(), "_csrf");
            HttpResponse<String> signedIn = postForm(
                    "/login",
                    "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            assertThat(signedIn.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        }

        static String field(String html, String name) {
            Matcher value = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]+)\"")
                    .matcher(html);
            assertThat(value.find()).as(name + " in the form").isTrue();
            return value.group(1);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @TestPropertySource(
            properties = {"backstop.data-dir=./target/test-data/idempotency-h2", "backstop.sla.escalation.enabled=false"
            })
    class OnH2 extends Scenarios {}

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @PostgresTest
    @TestPropertySource(
            properties = {"backstop.data-dir=./target/test-data/idempotency-pg", "backstop.sla.escalation.enabled=false"
            })
    class OnPostgres extends Scenarios {}
}
