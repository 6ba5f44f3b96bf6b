package dev.backstop.helpdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backstop.helpdesk.HelpdeskApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A real kill of a real process: the application runs in a child JVM against a real PostgreSQL and imports an
 * orders file from its drop folder; the test kills it with {@code destroyForcibly()} in the middle, starts it
 * again, lets it resume, and compares the final state with an uninterrupted run into a second database.
 */
class ImportCrashTests {

    static final int ORDERS = 8_000;
    static final int LINES = 3;
    static final int BATCH = 100;
    /** The file's orders (SO-000001 …), not the demo data's (SO-2026-000001 …). */
    static final String IMPORTED = "o.order_no ~ '^SO-[0-9]{6}$'";

    static final List<Process> STARTED = new ArrayList<>();
    static EmbeddedPostgres postgres;
    static Path work;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("create database crashed");
        admin.execute("create database reference");
        work = Files.createDirectories(Path.of("target/test-data/import-crash")).toAbsolutePath();
        deleteRecursively(work);
    }

    /** A failed test leaves no node behind (it would go on logging against a stopped database). */
    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Process node : STARTED) {
            node.destroyForcibly().waitFor();
        }
        STARTED.clear();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void aKilledImportResumesToExactlyTheStateOfAnUninterruptedRun() throws Exception {
        JdbcTemplate crashed = jdbc("crashed");
        JdbcTemplate reference = jdbc("reference");

        Process first = start("crashed");
        // the uninterrupted run has a database and data directory of its own: it starts beside the crashed one (its
        // file is dropped once the crash is done, so it never slows down the moment the first node is killed). It is
        // only the yardstick, never killed, so it runs in this JVM (the same application and settings, on classes this
        // JVM has loaded already) instead of a third cold child JVM
        FutureTask<ConfigurableApplicationContext> uninterrupted = new FutureTask<>(() -> startInThisJvm("reference"));
        Thread.ofPlatform().name("reference-node").start(uninterrupted);
        try {
            crashAndCompare(crashed, reference, first, () -> starting(uninterrupted) || running(uninterrupted));
        } finally {
            uninterrupted.get(3, TimeUnit.MINUTES).close();
        }
    }

    private void crashAndCompare(
            JdbcTemplate crashed, JdbcTemplate reference, Process first, BooleanSupplier referenceRunning)
            throws Exception {
        awaitDemoData(crashed, first::isAlive);
        drop("crashed");
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> recordsDone(crashed) >= ORDERS * LINES / 4);
        first.destroyForcibly().waitFor();

        Map<String, Object> killed = crashed.queryForMap("select state, records_done from import_jobs");
        long checkpoint = ((Number) killed.get("records_done")).longValue();
        assertThat(killed.get("state")).as("killed in the middle").isEqualTo("RUNNING");
        assertThat(checkpoint).isLessThan(ORDERS * LINES).isPositive();
        assertThat(checkpoint % BATCH).as("only whole batches are committed").isZero();
        assertThat(crashed.queryForObject(
                        "select count(*) from erp_order_lines l join erp_orders o on o.id = l.order_id where "
                                + IMPORTED,
                        Long.class))
                .as("exactly the valid rows of the committed batches")
                .isEqualTo(validRowsAmong(checkpoint));

        awaitDemoData(reference, referenceRunning);
        drop("reference");
        Process second = start("crashed");
        awaitDone(crashed, second::isAlive);
        second.destroy();
        second.waitFor();

        awaitDone(reference, referenceRunning);

        String state = """
                select o.order_no, d.code, o.order_date, o.status, l.line_no, l.sku, l.quantity, l.unit_price, l.amount
                from erp_orders o join distributors d on d.id = o.distributor_id join erp_order_lines l on l.order_id = o.id
                where %s
                order by o.order_no, l.line_no""".formatted(IMPORTED);
        List<Map<String, Object>> expected = reference.queryForList(state);
        assertThat(expected).hasSize((int) validRowsAmong(ORDERS * LINES));
        assertThat(crashed.queryForList(state))
                .as("no duplicates, no lost rows")
                .isEqualTo(expected);
        String audit = "select state, records_done, inserted, updated, unchanged, rejected, sha256 from import_jobs";
        assertThat(crashed.queryForMap(audit)).isEqualTo(reference.queryForMap(audit));
        assertThat(crashed.queryForObject("select attempts from import_jobs", Integer.class))
                .isEqualTo(2);
        String problems = "select line, column_name, code from import_problems order by line, column_name";
        assertThat(crashed.queryForList(problems))
                .isEqualTo(reference.queryForList(problems))
                .hasSize(ORDERS * LINES / 500);
        assertThat(work.resolve("crashed/imports/erp/done")).isDirectoryContaining("glob:**orders_nightly.csv");
    }

    /** Every 500th row has an impossible date and is rejected. */
    static long validRowsAmong(long records) {
        return records - records / 500;
    }

    static void drop(String database) throws IOException {
        Path folder = Files.createDirectories(work.resolve(database).resolve("imports/erp"));
        Path staged = work.resolve(database + "-orders.tmp");
        try (Writer out = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
            out.write("订单号,经销商编码,下单日期,订单状态,行号,物料编码,物料名称,数量,单价,金额\n");
            int record = 0;
            for (int o = 1; o <= ORDERS; o++) {
                for (int l = 1; l <= LINES; l++) {
                    record++;
                    String date = record % 500 == 0 ? "2026-02-30" : "2026-11-%02d".formatted(1 + o % 28);
                    out.write("SO-%06d,D%04d,%s,已确认,%d,SKU-%d,产品%d,%d,%d.50,%d.50\n"
                            .formatted(o, 1 + o % 30, date, l, l, l, o % 50 + 1, l * 10, (o % 50 + 1) * l * 10));
                }
            }
        }
        Files.move(staged, folder.resolve("orders_nightly.csv"));
    }

    static Process start(String database) throws IOException {
        Path dataDir = Files.createDirectories(work.resolve(database));
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
                "dev.backstop.helpdesk.HelpdeskApplication"));
        command.addAll(nodeArguments(database, dataDir));
        File log = dataDir.resolve("child.log").toFile();
        Process node = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        STARTED.add(node);
        return node;
    }

    static boolean starting(FutureTask<ConfigurableApplicationContext> application) {
        return !application.isDone();
    }

    static boolean running(FutureTask<ConfigurableApplicationContext> application) {
        try {
            return application.get().isActive();
        } catch (Exception failedToStart) {
            return false;
        }
    }

    /** The application on {@code database} in this JVM, with the settings {@link #start} gives a child node. */
    static ConfigurableApplicationContext startInThisJvm(String database) throws IOException {
        Path dataDir = Files.createDirectories(work.resolve(database));
        List<String> arguments = new ArrayList<>(nodeArguments(database, dataDir));
        arguments.addAll(List.of("--spring.main.banner-mode=off", "--logging.level.root=warn"));
        return new SpringApplicationBuilder(HelpdeskApplication.class).run(arguments.toArray(String[]::new));
    }

    /** What a node of this test is started with, in a child JVM or in this one. */
    static List<String> nodeArguments(String database, Path dataDir) {
        return List.of(
                "--spring.profiles.active=postgres",
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--backstop.data-dir=" + dataDir,
                "--backstop.imports.batch-size=" + BATCH,
                "--backstop.imports.lease=2s",
                "--backstop.imports.settle-time=0s",
                "--backstop.imports.drop-interval=200ms",
                "--backstop.imports.drop-initial-delay=0s",
                "--backstop.imports.poll-interval=200ms",
                "--backstop.imports.poll-initial-delay=0s");
    }

    static long recordsDone(JdbcTemplate jdbc) {
        try {
            Long done = jdbc.queryForObject("select coalesce(max(records_done), 0) from import_jobs", Long.class);
            return done == null ? 0 : done;
        } catch (RuntimeException notYetMigrated) {
            return 0;
        }
    }

    /**
     * The orders refer to the demo distributors, loaded after the application started. Fails at once if the node
     * ends (its log: {@code target/test-data/import-crash/<database>/child.log}).
     */
    static void awaitDemoData(JdbcTemplate jdbc, BooleanSupplier running) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(running.getAsBoolean())
                            .as("the node is running, see its child.log")
                            .isTrue();
                    try {
                        return jdbc.queryForObject("select count(*) from app_users", Long.class) > 0;
                    } catch (RuntimeException notYetMigrated) {
                        return false;
                    }
                });
    }

    static void awaitDone(JdbcTemplate jdbc, BooleanSupplier running) {
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(running.getAsBoolean())
                            .as("the node is running, see its child.log")
                            .isTrue();
                    try {
                        return "DONE".equals(jdbc.queryForObject("select state from import_jobs", String.class));
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                });
    }

    static JdbcTemplate jdbc(String database) {
        DataSource source = new SingleConnectionDataSource(postgres.getJdbcUrl("postgres", database), true);
        return new JdbcTemplate(source);
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(root)) {
                    Files.delete(path);
                }
            }
        }
    }
}
