package dev.backstop.helpdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.internal.ImportManagement;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import dev.backstop.imports.CsvFile;
import dev.backstop.imports.CsvOptions;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RowError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PostgreSQL fast path of {@link TableUpsert} (COPY into a staging table, one set-based upsert; ADR 0013) and the
 * portable path reach exactly the same table state and the same outcome per row for the same files: a first run and
 * its rerun, an update run and its rerun, an unchanged run and its rerun, with repeated keys (also with differing values) within
 * and across batches, rejected rows and values COPY must escape. Each path runs in a transaction rolled back at the
 * end, so both start from the same demo data; the rows are compared by natural key (ids come from sequences).
 */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/imports-pg",
            "backstop.imports.poll-interval=200ms",
            "backstop.imports.batch-size=2"
        })
@ResourceLock("context:imports-pg")
class ImportCopyPathTests {

    static final CurrentUser ADMIN = new CurrentUser(1, "admin", "admin", Set.of(Role.ADMIN), null, null, null, null);

    static final String HEADER =
            "Order No,Distributor Code,Order Date,Status,Currency,Remark,Line No,SKU,Product Name,Quantity,"
                    + "Unit Price,Amount,Category\n";

    /** SO-CP-1 repeats its order columns on every line; SO-CP-2's lines disagree on the status; line 2 of SO-CP-3 twice. */
    static final String FIRST = HEADER + """
            SO-CP-1,D0001,2026-11-01,已确认,CNY,"tab\there, back\\slash, ""q"" end",1,SKU-1001,智能电饭煲 4L,20,¥299.00,"5,980.00",厨房电器
            SO-CP-1,D0001,2026-11-01,已确认,CNY,"tab\there, back\\slash, ""q"" end",2,SKU-2002,空气净化器,5件,"1,299.00",6495元,环境电器
            SO-CP-1,D0001,2026-11-01,已确认,CNY,"tab\there, back\\slash, ""q"" end",3,SKU-3003,"two
            lines",1.5,10,15,
            SO-CP-2,D0002,2026/11/02,Open,,,1,SKU-1001,Rice cooker 4L,100,280,28000,Kitchen
            SO-CP-2,D0002,2026/11/02,Shipped,,,2,SKU-1002,\\N in a name,1,1,1,Kitchen
            SO-CP-9,D9999,2026-11-03,Open,CNY,,1,SKU-1001,unknown distributor,1,1,1,
            SO-CP-3,D0001,2026-11-04,Open,USD,,1,SKU-1001,,3,0.10,0.30,
            SO-CP-3,D0001,2026-11-04,Open,USD,,2,SKU-1002,first,3,1,3,
            SO-CP-3,D0001,2026-11-04,Open,USD,,2,SKU-1002,second,4,1,4,
            SO-CP-3,D0001,2026-11-04,Open,USD,,2,SKU-1002,second,4,1,4,
            SO-CP-4,D0002,2026-11-05,Open,CNY,,1,SKU-1001,bad quantity,abc,1,1,
            """;

    /** Changes a remark, a quantity (to an equal number with another scale: unchanged) and a price; adds a line. */
    static final String SECOND = HEADER + """
            SO-CP-1,D0001,2026-11-01,已确认,CNY,changed remark,1,SKU-1001,智能电饭煲 4L,20.000,¥299.00,"5,980.00",厨房电器
            SO-CP-1,D0001,2026-11-01,已确认,CNY,changed remark,2,SKU-2002,空气净化器,5件,"1,399.00",6995元,环境电器
            SO-CP-2,D0002,2026/11/02,Shipped,,,2,SKU-1002,\\N in a name,1,1,1,Kitchen
            SO-CP-3,D0001,2026-11-04,Open,USD,,2,SKU-1002,second,4,1,4,
            SO-CP-3,D0001,2026-11-04,Open,USD,,2,SKU-1002,third,5,1,5,
            SO-CP-3,D0001,2026-11-04,Open,USD,,4,SKU-1004,new line,1,2,2,
            SO-CP-5,D0001,2026-11-06,Cancelled,CNY,,1,SKU-1001,new order,1,2,2,
            """;

    /** The state the second file left, without rows that disagree within the file: nothing to write. */
    static final String THIRD = SECOND.replace("SO-CP-3,D0001,2026-11-04,Open,USD,,2,SKU-1002,second,4,1,4,\n", "");

    @Autowired
    ImportManagement imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path dir;

    @Test
    void ordersReachTheSameStateAndOutcomesOnBothPaths() {
        ImportTarget orders = imports.kind("orders", ADMIN);
        List<String> files = List.of(FIRST, FIRST, SECOND, SECOND, THIRD, THIRD);
        List<Object> copied = inRolledBackTransaction(() -> {
            List<Object> runs = runs(orders, files, 3);
            assertThat(jdbc.queryForObject("select count(*) from pg_temp.import_stage_erp_order_lines", Long.class))
                    .as("the fast path staged the last batch's lines")
                    .isPositive();
            return runs;
        });
        List<Object> portable = inRolledBackTransaction(() -> TableUpsert.portable(() -> runs(orders, files, 3)));

        assertThat(copied).isEqualTo(portable);
        assertThat(copied.get(0))
                .as("first run: inserted, updated, unchanged, rejected")
                .isEqualTo(List.of(7L, 1L, 1L, 2L));
        assertThat(copied.get(3))
                .as("rerun: the rows of a key that disagree within the file update it again")
                .isEqualTo(List.of(0L, 4L, 5L, 2L));
        assertThat(copied.get(6)).as("update run").isEqualTo(List.of(2L, 3L, 2L, 0L));
        assertThat(copied.get(9)).as("its rerun").isEqualTo(List.of(0L, 2L, 5L, 0L));
        assertThat(copied.get(12)).as("unchanged run").isEqualTo(List.of(0L, 0L, 6L, 0L));
        assertThat(copied.get(15)).as("unchanged rerun").isEqualTo(List.of(0L, 0L, 6L, 0L));
    }

