package dev.backstop.helpdesk.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Several app nodes on one PostgreSQL, each a real child JVM with its own data directory (as on separate hosts):
 * a file received by one node is read by another, an import uploaded on one is run by another and finished by a third
 * after the second is killed in the middle, and the SLA escalations go on within a minute after the node running the
 * pass is killed while it holds the scheduler lock.
 */
class SeveralNodesTests {

    static final int ORDERS = 8_000;
    static final int LINES = 3;
    static final String IMPORTED = "o.order_no ~ '^SO-[0-9]{6}$'";
    /**
     * The scheduler locks' lease on these nodes ({@code backstop.scheduling.lease}; 30 s in production). Shorter, so
     * proving that a running pass keeps renewing it and that a dead node's lock runs out waits seconds, not minutes;
     * the renewal and take-over code is the production one. ShedLock renews it every half lease, so a renewal may be up
     * to 2 s late (a stalled thread on a loaded machine) before the lock would lapse; 6 s before (issue 19: the
     * escalation part waited 2.5 leases plus a lease for the take-over).
     */
    static final Duration LEASE = Duration.ofSeconds(4);

    static EmbeddedPostgres postgres;
    static JdbcTemplate db;
    static Path work;
    static final List<Node> started = new ArrayList<>();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Node(String name, Process process, int port, Path dataDir) {
        String url(String path) {
            return "http://localhost:" + port + path;
        }
    }

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database nodes");
        db = new JdbcTemplate(new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", "nodes"), true));
        work = Path.of("target/test-data/several-nodes").toAbsolutePath();
        TestFiles.deleteRecursively(work);
        Files.createDirectories(work);
    }

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Node node : started) {
            node.process().destroy();
        }
        for (Node node : started) {
            if (!node.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                node.process().destroyForcibly().waitFor();
            }
        }
        started.clear();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void filesImportsAndScheduledWorkCarryOnAcrossNodes() throws Exception {
        // node A polls for no import job of its own: the jobs it does not start itself are left to the others
        Node a = start("node-a", "--backstop.imports.poll-initial-delay=1h", "--backstop.imports.poll-interval=1h");
        // B starts while A is still starting, once the database has its schema and demo data (two nodes loading the
        // demo data into an empty database at once would both insert it)
        awaitDemoData(a);
        // B never polls for calls (interval 1 h): only A's notification through PostgreSQL can pop A's call on B
        Node b = start("node-b", "--backstop.calls.live.interval=1h", "--backstop.calls.live.safety-interval=1h");
        awaitHealthy(a);
        awaitHealthy(b);

        aCallPostedToOneNodePopsOnAnAgentsPageHeldByAnother(a, b);

        // an attachment received by A downloads from B, byte for byte
        long ticket =
                ((Number) JsonPath.read(post(a, "/api/v1/tickets", "agent", """
                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"多节点附件","description":"回单"}""").body(), "$.id")).longValue();
        byte[] pdf = pdf(3 * 1024 * 1024 + 17);
        HttpResponse<String> attached =
                multipart(a, "/api/v1/tickets/" + ticket + "/attachments", "agent", "回单.pdf", "application/pdf", pdf);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        long attachment = ((Number) JsonPath.read(attached.body(), "$.id")).longValue();
        HttpResponse<byte[]> download = http.send(
                request(b, "/api/v1/tickets/" + ticket + "/attachments/" + attachment, "agent")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(sha256(download.body())).isEqualTo(sha256(pdf));
        assertThat(filesUnder(a.dataDir().resolve("attachments")))
                .as("nothing on A's own disk")
                .isZero();

        // an import uploaded on A (dry run, run by A) is applied on B, which reads the file A received
        byte[] orders = orders();
        HttpResponse<String> dryRun =
                multipart(a, "/api/v1/imports/orders?dryRun=true", "admin", "orders.csv", "text/csv", orders);
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(202);
        long dryRunId = ((Number) JsonPath.read(dryRun.body(), "$.id")).longValue();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "DONE".equals(state(dryRunId)));
        HttpResponse<String> apply = post(b, "/api/v1/imports/jobs/" + dryRunId + "/apply", "admin", "");
        assertThat(apply.statusCode()).as(apply.body()).isEqualTo(202);
        long applyId = ((Number) JsonPath.read(apply.body(), "$.id")).longValue();

        // B is killed in the middle of it; C, a node that never saw the file, finishes it to the exact counts
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> recordsDone(applyId) >= ORDERS * LINES / 4);
        b.process().destroyForcibly().waitFor();
        long checkpoint = recordsDone(applyId);
        assertThat(state(applyId)).isEqualTo("RUNNING");
        assertThat(checkpoint).isLessThan(ORDERS * LINES);
        Node c = start("node-c");
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> "DONE".equals(state(applyId)));
        assertThat(db.queryForMap("select records_done, rejected, attempts from import_jobs where id = ?", applyId))
                .containsEntry("records_done", (long) ORDERS * LINES)
                .containsEntry("rejected", (long) ORDERS * LINES / 500)
                .containsEntry("attempts", 2);
        assertThat(db.queryForObject(
                        "select count(*) from erp_order_lines l join erp_orders o on o.id = l.order_id where "
                                + IMPORTED,
                        Long.class))
                .as("every valid row once")
                .isEqualTo(ORDERS * LINES - ORDERS * LINES / 500);
        assertThat(db.queryForObject(
                        "select count(distinct (o.order_no, l.line_no)) from erp_order_lines l join erp_orders o"
                                + " on o.id = l.order_id where " + IMPORTED,
                        Long.class))
                .isEqualTo(ORDERS * LINES - ORDERS * LINES / 500);

        // the escalation pass: whichever of A and C holds its lock is killed in the middle; the other goes on
        awaitHealthy(c);
        long late =
                ((Number) JsonPath.read(post(c, "/api/v1/tickets", "agent", """
                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"多节点升级","description":"等待"}""").body(), "$.id")).longValue();
        try (Connection blocker = postgres.getDatabase("postgres", "nodes").getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("lock table ticket_escalations in share mode");
            }
            db.update("""
                    update tickets set first_response_risk_at = now() - interval '1 minute',
                           first_response_due = now() + interval '1 hour' where id = ?""", late);
            String holder = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> db.queryForList("""
                            select application_name from pg_stat_activity
                             where wait_event_type = 'Lock' and query ilike 'insert into ticket_escalations%'""", String.class).stream()
                                    .findFirst()
                                    .orElse(null),
                            name -> name != null);
            // its lease (LEASE, every scheduler lock's on these nodes) is renewed while the pass runs: two and a half
            // leases later the other node still has not started one
            Thread.sleep(LEASE.multipliedBy(5).dividedBy(2).toMillis());
            assertThat(db.queryForList("""
                    select application_name from pg_stat_activity
                     where wait_event_type = 'Lock' and query ilike 'insert into ticket_escalations%'""", String.class))
                    .as("the lease is renewed while the pass runs")
                    .containsExactly(holder);
            Node running = holder.equals(a.name()) ? a : c;
            running.process().destroyForcibly().waitFor();
            long killedAt = System.nanoTime();
            blocker.rollback();

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> db.queryForObject(
                                    "select count(*) from ticket_escalations where ticket_id = ?", Long.class, late)
                            > 0);
            Duration takeOver = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.printf(
                    "escalation pass taken over %d ms after %s was killed holding its lock%n",
                    takeOver.toMillis(), holder);
            assertThat(takeOver).isLessThan(Duration.ofSeconds(60));
        }
    }

    /** The PBX posts a call to A; the agent's workspace stream is on B; the pop reaches it within seconds. */
    void aCallPostedToOneNodePopsOnAnAgentsPageHeldByAnother(Node a, Node b) throws Exception {
        HttpResponse<java.io.InputStream> stream = http.send(
                request(b, "/workspace/calls/events", "agent")
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        var events = new java.util.concurrent.LinkedBlockingQueue<String>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var lines =
                    new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events.add(line.substring(5).strip());
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        try {
            assertThat(events.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hello");
            String callId = "nodes-" + java.util.UUID.randomUUID();
            HttpResponse<String> newCall = http.send(
                    HttpRequest.newBuilder(URI.create(a.url("/api/v1/cti/demo-pbx")))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"event":"newCall","from":"13912345678","to":"4008001000","direction":"in",\
                                    "callId":"%s"}""".formatted(callId)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(newCall.statusCode()).as(newCall.body()).isEqualTo(200);
            long posted = System.nanoTime();
            String pop = null;
            while (pop == null || !pop.contains(callId)) {
                pop = events.poll(15, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(pop)
                        .as("the call posted to A pops on the page held by B")
                        .isNotNull();
            }
            assertThat(pop).contains("\"state\":\"RINGING\"", "\"desk\":\"CHANNEL\"");
            System.out.printf(
                    "a call posted to A popped on B %d ms after A answered the PBX%n",
                    Duration.ofNanos(System.nanoTime() - posted).toMillis());
        } finally {
            stream.body().close();
            reader.interrupt();
        }
    }

    @Test
    void aFileLargerThanTheHeapGoesIntoTheSharedStoreAndBackOutToAWorkerWithoutSittingInMemory() throws Exception {
        Node node = start(
                "node-small-heap",
                "-Xmx256m",
                "--backstop.imports.max-file-size=400MB",
                "--spring.servlet.multipart.max-file-size=400MB",
                "--spring.servlet.multipart.max-request-size=401MB");
        Path big = work.resolve("big-orders.csv");
        byte[] row = "SO-999999,D0001,2026-11-01,已确认,1,SKU-1,产品1,10,1.50,15.00\n".getBytes(StandardCharsets.UTF_8);
        long size;
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(big), 1 << 20)) {
            out.write("订单号,经销商编码,下单日期,订单状态,行号,物料编码,物料名称,数量,单价,金额\n".getBytes(StandardCharsets.UTF_8));
            for (long written = 0; written < 300L * 1024 * 1024; written += row.length) {
                out.write(row);
            }
        }
        size = Files.size(big);
        awaitHealthy(node);

        String boundary = "----backstop" + System.nanoTime();
        long started = System.nanoTime();
        HttpResponse<String> upload = http.send(
                request(node, "/api/v1/imports/orders?dryRun=true", "admin")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.concat(
                                HttpRequest.BodyPublishers.ofString(
                                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                                                + " filename=\"big-orders.csv\"\r\nContent-Type: text/csv\r\n\r\n"),
                                HttpRequest.BodyPublishers.ofFile(big),
                                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long uploadMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        long job = ((Number) JsonPath.read(upload.body(), "$.id")).longValue();
        String reference = db.queryForObject("select stored_path from import_jobs where id = ?", String.class, job);
        assertThat(db.queryForObject("select size_bytes from blobs where id = ?", Long.class, reference.substring(5)))
                .isEqualTo(size);

        // the worker streams it back out of the database into its own file to read it
        Path cached = node.dataDir().resolve("import-uploads/cache").resolve(reference.substring(5) + ".csv");
        started = System.nanoTime();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(cached) && Files.size(cached) == size);
        long fetchMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(node.process().isAlive()).isTrue();
        assertThat(Files.readString(node.dataDir().resolve("node.log"))).doesNotContain("OutOfMemoryError");
        System.out.printf(
                "%d MB through a 256 MB heap: upload into the database %d ms, back out to the worker's file %d ms%n",
                size >> 20, uploadMillis, fetchMillis);
        Files.delete(big);
    }

    Node start(String name, String... extra) throws IOException {
        Path dataDir = Files.createDirectories(work.resolve(name));
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                // the classes are this build's and its dependencies': verifying their bytecode again in every child
                // JVM cost ~2 of its ~17 CPU seconds to "ready" (ADR 0038, "Child-JVM tests")
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:-BytecodeVerificationRemote",
                "-Djava.io.tmpdir=" + Files.createDirectories(dataDir.resolve("tmp")),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.backstop.helpdesk.HelpdeskApplication",
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "nodes"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name,
                "--backstop.data-dir=" + dataDir,
                "--backstop.imports.batch-size=100",
                "--backstop.imports.lease=2s",
                "--backstop.imports.poll-interval=200ms",
                "--backstop.imports.poll-initial-delay=0s",
                "--backstop.sla.escalation.interval=2s",
                "--backstop.sla.escalation.initial-delay=1s",
                "--backstop.scheduling.lease=" + LEASE));
        for (String setting : extra) {
            if (setting.startsWith("-Xmx")) {
                command.set(1, setting);
                continue;
            }
            String key = setting.substring(0, setting.indexOf('=') + 1);
            command.removeIf(argument -> argument.startsWith(key));
            command.add(setting);
        }
        File log = dataDir.resolve("node.log").toFile();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        Node node = new Node(name, process, port, dataDir);
        started.add(node);
        return node;
    }

    void awaitHealthy(Node node) {
        awaitWhileRunning(
                node,
                Duration.ofMillis(500),
                () -> http.send(
                                        HttpRequest.newBuilder(URI.create(node.url("/actuator/health")))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200);
    }

    /** Waits until the nodes' database has the demo data (loaded in one transaction by the first node to start). */
    void awaitDemoData(Node node) {
        awaitWhileRunning(
                node,
                Duration.ofMillis(250),
                () -> db.queryForObject("select count(*) from app_users", Long.class) > 0);
    }

    /** Up to 3 minutes for the condition, failing at once (with the node's log) if the node's process ends. */
    private static void awaitWhileRunning(Node node, Duration poll, java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(poll)
                .ignoreExceptions()
                .until(() -> {
                    assertThat(node.process().isAlive())
                            .as(node.name() + " is running, see "
                                    + node.dataDir().resolve("node.log"))
                            .isTrue();
                    return condition.call();
                });
    }

    HttpRequest.Builder request(Node node, String path, String user) {
        return HttpRequest.newBuilder(URI.create(node.url(path)))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> post(Node node, String path, String user, String json) throws Exception {
        return http.send(
                request(node, path, user)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> multipart(Node node, String path, String user, String fileName, String type, byte[] content)
            throws Exception {
        String boundary = "----backstop" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                request(node, path, user)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(20).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }

    /** The orders file of ImportCrashTests: every 500th row has an impossible date and is rejected. */
    static byte[] orders() {
        StringBuilder out = new StringBuilder("订单号,经销商编码,下单日期,订单状态,行号,物料编码,物料名称,数量,单价,金额\n");
        int record = 0;
        for (int o = 1; o <= ORDERS; o++) {
            for (int l = 1; l <= LINES; l++) {
                record++;
                String date = record % 500 == 0 ? "2026-02-30" : "2026-11-%02d".formatted(1 + o % 28);
                out.append("SO-%06d,D%04d,%s,已确认,%d,SKU-%d,产品%d,%d,%d.50,%d.50\n"
                        .formatted(o, 1 + o % 30, date, l, l, l, o % 50 + 1, l * 10, (o % 50 + 1) * l * 10));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String state(long job) {
        return db.queryForObject("select state from import_jobs where id = ?", String.class, job);
    }

    static long recordsDone(long job) {
        return db.queryForObject("select records_done from import_jobs where id = ?", Long.class, job);
    }

    static long filesUnder(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
