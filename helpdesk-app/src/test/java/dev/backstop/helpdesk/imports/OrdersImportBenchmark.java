package dev.backstop.helpdesk.imports;

import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.internal.ImportJob;
import dev.backstop.helpdesk.imports.internal.ImportManagement;
import dev.backstop.imports.CsvFile;
import dev.backstop.imports.CsvOptions;
import dev.backstop.imports.RecordSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a test (no timing assertions; not matched by the test patterns): benchmarks/imports/run.sh runs it.
 * Imports a generated orders file (one row per order line) with validation and upsert into PostgreSQL through
 * the real job runner, then COPYs the same file into a bare table, and prints rows/s of each, the ratio and the
 * peak heap (run with -Xmx256m: finishing at all proves the bound).
 */
@SpringBootTest
@ActiveProfiles("postgres-test")
@Import(OrdersImportBenchmark.Database.class)
@TestPropertySource(properties = {"backstop.data-dir=target/bench", "backstop.imports.poll-interval=100ms",
        "backstop.imports.batch-size=${bench.batch:2000}", "backstop.imports.max-file-size=500MB"})
class OrdersImportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int LINES = 4;

    @TestConfiguration(proxyBeanMethods = false)
    static class Database {
        @Bean(destroyMethod = "close")
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres benchPostgres() throws IOException {
            return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC").setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("synchronous_commit", "on").start();
        }

        @Bean(destroyMethod = "close")
        @Primary
        DataSource dataSource(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts="
                    + Boolean.parseBoolean(System.getProperty("bench.rewrite", "true")));
            pool.setMaximumPoolSize(4);
            return pool;
        }
    }

    @Autowired
    ImportManagement imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void importVersusCopy() throws Exception {
        Path file = generate(Path.of("target/bench/orders-" + ROWS + ".csv"));
        CurrentUser admin = new CurrentUser(1, "admin", "admin", Set.of(Role.ADMIN), null, null, null, null);

        long parseStart = System.nanoTime();
        RecordSchema schema = imports.kind("orders", admin).schema();
        AtomicLong valid = new AtomicLong();
        try (CsvFile csv = CsvFile.open(file, schema.mapping(), CsvOptions.detect())) {
            csv.rows().forEach(row -> valid.addAndGet(schema.validate(row).isValid() ? 1 : 0));
        }
        double parseSeconds = (System.nanoTime() - parseStart) / 1e9;

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long heapBefore = heapUsed();
        ImportJob job;
        try (InputStream in = Files.newInputStream(file)) {
            job = imports.submit("orders", file.getFileName().toString(), Files.size(file), in, false,
                    ImportJob.Policy.SKIP_BAD_ROWS, null, admin);
        }
        long id = job.id();
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> imports.job(id, admin).state().isFinal());
        ImportJob done = imports.job(id, admin);
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double importSeconds = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;

        jdbc.execute("""
                create table bare_orders (order_no text, distributor_code text, order_date date, status text, line_no int,
                    sku text, product_name text, quantity numeric, unit_price numeric, amount numeric)""");
        long copyStart = System.nanoTime();
        long copied;
        try (Connection connection = dataSource.getConnection(); Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy bare_orders from stdin with (format csv, header true)", reader);
        }
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;

        double importRate = done.recordsDone() / importSeconds;
        double copyRate = copied / copySeconds;
        System.out.printf("""
                BENCHMARK rows=%d file=%d MB batch=%s reWriteBatchedInserts=%s cores=%d java=%s
                BENCHMARK parse+validate only (no database): %.1f s = %.0f rows/s
                BENCHMARK import (validate + upsert, job runner, state %s): %.1f s = %.0f rows/s (inserted %d, rejected %d)
                BENCHMARK copy into bare table: %.1f s = %.0f rows/s
                BENCHMARK ratio import/copy = %.1f %%
                BENCHMARK heap: before import %d MB, peak during import %d MB, max %d MB
                """, ROWS, Files.size(file) / (1024 * 1024), System.getProperty("bench.batch", "2000"),
                System.getProperty("bench.rewrite", "true"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), parseSeconds, ROWS / parseSeconds, done.state(), importSeconds, importRate,
                done.inserted(), done.rejected(), copySeconds, copyRate, 100 * importRate / copyRate, heapBefore >> 20,
                peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Order lines of demo distributors, ISO dates and plain numbers so that COPY can type the same file. */
    static Path generate(Path file) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("order_no,distributor_code,order_date,status,line_no,sku,product_name,quantity,unit_price,amount\n");
            for (int row = 0; row < ROWS; row++) {
                int order = row / LINES;
                int line = row % LINES + 1;
                int quantity = 1 + (row * 7) % 90;
                out.write("SO-%08d,D%04d,2026-%02d-%02d,已确认,%d,SKU-%05d,产品 %d 号,%d,%d.50,%d.00\n".formatted(order,
                        1 + order % 30, 1 + order % 12, 1 + order % 28, line, row % 20000, row % 20000, quantity,
                        10 + row % 500, quantity * (10 + row % 500)));
            }
        }
        return file;
    }
}
