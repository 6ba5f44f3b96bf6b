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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screen-pop latency with many open workspace pages (issue 16): every user in the users file signs in (a session of
 * their own) and holds one pop stream ({@code /workspace/calls/events}), as an agent with the workspace open does. Then
 * calls arrive as a Poisson process at {@code rate} per second on the channel hotline (which rings every channel agent)
 * for {@code seconds}; each is answered after an exponential wait (a share abandons), talks, and hangs up, as the PBX
 * simulator plays them. The latency of a pop is from just before the {@code newCall} POST until a stream gets the
 * call's first {@code call} event; reported per stream delivery and for the slowest stream of each call.
 *
 * <pre>java PopLatency.java http://localhost:18090 demo-pbx users.txt demo 20 60</pre>
 */
public class PopLatency {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            System.exit(0); // calls still talking keep scheduled events and streams alive
        }
    }

    static void run(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        List<String> users = Files.readAllLines(Path.of(args[2])).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        String password = args[3];
        double rate = Double.parseDouble(args[4]);
        double seconds = Double.parseDouble(args[5]);
        var executor = Executors.newVirtualThreadPerTaskExecutor();

        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, List<Long>> firstSeen = new ConcurrentHashMap<>(); // call -> one first receipt per stream
        CountDownLatch ready = new CountDownLatch(users.size());
        AtomicInteger failed = new AtomicInteger();
        // sign in a few at a time, as agents arrive for a shift: 200 BCrypt checks at once only measure the login
        java.util.concurrent.Semaphore signingIn = new java.util.concurrent.Semaphore(4);
        Streams streams = new Streams(ready, sent, firstSeen);
        Thread.ofPlatform().daemon().name("streams").start(streams);
        for (String user : users) {
            executor.submit(() -> {
                try {
                    listen(base, user, password, streams, signingIn);
                } catch (Exception e) {
                    failed.incrementAndGet();
                    System.err.println("stream of " + user + ": " + e);
                    ready.countDown();
                }
                return null;
            });
        }
        if (!ready.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("streams not open after 5 min: " + ready.getCount() + " missing");
        }
        System.out.printf("streams open: %d of %d (%d failed)%n", users.size() - failed.get(), users.size(), failed.get());
        System.out.println("STREAMS-OPEN"); // the script samples the app's RSS and threads from here
        System.out.flush();
        String go = System.getenv("POP_GO"); // the script's file that says its counters are reset: calls may start
        while (go != null && !Files.exists(Path.of(go))) {
            Thread.sleep(50);
        }

        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        HttpClient cti = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
        List<Long> ctiMicros = Collections.synchronizedList(new ArrayList<>());
        Random random = new Random(16);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicInteger calls = new AtomicInteger();
        ScheduledExecutorService later = Executors.newScheduledThreadPool(2);
        long next = System.nanoTime();
        while (true) {
            // arrival times are drawn ahead; a late wake-up on a busy machine catches up instead of thinning the rate
            next += (long) (-Math.log(1 - random.nextDouble()) / rate * 1e9);
            if (next >= end) {
                break;
            }
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(Duration.ofNanos(sleep));
            }
            String callId = "bench-" + UUID.randomUUID();
            String fields = "\"from\":\"13%09d\",\"to\":\"4008001000\",\"direction\":\"in\",\"callId\":\"%s\""
                    .formatted(random.nextInt(1_000_000_000), callId);
            double wait = -Math.log(1 - random.nextDouble()) * 8;
            boolean abandons = random.nextDouble() < 0.1;
            double talk = -Math.log(1 - random.nextDouble()) * 30;
            calls.incrementAndGet();
            executor.submit(() -> {
                sent.put(callId, System.nanoTime());
                post(cti, base, token, "{\"event\":\"newCall\"," + fields + "}", ctiMicros);
                return null;
            });
            if (abandons) {
                later.schedule(
                        () -> executor.submit(() -> post(
                                cti, base, token, "{\"event\":\"hangup\",\"cause\":\"cancel\"," + fields + "}", ctiMicros)),
                        (long) (wait * 1000),
                        TimeUnit.MILLISECONDS);
            } else {
                later.schedule(
                        () -> executor.submit(() -> post(
                                cti, base, token, "{\"event\":\"answer\",\"answeringNumber\":\"8001\"," + fields + "}",
                                ctiMicros)),
                        (long) (wait * 1000),
                        TimeUnit.MILLISECONDS);
                later.schedule(
                        () -> executor.submit(() -> post(
                                cti, base, token, "{\"event\":\"hangup\",\"cause\":\"normalClearing\"," + fields + "}",
                                ctiMicros)),
                        (long) ((wait + talk) * 1000),
                        TimeUnit.MILLISECONDS);
            }
        }
        Thread.sleep(3000); // the last pops arrive
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        // the script reads the app's and PostgreSQL's CPU here and divides it by the CTI requests answered so far
        System.out.println("CALLS-DONE " + ctiMicros.size());
        System.out.flush();
        List<Double> each = new ArrayList<>();
        List<Double> slowest = new ArrayList<>();
        int complete = 0;
        for (var entry : firstSeen.entrySet()) {
            Long at = sent.get(entry.getKey());
            if (at == null) {
                continue;
            }
            List<Long> times;
            synchronized (entry.getValue()) {
                times = new ArrayList<>(entry.getValue());
            }
            times.forEach(t -> each.add((t - at) / 1e6));
            if (times.size() >= users.size() - failed.get()) {
                complete++;
                slowest.add((Collections.max(times) - at) / 1e6);
            }
        }
        System.out.printf("calls: %d in %.0f s (%.1f/s); newCall popped on every stream for %d%n", calls.get(), seconds,
                calls.get() / seconds, complete);
        List<Long> ctiTimes;
        synchronized (ctiMicros) { // the answers and hang-ups of the last calls are still being posted
            ctiTimes = new ArrayList<>(ctiMicros);
        }
        report("CTI response ms (every event)", ctiTimes.stream().map(m -> m / 1000.0).toList());
        report("screen pop ms, each stream", each);
        report("screen pop ms, slowest stream of a call", slowest);
        System.out.printf(
                "client CPU during calls: %.1f s in %.0f s (%.0f %% of one core; reading %d streams and posting the calls)%n",
                cpu / 1e9, wall / 1e9, 100.0 * cpu / wall, users.size() - failed.get());
        System.out.flush();
    }

    static Void post(HttpClient cti, String base, String token, String json, List<Long> micros) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = cti.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/cti/" + token))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        micros.add((System.nanoTime() - start) / 1000);
        if (response.statusCode() != 200) {
            System.err.println("CTI " + response.statusCode() + ": " + response.body());
        }
        return null;
    }

    /**
     * Signs the user in (a session of their own) and opens their pop stream on a plain socket, which the one
     * {@link Streams} thread reads from then on: a stream costs no thread, and reading an event is a few byte
     * comparisons, so the client takes little of the cores it shares with the app (it used to read each stream through
     * the JDK's HttpClient on a virtual thread, which cost ~0.7 of a core at 20 calls/s on 200 streams). The arrival
     * time is still taken when the event's bytes are read from that stream's socket.
     */
    static void listen(String base, String user, String password, Streams streams, java.util.concurrent.Semaphore signingIn)
            throws Exception {
        signingIn.acquire();
        try {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher csrf = CSRF.matcher(page);
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + (csrf.find() ? "&_csrf=" + (csrf.group(1) != null ? csrf.group(1) : csrf.group(2)) : "");
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login refused for " + user);
            }
            String cookie = String.join("; ", cookies.getCookieStore().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue())
                    .toList());
            URI uri = URI.create(base);
            var channel = java.nio.channels.SocketChannel.open(
                    new java.net.InetSocketAddress(uri.getHost(), uri.getPort()));
            channel.write(java.nio.ByteBuffer.wrap(("GET /workspace/calls/events HTTP/1.1\r\nHost: " + uri.getHost()
                            + ":" + uri.getPort() + "\r\nAccept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)));
            // the response head, read blocking; what came after it belongs to the stream
            var in = java.nio.ByteBuffer.allocate(8192);
            int headEnd = -1;
            while (headEnd < 0) {
                if (channel.read(in) < 0) {
                    throw new IllegalStateException("stream closed before its head");
                }
                String text = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
                headEnd = text.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
                    if (!head.startsWith("http/1.1 200")) {
                        throw new IllegalStateException("stream " + head.lines().findFirst().orElse(""));
                    }
                    if (!head.contains("transfer-encoding: chunked")) {
                        throw new IllegalStateException("stream not chunked: " + head);
                    }
                }
            }
            byte[] rest = java.util.Arrays.copyOfRange(in.array(), headEnd + 4, in.position());
            streams.add(channel, rest);
        } finally {
            signingIn.release();
        }
    }

    /**
     * All pop streams, read by one thread with a selector. Each stream is HTTP/1.1 chunked (as a browser gets it); the
     * chunk framing and the SSE lines are parsed byte by byte, and only a call's id becomes a string.
     */
    static final class Streams implements Runnable {

        private static final byte[] CALL_ID = "\"callId\":\"".getBytes(StandardCharsets.US_ASCII);
        private final java.nio.channels.Selector selector;
        private final java.util.Queue<Object[]> added = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final CountDownLatch ready;
        private final Map<String, Long> sent;
        private final Map<String, List<Long>> firstSeen;

        Streams(CountDownLatch ready, Map<String, Long> sent, Map<String, List<Long>> firstSeen) throws Exception {
            this.selector = java.nio.channels.Selector.open();
            this.ready = ready;
            this.sent = sent;
            this.firstSeen = firstSeen;
        }

        void add(java.nio.channels.SocketChannel channel, byte[] rest) {
            added.add(new Object[] {channel, rest});
            selector.wakeup();
        }

        @Override
        public void run() {
            var buffer = java.nio.ByteBuffer.allocateDirect(1 << 16);
            byte[] bytes = new byte[1 << 16];
            try {
                while (true) {
                    selector.select();
                    Object[] next;
                    while ((next = added.poll()) != null) {
                        var channel = (java.nio.channels.SocketChannel) next[0];
                        channel.configureBlocking(false);
                        Parser parser = new Parser();
                        channel.register(selector, java.nio.channels.SelectionKey.OP_READ, parser);
                        byte[] rest = (byte[]) next[1];
                        parser.feed(rest, rest.length, System.nanoTime());
                    }
                    for (var key : selector.selectedKeys()) {
                        var channel = (java.nio.channels.SocketChannel) key.channel();
                        buffer.clear();
                        int n;
                        try {
                            n = channel.read(buffer);
                        } catch (java.io.IOException e) {
                            n = -1;
                        }
                        if (n < 0) {
                            key.cancel();
                            channel.close();
                            continue;
                        }
                        long now = System.nanoTime();
                        buffer.flip();
                        buffer.get(bytes, 0, n);
                        ((Parser) key.attachment()).feed(bytes, n, now);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (Exception e) {
                System.err.println("streams: " + e);
            }
        }

        /** One stream's state: where it is in the chunk framing, the SSE line being read, the event's name. */
        final class Parser {
            private int chunkLeft = -1; // -1: reading a chunk-size line; >0: data bytes left; 0: the CRLF after data
            private int size;
            private boolean sizeDone;
            private final byte[] line = new byte[4096];
            private int length;
            private boolean call;
            private boolean hello;
            private String callId;
            private final java.util.Set<String> seen = new java.util.HashSet<>();

            void feed(byte[] bytes, int n, long now) {
                for (int i = 0; i < n; i++) {
                    byte b = bytes[i];
                    if (chunkLeft < 0) { // "<hex>[;ext]\r\n"
                        if (b == '\n') {
                            chunkLeft = size == 0 ? 0 : size;
                            size = 0;
                            sizeDone = false;
                        } else if (!sizeDone && Character.digit(b, 16) >= 0) {
                            size = size * 16 + Character.digit(b, 16);
                        } else {
                            sizeDone = true;
                        }
                    } else if (chunkLeft == 0) { // the CRLF that ends a chunk's data
                        if (b == '\n') {
                            chunkLeft = -1;
                        }
                    } else {
                        chunkLeft--;
                        sse(b, now);
                    }
                }
            }

            private void sse(byte b, long now) {
                if (b != '\n') {
                    if (length < line.length) {
                        line[length++] = b;
                    }
                    return;
                }
                if (length == 0) { // the blank line ends an event
                    if (hello) {
                        ready.countDown();
                    } else if (call && callId != null && sent.containsKey(callId) && seen.add(callId)) {
                        List<Long> times = firstSeen.computeIfAbsent(callId, k -> new ArrayList<>());
                        synchronized (times) {
                            times.add(now);
                        }
                    }
                    call = hello = false;
                    callId = null;
                } else if (starts("event:")) {
                    call = starts("event:call");
                    hello = starts("event:hello");
                } else if (call && starts("data:")) { // {"callId":"…","state":…}
                    int at = indexOf(CALL_ID);
                    if (at >= 0) {
                        int from = at + CALL_ID.length;
                        int to = from;
                        while (to < length && line[to] != '"') {
                            to++;
                        }
                        callId = new String(line, from, to - from, StandardCharsets.UTF_8);
                    }
                }
                length = 0;
            }

            private boolean starts(String prefix) {
                if (length < prefix.length()) {
                    return false;
                }
                for (int i = 0; i < prefix.length(); i++) {
                    if (line[i] != prefix.charAt(i)) {
                        return false;
                    }
                }
                return true;
            }

            private int indexOf(byte[] what) {
                outer:
                for (int i = 0; i + what.length <= length; i++) {
                    for (int j = 0; j < what.length; j++) {
                        if (line[i + j] != what[j]) {
                            continue outer;
                        }
                    }
                    return i;
                }
                return -1;
            }
        }
    }

    static void report(String what, List<Double> values) {
        if (values.isEmpty()) {
            System.out.println(what + ": none");
            return;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("%s: p50 %.1f p95 %.1f p99 %.1f max %.1f (n=%d)%n", what, pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.getLast(), sorted.size());
    }

    static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.round(p / 100 * (sorted.size() - 1))));
    }
}
