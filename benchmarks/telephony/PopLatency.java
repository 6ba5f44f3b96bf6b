import java.io.BufferedReader;
import java.io.InputStreamReader;
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

    static final Pattern CALL_ID = Pattern.compile("^\\{\"callId\":\"([^\"]+)\"");
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
        for (String user : users) {
            executor.submit(() -> {
                try {
                    listen(base, user, password, ready, sent, firstSeen, signingIn);
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

    static void listen(
            String base,
            String user,
            String password,
            CountDownLatch ready,
            Map<String, Long> sent,
            Map<String, List<Long>> firstSeen,
            java.util.concurrent.Semaphore signingIn)
            throws Exception {
        HttpResponse<java.io.InputStream> stream;
        signingIn.acquire();
        try {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager())
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
            stream = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/workspace/calls/events"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } finally {
            signingIn.release();
        }
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("stream " + stream.statusCode());
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String data = line.substring(5).strip();
                    Matcher call = CALL_ID.matcher(data); // {"callId":"…","state":…}
                    if (call.find()) {
                        data = call.group(1);
                    }
                    if ("hello".equals(name)) {
                        ready.countDown();
                    } else if ("call".equals(name) && sent.containsKey(data) && seen.add(data)) {
                        long now = System.nanoTime();
                        List<Long> times = firstSeen.computeIfAbsent(data, k -> new ArrayList<>());
                        synchronized (times) {
                            times.add(now);
                        }
                    }
                }
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
