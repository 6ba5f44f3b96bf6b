package dev.backstop.helpdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A queue page's live stream over real HTTP: a ticket opened at the desk reaches the open page at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"backstop.data-dir=target/test-data/queue-stream", "backstop.sla.escalation.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:queuestream;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "backstop.security.login.delay-per-failure=0ms"})
class QueueStreamTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTicketOpenedAtTheDeskIsPushedToTheOpenQueuePageAndOtherDesksHearNothing() throws Exception {
        BlockingQueue<String> channel = listen("CHANNEL");
        BlockingQueue<String> hr = listen("HR");
        assertThat(channel.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(hr.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
                .header("Authorization", basic("agent")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"实时队列"}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String key = com.jayway.jsonpath.JsonPath.read(created.body(), "$.key");

        assertThat(channel.poll(10, TimeUnit.SECONDS)).isEqualTo(key);
        assertThat(hr.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aDistributorCannotListenToAQueue() throws Exception {
        HttpResponse<Void> refused = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/workspace/queue/events?desk=CHANNEL"))
                .header("Authorization", basic("distributor")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    /** Opens the stream as the supervisor and queues the data of every {@code queue} event it receives. */
    private BlockingQueue<String> listen(String desk) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/workspace/queue/events?desk=" + desk))
                .header("Authorization", basic("supervisor")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("data:")) {
                        received.add(line.substring(5).strip());
                    }
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        return received;
    }
}
