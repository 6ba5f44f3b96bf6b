package dev.backstop.helpdesk.imports;

import static org.awaitility.Awaitility.await;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.internal.ImportJob;
import dev.backstop.helpdesk.imports.internal.ImportManagement;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a test (not matched by the test patterns): benchmarks/imports/dry-run-heap.sh runs it with {@code -Xmx512m}. On
 * the embedded default (H2 in a file, a fresh database per run), a dry run and then the apply of the same orders file of
 * just under 100 MB (the upload limit) through the real job runner; prints each one's peak heap, time and counts.
 * Finishing at all with 512 MB is the point; the counts must be the same.
 */
@SpringBootTest
@TestPropertySource(properties = {"backstop.imports.poll-interval=100ms", "backstop.imports.max-file-size=100MB"})
class DryRunHeapBenchmark {

    /** A fresh database, index and upload folder per run (one name: {@code ${random.uuid}} differs at every use). */
    @DynamicPropertySource
    static void freshDataDir(DynamicPropertyRegistry registry) {
        String dir = "./target/bench-dry-run/" + java.util.UUID.randomUUID();
        registry.add("backstop.data-dir", () -> dir);
    }

    static final long BYTES = Long.getLong("bench.bytes", 100L * 1024 * 1024 - 4096);

    @Autowired
    ImportManagement imports;

    @Test
    void dryRunAndApplyOfA100MbFile() throws Exception {
        Path file = generate(Path.of("target/bench/orders-" + BYTES + "-bytes.csv"));
        CurrentUser admin = new CurrentUser(1, "admin", "admin", Set.of(Role.ADMIN), null, null, null, null);

        LiveHeap live = LiveHeap.watch();
        resetPeak();
        live.reset();
        ImportJob dryRun;
        try (InputStream in = Files.newInputStream(file)) {
            dryRun = imports.submit(
                    "orders",
                    file.getFileName().toString(),
                    Files.size(file),
                    in,
                    true,
                    ImportJob.Policy.SKIP_BAD_ROWS,
                    null,
                    admin);
        }
        ImportJob dry = finished(dryRun.id(), admin);
        long dryPeak = peakHeap();
        long dryLive = live.peak();

        resetPeak();
        live.reset();
        ImportJob apply = finished(
                imports.apply(dry.id(), ImportJob.Policy.SKIP_BAD_ROWS, admin).id(), admin);
        long applyPeak = peakHeap();
        long applyLive = live.peak();

        System.out.printf(
                """
                BENCHMARK file=%d bytes (%d MB), records=%d, cores=%d, java=%s, max heap %d MB, database=%s
                BENCHMARK dry run: %s in %.1f s, peak heap after GC (live) %d MB, sum of pool peaks %d MB; inserted %d, updated %d, unchanged %d, rejected %d
                BENCHMARK apply:   %s in %.1f s, peak heap after GC (live) %d MB, sum of pool peaks %d MB; inserted %d, updated %d, unchanged %d, rejected %d
                BENCHMARK same counts: %s
                """,
                Files.size(file),
                Files.size(file) >> 20,
                apply.recordsDone(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                "H2 file (embedded default)",
                dry.state(),
                seconds(dry),
                dryLive >> 20,
                dryPeak >> 20,
                dry.inserted(),
                dry.updated(),
                dry.unchanged(),
                dry.rejected(),
                apply.state(),
                seconds(apply),
                applyLive >> 20,
                applyPeak >> 20,
                apply.inserted(),
                apply.updated(),
                apply.unchanged(),
                apply.rejected(),
                dry.inserted() == apply.inserted()
                        && dry.updated() == apply.updated()
                        && dry.unchanged() == apply.unchanged()
                        && dry.rejected() == apply.rejected());
    }

    private ImportJob finished(long id, CurrentUser admin) {
        await().atMost(Duration.ofHours(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> imports.job(id, admin).state().isFinal());
        return imports.job(id, admin);
    }

    private static double seconds(ImportJob job) {
        return Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1000.0;
    }

    private static void resetPeak() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since {@link #resetPeak()} (the JVM also holds the context, Tomcat, H2's cache). */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    /**
     * The largest heap in use right after a garbage collection: what a job keeps alive (the sum of the pools' peaks also
     * counts garbage not collected yet, and pools peak at different times).
     */
    static final class LiveHeap {

        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

        static LiveHeap watch() {
            LiveHeap live = new LiveHeap();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc)
                        .addNotificationListener(
                                (notification, handback) -> {
                                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                            (javax.management.openmbean.CompositeData) notification.getUserData());
                                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                            .filter(e -> isHeap(e.getKey()))
                                            .mapToLong(e -> e.getValue().getUsed())
                                            .sum();
                                    live.peak.accumulateAndGet(used, Math::max);
                                },
                                notification -> notification
                                        .getType()
                                        .equals(
                                                com.sun.management.GarbageCollectionNotificationInfo
                                                        .GARBAGE_COLLECTION_NOTIFICATION),
                                null);
            }
            return live;
        }

        private static boolean isHeap(String pool) {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
        }

        void reset() {
            peak.set(0);
        }

        long peak() {
            return peak.get();
        }
    }

    /** Order lines (4 per order) of the demo distributors, until the file has {@link #BYTES} bytes. */
    static Path generate(Path file) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        long bytes = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "订单号,经销商编码,下单日期,订单状态,行号,物料编码,物料名称,数量,单价,金额\n";
            out.write(header);
            bytes += header.getBytes(StandardCharsets.UTF_8).length;
            for (int row = 0; ; row++) {
                int order = row / 4;
                int quantity = 1 + (row * 7) % 90;
                String line = "SO-%08d,D%04d,2026-%02d-%02d,已确认,%d,SKU-%05d,产品 %d 号,%d,%d.50,%d.00\n"
                        .formatted(
                                order,
                                1 + order % 30,
                                1 + order % 12,
                                1 + order % 28,
                                row % 4 + 1,
                                row % 20000,
                                row % 20000,
                                quantity,
                                10 + row % 500,
                                quantity * (10 + row % 500));
                int size = line.getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > BYTES) {
                    break;
                }
                out.write(line);
                bytes += size;
            }
        }
        return file;
    }
}