    @Test
    void everyKindsTemplateRowsReachTheSameStateOnBothPaths() {
        for (ImportTarget target : imports.kinds(ADMIN)) {
            String file = String.join(
                            ",",
                            target.schema().fields().stream().map(f -> f.name()).toList()) + "\n"
                    + String.join(
                            "\n",
                            target.sampleRows().stream()
                                    .map(ImportCopyPathTests::csvLine)
                                    .toList()) + "\n";
            List<String> files = List.of(file, file);
            List<Object> copied = inRolledBackTransaction(() -> {
                List<Object> runs = runs(target, files, 2);
                runs.add(tables());
                return runs;
            });
            List<Object> portable = inRolledBackTransaction(() -> TableUpsert.portable(() -> {
                List<Object> runs = runs(target, files, 2);
                runs.add(tables());
                return runs;
            }));
            assertThat(copied.subList(0, 6)).as(target.kind()).isEqualTo(portable.subList(0, 6));
            Map<?, ?> copiedTables = (Map<?, ?>) copied.get(6);
            Map<?, ?> portableTables = (Map<?, ?>) portable.get(6);
            List<?> differing = copiedTables.keySet().stream()
                    .filter(t -> !copiedTables.get(t).equals(portableTables.get(t)))
                    .toList();
            assertThat(differing).as(target.kind() + ": tables that differ").isEmpty();
            assertThat(((List<?>) copied.get(3)).subList(0, 2))
                    .as(target.kind() + " rerun writes nothing")
                    .isEqualTo(List.of(0L, 0L));
        }
    }

    /** Per file: the counts, the outcome of every row (with problems) and the orders tables after it. */
    private List<Object> runs(ImportTarget target, List<String> files, int batchSize) {
        List<Object> results = new ArrayList<>();
        for (String content : files) {
            long[] counts = new long[4];
            List<String> outcomes = new ArrayList<>();
            try (CsvFile csv = CsvFile.open(write(content), target.schema().mapping(), CsvOptions.detect())) {
                List<ParsedRow> batch = new ArrayList<>();
                for (ParsedRow row : csv.rows().map(target.schema()::validate).toList()) {
                    batch.add(row);
                    if (batch.size() == batchSize) {
                        apply(target, batch, counts, outcomes);
                        batch.clear();
                    }
                }
                apply(target, batch, counts, outcomes);
            }
            results.add(List.of(counts[0], counts[1], counts[2], counts[3]));
            results.add(outcomes);
            results.add(orderTables());
        }
        return results;
    }

    /** As the job runner applies a batch: invalid rows are rejected before the target sees the valid ones. */
    private static void apply(ImportTarget target, List<ParsedRow> batch, long[] counts, List<String> outcomes) {
        List<ParsedRow> valid = batch.stream().filter(ParsedRow::isValid).toList();
        batch.stream().filter(row -> !row.isValid()).forEach(row -> {
            counts[3]++;
            outcomes.add(
                    row.line() + " " + row.errors().stream().map(RowError::code).toList());
        });
        List<RowOutcome> written = valid.isEmpty() ? List.of() : target.upsert(valid);
        for (int i = 0; i < written.size(); i++) {
            counts[written.get(i).kind().ordinal()]++;
            RowError problem = written.get(i).problem();
            outcomes.add(valid.get(i).line() + " " + written.get(i).kind()
                    + (problem == null ? "" : " " + problem.code() + " " + problem.column()));
        }
    }

    private List<Map<String, Object>> orderTables() {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("""
                select o.order_no, d.code, o.order_date, o.status, o.currency, o.remark
                from erp_orders o join distributors d on d.id = o.distributor_id where o.order_no like 'SO-CP-%' order by o.order_no"""));
        rows.addAll(jdbc.queryForList("""
                select o.order_no, l.line_no, l.sku, l.product_name, l.quantity::text as quantity, l.unit_price::text as unit_price,
                       l.amount::text as amount, l.category
                from erp_order_lines l join erp_orders o on o.id = l.order_id where o.order_no like 'SO-CP-%' order by o.order_no, l.line_no"""));
        return rows;
    }

    /**
     * Every table's rows without surrogate ids, references by id, sequence revisions and times (they differ between two
     * runs by design); not the event publications that background listeners complete meanwhile.
     */
    private Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'import%'
                  and table_name not like 'flyway%' and table_name not like 'audit%'
                  and table_name not in ('event_publication', 'shedlock')""", String.class)) {
            List<String> columns = jdbc.queryForList("""
                    select column_name from information_schema.columns
                    where table_schema = 'public' and table_name = ? and column_name not in ('id', 'revision') and column_name not like '%\\_id'
                      and data_type not like 'timestamp%' order by ordinal_position""", String.class, table);
            if (!columns.isEmpty()) {
                String row = "concat_ws('|', "
                        + String.join(
                                ", ", columns.stream().map(c -> c + "::text").toList()) + ")";
                tables.put(table, jdbc.queryForList("select " + row + " from " + table + " order by 1", String.class));
            }
        }
        return tables;
    }

    private <T> T inRolledBackTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(tx -> {
            tx.setRollbackOnly();
            return work.get();
        });
    }

    private Path write(String content) {
        try {
            return Files.writeString(Files.createTempFile(dir, "orders", ".csv"), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csvLine(List<String> cells) {
        return String.join(
                ",",
                cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList());
    }
}
