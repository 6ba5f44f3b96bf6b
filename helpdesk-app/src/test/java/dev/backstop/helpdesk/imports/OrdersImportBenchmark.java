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
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/bench",
            "backstop.imports.poll-interval=100ms",
            "backstop.imports.batch-size=${bench.batch:2000}",
            "backstop.imports.max-file-size=500MB"
        })
class OrdersImportBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    static final int LINES = 4;

    @TestConfiguration(proxyBeanMethods = false)
    static class Database {
        @Bean(destroyMethod = "close")
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres benchPostgres() throws IOException {
            return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
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
            job = imports.submit(
                    "orders",
                    file.getFileName().toString(),
                    Files.size(file),
                    in,
                    false,
                    ImportJob.Policy.SKIP_BAD_ROWS,
                    null,
                    admin);
        }
        long id = job.id();
        await().atMost(Duration.ofHours(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> imports.job(id, admin).state().isFinal());
        ImportJob done = imports.job(id, admin);
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        double importSeconds =
                Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;

        jdbc.execute("""
                create table bare_orders (order_no text, distributor_code text, order_date date, status text, line_no int,
                    sku text, product_name text, quantity numeric, unit_price numeric, amount numeric)""");
        long copyStart = System.nanoTime();
        long copied;
        try (Connection connection = dataSource.getConnection();
                Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            copied = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy bare_orders from stdin with (format csv, header true)", reader);
        }
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;

        double importRate = done.recordsDone() / importSeconds;
        double copyRate = copied / copySeconds;
        Bound constrained = serverSideBound(true);
        Bound bare = serverSideBound(false);
        System.out.printf(
                """
                BENCHMARK rows=%d file=%d MB batch=%s reWriteBatchedInserts=%s cores=%d java=%s
                BENCHMARK parse+validate only (no database): %.1f s = %.0f rows/s
                BENCHMARK import (validate + upsert, job runner, state %s): %.1f s = %.0f rows/s (inserted %d, rejected %d)
                BENCHMARK copy into bare table: %.1f s = %.0f rows/s
                BENCHMARK ratio import/copy = %.1f %%
                BENCHMARK heap: before import %d MB, peak during import %d MB, max %d MB
                BENCHMARK server-side bound, the same schema (2 foreign keys, 5 indexes): %s = %.1f %% of COPY
                BENCHMARK server-side bound, no foreign keys, only the natural keys' unique indexes: %s = %.1f %% of COPY
                """,
                ROWS,
                Files.size(file) / (1024 * 1024),
                System.getProperty("bench.batch", "2000"),
                System.getProperty("bench.rewrite", "true"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                parseSeconds,
                ROWS / parseSeconds,
                done.state(),
                importSeconds,
                importRate,
                done.inserted(),
                done.rejected(),
                copySeconds,
                copyRate,
                100 * importRate / copyRate,
                heapBefore >> 20,
                peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                constrained,
                100 * constrained.rate() / copyRate,
                bare,
                100 * bare.rate() / copyRate);
    }

    /** Set-based load of the COPYed rows into fresh tables (no client, no validation): how fast the server alone can go. */
    record Bound(double ordersSeconds, double linesSeconds, long rows) {
        double rate() {
            return rows / (ordersSeconds + linesSeconds);
        }

        @Override
        public String toString() {
            return "orders %.1f s + lines %.1f s = %.0f rows/s".formatted(ordersSeconds, linesSeconds, rate());
        }
    }

    /**
     * The bound for any import, however it talks to the database: the rows already in PostgreSQL (the bare table), one
     * {@code insert … select} per table into empty tables shaped like {@code erp_orders} / {@code erp_order_lines},
     * with their constraints ({@code constraints}) or with only the natural keys' unique indexes.
     */
    Bound serverSideBound(boolean constraints) {
        String suffix = constraints ? "_c" : "_n";
        jdbc.execute("drop table if exists bound_lines" + suffix + ", bound_orders" + suffix);
        if (constraints) {
            jdbc.execute("create table bound_orders_c (like erp_orders including all)");
            jdbc.execute("alter table bound_orders_c add foreign key (distributor_id) references distributors (id)");
            jdbc.execute("create table bound_lines_c (like erp_order_lines including all)");
            jdbc.execute("alter table bound_lines_c add foreign key (order_id) references bound_orders_c (id)");
        } else {
            jdbc.execute("create table bound_orders_n (like erp_orders including defaults including identity)");
            jdbc.execute("alter table bound_orders_n add unique (order_no)");
            jdbc.execute("create table bound_lines_n (like erp_order_lines including defaults including identity)");
            jdbc.execute("alter table bound_lines_n add unique (order_id, line_no)");
        }
        jdbc.execute("checkpoint");
        long start = System.nanoTime();
        jdbc.execute("""
                insert into bound_orders%s (order_no, distributor_id, order_date, status)
                select b.order_no, min(d.id), min(b.order_date), min(b.status) from bare_orders b
                  join distributors d on d.code = b.distributor_code group by b.order_no""".formatted(suffix));
        double orders = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int lines = jdbc.update("""
                insert into bound_lines%1$s (order_id, line_no, sku, product_name, quantity, unit_price, amount)
                select o.id, b.line_no, b.sku, b.product_name, b.quantity, b.unit_price, b.amount
                  from bare_orders b join bound_orders%1$s o on o.order_no = b.order_no""".formatted(suffix));
        return new Bound(orders, (System.nanoTime() - start) / 1e9, lines);
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
            out.write(
                    "order_no,distributor_code,order_date,status,line_no,sku,product_name,quantity,unit_price,amount\n");
            for (int row = 0; row < ROWS; row++) {
                int order = row / LINES;
                int line = row % LINES + 1;
                int quantity = 1 + (row * 7) % 90;
                out.write("SO-%08d,D%04d,2026-%02d-%02d,已确认,%d,SKU-%05d,产品 %d 号,%d,%d.50,%d.00\n"
                        .formatted(
                                order,
                                1 + order % 30,
                                1 + order % 12,
                                1 + order % 28,
                                line,
                                row % 20000,
                                row % 20000,
                                quantity,
                                10 + row % 500,
                                quantity * (10 + row % 500)));
            }
        }
        return file;
    }
}
