package dev.backstop.helpdesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A ticket page's live stream over real HTTP: the rep who asked the expert desk keeps their ticket open, the expert
 * replies, and the rep's page is told at once (and the bell rings). Nobody else may listen to a ticket they cannot see.
 */
@SharedServerContext
class TicketStreamTests {

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theExpertsReplyReachesTheRepsOpenTicketPageAtOnce() throws Exception {
        HttpResponse<String> escalated = post("frontline", "/api/v1/kb/escalations", """
                {"question":"门店客户问延保能否转让给家人","skill":"PRODUCT"}""");
        assertThat(escalated.statusCode()).isEqualTo(201);
        long ticketId = ((Number) JsonPath.read(escalated.body(), "$.ticketId")).longValue();
        String key = JsonPath.read(escalated.body(), "$.ticketKey");

        BlockingQueue<String> rep = listen("frontline", ticketId);
        assertThat(rep.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");

        assertThat(post("expert", "/api/v1/tickets/" + ticketId + "/replies", """
                {"body":"延保可以随产品转让，需到门店登记新持有人。"}""")
                        .statusCode())
                .isEqualTo(200);
        assertThat(rep.poll(10, TimeUnit.SECONDS)).isEqualTo(key);

        HttpResponse<String> bell = http.send(
                HttpRequest.newBuilder(uri("/api/v1/notifications"))
                        .header("Authorization", basic("frontline"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JsonPath.<List<String>>read(bell.body(), "$[?(@.ticketId == " + ticketId + ")].messageKey"))
                .containsExactly("knowledge.notification.answered");
    }

    @Test
    void theAgentsReplyReachesTheEmployeesOpenPortalPageAndRingsTheirBell() throws Exception {
        HttpResponse<String> opened = post("employee", "/api/v1/tickets", """
                {"desk":"HR","type":"INQUIRY","channel":"PORTAL","subject":"公积金基数什么时候调整"}""");
        assertThat(opened.statusCode()).isEqualTo(201);
        long ticketId = ((Number) JsonPath.read(opened.body(), "$.id")).longValue();
        String key = JsonPath.read(opened.body(), "$.key");

        BlockingQueue<String> page = listen("employee", "/portal/tickets/" + ticketId + "/events");
        assertThat(page.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(post("hr", "/api/v1/tickets/" + ticketId + "/replies", """
                {"body":"每年七月调整。"}""").statusCode())
                .isEqualTo(200);
        assertThat(page.poll(10, TimeUnit.SECONDS)).isEqualTo(key);

        // the portal page the stream reloads shows the answer; the employee's bell has it (told after the commit)
        HttpResponse<String> reloaded = http.send(
                HttpRequest.newBuilder(uri("/portal/tickets/" + ticketId))
                        .header("Authorization", basic("employee"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reloaded.body()).contains("每年七月调整。").contains("sse-connect");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> bell = http.send(
                    HttpRequest.newBuilder(uri("/api/v1/notifications"))
                            .header("Authorization", basic("employee"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JsonPath.<List<String>>read(bell.body(), "$[?(@.ticketId == " + ticketId + ")].messageKey"))
                    .contains("notifications.requester.ANSWERED.bell");
        });
        assertThat(status("distributor", "/portal/tickets/" + ticketId + "/events"))
                .as("another portal user cannot listen")
                .isEqualTo(404);
        assertThat(status("agent", "/portal/tickets/" + ticketId + "/events")).isEqualTo(403);
    }

    @Test
    void nobodyListensToATicketTheyCannotSee() throws Exception {
        HttpResponse<String> escalated = post("frontline", "/api/v1/kb/escalations", """
                {"question":"能看到别人的专家工单吗"}""");
        long ticketId = ((Number) JsonPath.read(escalated.body(), "$.ticketId")).longValue();

        assertThat(status("agent", ticketId))
                .as("a channel agent sees neither the expert desk nor this rep's tickets")
                .isEqualTo(404);
        assertThat(status("hr", ticketId)).isEqualTo(404);
        assertThat(status("distributor", ticketId)).isEqualTo(403);
        assertThat(status("expert", ticketId)).isEqualTo(200);
    }

    private int status(String user, long ticketId) throws Exception {
        return status(user, "/workspace/tickets/" + ticketId + "/events");
    }

    private int status(String user, String path) throws Exception {
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", basic(user))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private HttpResponse<String> post(String user, String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", basic(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Opens the ticket's stream as the user and queues the data of every {@code ticket} event it receives. */
    private BlockingQueue<String> listen(String user, long ticketId) throws Exception {
        return listen(user, "/workspace/tickets/" + ticketId + "/events");
    }

    private BlockingQueue<String> listen(String user, String path) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(uri(path))
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
