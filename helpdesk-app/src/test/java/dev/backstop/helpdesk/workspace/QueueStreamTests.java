package dev.backstop.helpdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** A queue page's live stream over real HTTP: a ticket opened at the desk reaches the open page at once. */
@SharedServerContext
class QueueStreamTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    QueueStream queueStream;

    @Autowired
    OtherNodesChanges otherNodes;

    @Autowired
    ApplicationContext context;

    /** Queued by {@link #listen} when the server ends the stream (never the data of an event). */
    private static final String END = "\u0000end of stream";

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
        endStreamsOnceSettled(key);
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

    /**
     * The next event carrying this key within 10 s (other tickets' events are skipped), or null; null at once when the
     * stream has ended (see {@link #endStreamsOnceSettled}).
     */
    private static String next(BlockingQueue<String> events, String key) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            String event = events.poll(left, TimeUnit.NANOSECONDS);
            if (key.equals(event)) {
                return event;
            }
            if (END.equals(event)) {
                return null;
            }
        }
        return null;
    }

    /**
     * Proves "this stream never carries the key" by order instead of by waiting 10 s for nothing: once nothing more can
     * be pushed about the ticket, the server ends every open queue stream, and a stream read to its end has said all it
     * had to say. Nothing more can be pushed once (1) this node's pushes are done — they are made at the commit, before
     * the API answered; (2) the work its events started after the commit ({@code @ApplicationModuleListener}s, whose
     * publications are deleted when done) has finished; (3) a poll for other nodes' changes has run after the commit
     * (the scheduled one, every second, does the same; {@link #aTicketChangedThroughAnotherAppNodeReachesTheOpenQueuePageToo}
     * covers the schedule). Ending the streams is what the app does when it stops ({@code QueueStream#closeAll});
     * every stream of the class ends there, each test opens its own.
     */
    private void endStreamsOnceSettled(String key) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from event_publication where completion_date is null and serialized_event like ?",
                                Integer.class,
                                "%" + key + "%")
                        == 0);
        otherNodes.poll();
        queueStream.closeAll(new ContextClosedEvent(context));
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
        endStreamsOnceSettled(key);
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
            received.add(END);
        });
        reader.setDaemon(true);
        reader.start();
        return received;
    }
}
