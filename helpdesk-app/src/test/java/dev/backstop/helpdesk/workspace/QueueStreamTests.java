package dev.backstop.helpdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.testsupport.SharedServerContext;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/** A queue page's live stream over real HTTP: a ticket opened at the desk reaches the open page at once. */
@SharedServerContext
class QueueStreamTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTicketOpenedAtTheDeskIsPushedToTheOpenQueuePageAndOtherDesksHearNothing() throws Exception {
        BlockingQueue<String> channel = listen("CHANNEL");
        BlockingQueue<String> hr = listen("HR");
        assertThat(channel.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(hr.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");

        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
                        .header("Authorization", basic("agent"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                        {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"实时队列"}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String key = com.jayway.jsonpath.JsonPath.read(created.body(), "$.key");

        assertThat(next(channel, key)).isEqualTo(key);
        assertThat(next(hr, key))
                .as("the HR queue hears nothing of a channel ticket")
                .isNull();
    }

    @Test
    void aTicketChangedThroughAnotherAppNodeReachesTheOpenQueuePageToo() throws Exception {
        BlockingQueue<String> channel = listen("CHANNEL");
        assertThat(channel.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
        // another node shares the database: its change is a committed row with a new updated_at, and no event here
        String key = jdbc.queryForObject("select min(ticket_key) from tickets where desk = 'CHANNEL'", String.class);
        jdbc.update(
                "update tickets set subject = subject || ' (另一节点)', updated_at = ? where ticket_key = ?",
                java.sql.Timestamp.from(java.time.Instant.now()),
                key);
        assertThat(next(channel, key)).isEqualTo(key);
    }

    /** The next event carrying this key within 10 s (other tickets' events are skipped), or null. */
    private static String next(BlockingQueue<String> events, String key) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            String event = events.poll(left, TimeUnit.NANOSECONDS);
            if (key.equals(event)) {
                return event;
            }
        }
        return null;
    }

    @Test
    void aDistributorCannotListenToAQueue() throws Exception {
        HttpResponse<Void> refused = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/workspace/queue/events?desk=CHANNEL"))
                        .header("Authorization", basic("distributor"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void anHrAgentsStreamIsNudgedButNeverCarriesTheKeyOfAConfidentialTicket() throws Exception {
        BlockingQueue<String> hr = listen("HR", "hr");
        assertThat(hr.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
                        .header("Authorization", basic("payroll"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                        {"desk":"HR","type":"INQUIRY","channel":"PHONE","subject":"工资保密","confidential":true}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String key = com.jayway.jsonpath.JsonPath.read(created.body(), "$.key");
        assertThat(hr.poll(10, TimeUnit.SECONDS))
                .as("the page is told to reload")
                .isEqualTo("changed");
        assertThat(next(hr, key))
                .as("an HR agent may not see confidential tickets, nor learn their keys")
                .isNull();
    }

    private BlockingQueue<String> listen(String desk) throws Exception {
        return listen(desk, "supervisor");
    }

    /** Opens the stream as this user and queues the data of every {@code queue} event it receives. */
    private BlockingQueue<String> listen(String desk, String user) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/workspace/queue/events?desk=" + desk))
                        .header("Authorization", basic(user))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
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
