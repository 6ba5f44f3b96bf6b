package dev.backstop.helpdesk.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under a running node (a real PostgreSQL, stopped and started again on the same port and
 * data directory): requests answer 503 at once instead of hanging, health says DOWN, and when PostgreSQL is back the
 * same node serves again without a restart.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"backstop.sla.escalation.enabled=false"})
@ActiveProfiles("postgres")
// closed right after the class, while its PostgreSQL still runs: closing it at the JVM's end, after the server was
// stopped, waited the pool's 3-s connection timeout (the event registry reads on close)
@DirtiesContext
class DatabaseOutageTests {

    static final Path DATA = Path.of("target/test-data/db-outage").toAbsolutePath();
    static final int PORT = freePort();
    static EmbeddedPostgres postgres = start(true);

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("backstop.data-dir", () -> DATA.resolve("node").toString());
    }

    @Test
    void whileTheDatabaseIsDownRequestsAnswer503AtOnceAndTheNodeRecoversByItself() throws Exception {
        assertThat(api("/api/v1/tickets").statusCode()).isEqualTo(200);
        signIn("agent");
        assertThat(page("/workspace", "en").statusCode()).isEqualTo(200);

        postgres.close();

        long started = System.nanoTime();
        HttpResponse<String> refused = api("/api/v1/tickets");
        Duration apiAnswer = Duration.ofNanos(System.nanoTime() - started);
        assertThat(apiAnswer).as("answered quickly").isLessThan(Duration.ofSeconds(5));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.body())
                .contains("\"code\":\"error.databaseUnavailable\"")
                .contains("cannot reach its database")
                .doesNotContain("Exception");

        started = System.nanoTime();
        HttpResponse<String> workspace = page("/workspace", "en");
        Duration pageAnswer = Duration.ofNanos(System.nanoTime() - started);
        assertThat(pageAnswer).isLessThan(Duration.ofSeconds(5));
        assertThat(workspace.statusCode()).isEqualTo(503);
        assertThat(workspace.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(workspace.body()).contains("cannot reach its database").doesNotContain("Exception");
        assertThat(page("/workspace", "zh-CN").body()).contains("系统暂时无法连接数据库");

        started = System.nanoTime();
        HttpResponse<String> health = get("/actuator/health", null, null);
        Duration healthAnswer = Duration.ofNanos(System.nanoTime() - started);
        assertThat(healthAnswer).as("health answers within 2 s").isLessThan(Duration.ofSeconds(2));
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"");

        postgres = start(false);
        long restarted = System.nanoTime();

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api("/api/v1/tickets").statusCode() == 200);
        System.out.printf(
                "database down: API 503 in %d ms, page 503 in %d ms, health DOWN in %d ms; back: served again %d ms"
                        + " after PostgreSQL restarted%n",
                apiAnswer.toMillis(),
                pageAnswer.toMillis(),
                healthAnswer.toMillis(),
                Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        assertThat(page("/workspace", "en").statusCode())
                .as("the same session goes on")
                .isEqualTo(200);
        assertThat(get("/actuator/health", null, null).body()).contains("\"status\":\"UP\"");
    }

    HttpResponse<String> api(String path) throws Exception {
        return get(
                path,
                "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)),
                "en");
    }

    HttpResponse<String> page(String path, String language) throws Exception {
        return get(path, null, language);
    }

    HttpResponse<String> get(String path, String authorization, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(40));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void signIn(String user) throws Exception {
        String login = get("/login", null, "en").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        String form =
                "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
    }

    static EmbeddedPostgres start(boolean fresh) {
        try {
            if (fresh) {
                TestFiles.deleteRecursively(DATA);
            }
            Files.createDirectories(DATA);
            return EmbeddedPostgres.builder()
                    .setPort(PORT)
                    .setDataDirectory(DATA.resolve("pg"))
                    .setCleanDataDirectory(false)
                    // stopped when the JVM ends, after the context closed (@DirtiesContext)
                    .setRegisterShutdownHook(true)
                    .setServerConfig("timezone", "UTC")
                    .start();
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
