import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded, closed-loop load client for Backstop's API (JDK only; run with {@code java LoadClient.java}).
 * CLIENTS virtual threads share REQUESTS requests against localhost; each request is one of a mix:
 * 15 % open a ticket, 35 % read a ticket, 20 % list the desk's active tickets, 15 % search tickets,
 * 10 % reply to a ticket, 5 % search the knowledge base. Reports, per kind and in all: count, errors (any status
 * other than the expected one, or no answer within 60 s), p50, p99 and max latency, and throughput.
 * <p>
 * Usage: {@code java LoadClient.java <baseUrl> <bearerToken> <clients> <requests>}
 */
public class LoadClient {

    enum Kind { CREATE, READ, LIST, SEARCH, REPLY, KB }

    static final Kind[] MIX = mix();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final String[] WORDS = {"发票", "订单", "返利", "物流", "退货", "工资", "invoice", "order"};

    static Kind[] mix() {
        List<Kind> mix = new ArrayList<>();
        int[][] shares = {{Kind.CREATE.ordinal(), 15}, {Kind.READ.ordinal(), 35}, {Kind.LIST.ordinal(), 20},
                {Kind.SEARCH.ordinal(), 15}, {Kind.REPLY.ordinal(), 10}, {Kind.KB.ordinal(), 5}};
        for (int[] share : shares) {
            for (int i = 0; i < share[1]; i++) {
                mix.add(Kind.values()[share[0]]);
            }
        }
        return mix.toArray(Kind[]::new);
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<Long> ids = new CopyOnWriteArrayList<>();
        // tickets to read and answer: the newest the token's user may see, plus every one this run opens
        Matcher seed = ID.matcher(call(http, base, token, "GET", "/api/v1/tickets?desk=CHANNEL&size=100", null).body());
        while (seed.find()) {
            ids.add(Long.parseLong(seed.group(1)));
        }
        Map<Kind, List<Long>> nanos = new ConcurrentHashMap<>();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicInteger left = new AtomicInteger(requests);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (left.getAndDecrement() > 0) {
                        Kind kind = MIX[random.nextInt(MIX.length)];
                        long id = ids.isEmpty() ? 1 : ids.get(random.nextInt(ids.size()));
                        String word = URLEncoder.encode(WORDS[random.nextInt(WORDS.length)], StandardCharsets.UTF_8);
                        long t0 = System.nanoTime();
                        int expected = 200;
                        HttpResponse<String> response;
                        try {
                            response = switch (kind) {
                                case CREATE -> {
                                    expected = 201;
                                    yield call(http, base, token, "POST", "/api/v1/tickets", """
                                            {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"压测工单 %d",
                                             "description":"负载测试","requester":{"kind":"UNKNOWN_CALLER","name":"测试","phone":"13800138000"}}"""
                                            .formatted(random.nextInt(1_000_000)));
                                }
                                case READ -> call(http, base, token, "GET", "/api/v1/tickets/" + id, null);
                                case LIST -> call(http, base, token, "GET", "/api/v1/tickets?desk=CHANNEL&active=true", null);
                                case SEARCH -> call(http, base, token, "GET", "/api/v1/tickets?q=" + word, null);
                                case REPLY -> call(http, base, token, "POST", "/api/v1/tickets/" + id + "/replies",
                                        "{\"body\":\"您好，已为您查询，请稍候。\"}");
                                case KB -> call(http, base, token, "GET", "/api/v1/kb/search?q=" + word, null);
                            };
                        } catch (Exception e) {
                            errors.computeIfAbsent(kind + " " + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                            continue;
                        }
                        long took = System.nanoTime() - t0;
                        nanos.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(took);
                        if (response.statusCode() != expected
                                // a reply to a ticket another client just resolved or that is closed is refused: not an error
                                && !(kind == Kind.REPLY && response.statusCode() == 409)) {
                            errors.computeIfAbsent(kind + " " + response.statusCode(), k -> new LongAdder()).increment();
                            if (response.statusCode() >= 500) {
                                System.err.println(kind + " " + response.statusCode() + " " + response.body());
                            }
                        } else if (kind == Kind.CREATE) {
                            Matcher created = ID.matcher(response.body());
                            if (created.find()) {
                                ids.add(Long.parseLong(created.group(1)));
                            }
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = nanos.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("clients %d, requests %d, %.1f s, %.0f req/s, errors %d%n", clients, requests, seconds,
                all.length / seconds, errorCount);
        System.out.printf("%-7s %6s %8s %8s %8s%n", "kind", "n", "p50 ms", "p99 ms", "max ms");
        for (Kind kind : Kind.values()) {
            long[] times = nanos.getOrDefault(kind, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
            print(kind.name().toLowerCase(), times);
        }
        print("all", all);
        if (!errors.isEmpty()) {
            System.out.println("errors: " + new TreeMap<>(errors));
        }
    }

    static void print(String name, long[] sorted) {
        if (sorted.length == 0) {
            return;
        }
        System.out.printf("%-7s %6d %8.1f %8.1f %8.1f%n", name, sorted.length, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static HttpResponse<String> call(HttpClient http, String base, String token, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Accept-Language", "zh-CN");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
