package dev.backstop.helpdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Nightly files dropped into a source's folder are imported on a schedule and end in done/ or failed/. */
@SpringBootTest
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/drop-folders",
            "spring.datasource.url=jdbc:h2:mem:dropfolders;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.imports.drop-dir=target/test-data/drop-folders/imports",
            "backstop.imports.settle-time=0s",
            "backstop.imports.drop-interval=200ms",
            "backstop.imports.poll-interval=200ms"
        })
class DropFolderTests {

    static final Path ROOT = Path.of("target/test-data/drop-folders/imports");

    @Autowired
    JdbcTemplate jdbc;

    @org.junit.jupiter.api.BeforeAll
    static void emptyDropFolders() throws Exception {
        ImportCrashTests.deleteRecursively(ROOT);
    }

    @Test
    void aSourcesFileIsImportedWithItsProfileAndMovedToDone() throws Exception {
        jdbc.update("delete from import_profiles where source = 'wms1'");
        jdbc.update("""
                insert into import_profiles (kind, source, header, field, updated_by, updated_at)
                values ('shipments', 'wms1', 'DN', 'shipment_no', 'test', current_timestamp)""");
        Path folder = Files.createDirectories(ROOT.resolve("wms1"));
        Files.writeString(folder.resolve("shipments_20261122.csv"), """
                DN,订单号,经销商编码,状态,发货时间
                DN-1,SO-1,D0001,运输中,2026-11-22 09:15
                DN-2,SO-2,D0002,已签收,2026年11月22日 10时30分
                """, StandardCharsets.UTF_8);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(folder.resolve("done")) && !isEmpty(folder.resolve("done")));
        Map<String, Object> job = jdbc.queryForMap(
                "select state, inserted, requested_name, source from import_jobs where kind = 'shipments'");
        assertThat(job)
                .containsEntry("state", "DONE")
                .containsEntry("requested_name", "drop:wms1")
                .containsEntry("source", "wms1");
        assertThat(((Number) job.get("inserted")).intValue()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select status from wms_shipments where shipment_no = 'DN-2'", String.class))
                .isEqualTo("DELIVERED");
        assertThat(folder).isDirectoryNotContaining("glob:**.csv");
    }

    @Test
    void aFileOfNoKnownKindOrThatCannotBeReadGoesToFailed() throws Exception {
        Path folder = Files.createDirectories(ROOT.resolve("erp2"));
        Files.writeString(folder.resolve("inventory.csv"), "sku,qty\nA,1\n", StandardCharsets.UTF_8);
        Files.write(folder.resolve("orders.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 1});

        await().atMost(Duration.ofSeconds(60))
                .until(() -> Files.exists(folder.resolve("failed"))
                        && Files.list(folder.resolve("failed")).count() == 2);
        assertThat(jdbc.queryForObject("select error_code from import_jobs where source = 'erp2'", String.class))
                .isEqualTo("imports.file.binary");
    }

    static boolean isEmpty(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
