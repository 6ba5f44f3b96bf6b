package dev.backstop.helpdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Imports as an admin, an HR agent and payroll staff see them, on the demo data, on H2 and on PostgreSQL. */
@ResourceLock("context:imports-h2")
@ResourceLock("context:imports-pg")
class ImportApiTests {

    static final Charset GBK = Charset.forName("GBK");

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        long upload(String user, String kind, String csv, Charset charset, String params) throws Exception {
            var file = new MockMultipartFile("file", kind + ".csv", "text/csv", csv.getBytes(charset));
            String body = mvc.perform(multipart("/api/v1/imports/" + kind + params)
                            .file(file)
                            .with(httpBasic(user, "demo")))
                    .andExpect(status().isAccepted())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(body, "$.id")).longValue();
        }

        String finished(String user, long id, String language) throws Exception {
            await().atMost(Duration.ofSeconds(60))
                    // the row, every 20 ms (the job's page, every 100 ms, signed in each time, cost more than it
                    // waited); the page is read once it is done
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        String state =
                                jdbc.queryForObject("select state from import_jobs where id = ?", String.class, id);
                        return !state.equals("QUEUED") && !state.equals("RUNNING");
                    });
            return job(user, id, language);
        }

        String job(String user, long id, String language) throws Exception {
            return mvc.perform(get("/api/v1/imports/jobs/" + id)
                            .with(httpBasic(user, "demo"))
                            .header("Accept-Language", language))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
        }

        static Map<String, Integer> counts(String job) {
            return Map.of(
                    "inserted",
                    JsonPath.read(job, "$.inserted"),
                    "updated",
                    JsonPath.read(job, "$.updated"),
                    "unchanged",
                    JsonPath.read(job, "$.unchanged"),
                    "rejected",
                    JsonPath.read(job, "$.rejected"));
        }

        static Map<String, Integer> counts(int inserted, int updated, int unchanged, int rejected) {
            return Map.of("inserted", inserted, "updated", updated, "unchanged", unchanged, "rejected", rejected);
        }

        @Test
        void aDryRunShowsTheFirstRowsAndEveryProblemChangesNothingAndThenApplies() throws Exception {
            String csv = """
                    经销商编码,经销商名称,区域编码,客户等级,信用额度,电话
                    DX-1,宁波港城商贸有限公司,EAST,重点,"￥1,500,000.00",0574-87654321
                    DX-2,温州瓯江贸易,NOWHERE,普通,10000,13912345678
                    DX-3,台州海滨批发,EAST,黄金,abc,12
                    D0001,上海浦东新区商贸有限公司（更名）,EAST,VIP,5000000,
                    """;
            long dryRun = upload("admin", "distributors", csv, GBK, "?dryRun=true");
            String job = finished("admin", dryRun, "zh-CN");

            assertThat((String) JsonPath.read(job, "$.state")).isEqualTo("DONE");
            assertThat((String) JsonPath.read(job, "$.charset")).isEqualTo("GB18030");
            assertThat(counts(job)).isEqualTo(counts(1, 1, 0, 2));
            assertThat(JsonPath.<List<String>>read(job, "$.preview.rows[0].cells"))
                    .startsWith("DX-1", "宁波港城商贸有限公司", "EAST");
            assertThat(JsonPath.<List<String>>read(job, "$.problems[*].code"))
                    .containsExactly(
                            "distributors.import.unknownRegion",
                            "imports.value.enum",
                            "imports.value.amount",
                            "imports.value.phone");
            assertThat(JsonPath.<List<String>>read(job, "$.problems[*].message"))
                    .contains("没有编码为“NOWHERE”的区域。");
            assertThat(jdbc.queryForObject("select count(*) from distributors where code like 'DX-%'", Integer.class))
                    .as("a dry run changes nothing")
                    .isZero();

            String applied = mvc.perform(
                            post("/api/v1/imports/jobs/" + dryRun + "/apply").with(httpBasic("admin", "demo")))
                    .andExpect(status().isAccepted())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String done = finished("admin", ((Number) JsonPath.read(applied, "$.id")).longValue(), "en");
            assertThat(counts(done)).isEqualTo(counts(1, 1, 0, 2));
            assertThat(jdbc.queryForObject(
                            "select credit_limit from distributors where code = 'DX-1'", java.math.BigDecimal.class))
                    .isEqualByComparingTo("1500000");
            assertThat(jdbc.queryForObject("select tier from distributors where code = 'DX-1'", String.class))
                    .isEqualTo("KEY");
            assertThat(jdbc.queryForObject("select phone from distributors where code = 'DX-1'", String.class))
                    .isEqualTo("0574-87654321");
        }

        @Test
        void ordersWithLinesAreUpsertedByNaturalKeyAndTheSameFileTwiceChangesNothing() throws Exception {
            String csv = """
                    Order No,Distributor Code,Order Date,Status,Line No,SKU,Product Name,Quantity,Unit Price,Amount
                    SO-T-1,D0001,2026年11月22日,已确认,1,SKU-1,电饭煲,20件,¥299.00,"5,980.00"
                    SO-T-1,D0001,2026年11月22日,已确认,2,SKU-2,净化器,5,"1,299.00",6495元
                    SO-T-2,D0002,2026/11/23,Open,1,SKU-1,电饭煲,100,280,28000
                    SO-T-3,D9999,2026/11/23,Open,1,SKU-1,电饭煲,1,280,280
                    """;
            String first = finished("admin", upload("admin", "orders", csv, StandardCharsets.UTF_8, ""), "en");
            assertThat(counts(first)).isEqualTo(counts(3, 0, 0, 1));
            assertThat(jdbc.queryForObject(
                            "select count(*) from erp_order_lines l join erp_orders o on o.id = l.order_id "
                                    + "where o.order_no like 'SO-T-%'",
                            Integer.class))
                    .isEqualTo(3);

            String second = finished("admin", upload("admin", "orders", csv, StandardCharsets.UTF_8, ""), "en");
            assertThat(counts(second)).as("idempotent").isEqualTo(counts(0, 0, 3, 1));
            assertThat((String) JsonPath.read(second, "$.sha256")).isEqualTo(JsonPath.read(first, "$.sha256"));

            String changed = finished(
                    "admin", upload("admin", "orders", csv.replace("20件", "25件"), StandardCharsets.UTF_8, ""), "en");
            assertThat(counts(changed)).isEqualTo(counts(0, 1, 2, 1));
            assertThat(jdbc.queryForObject("""
                    select l.quantity from erp_order_lines l join erp_orders o on o.id = l.order_id
                    where o.order_no = 'SO-T-1' and l.line_no = 1""", java.math.BigDecimal.class)).isEqualByComparingTo("25");
        }

        @Autowired
        dev.backstop.helpdesk.imports.internal.UploadRetention retention;

        boolean storedFileExists(String reference) {
            return jdbc.queryForObject(
                            "select count(*) from blobs where id = ?",
                            Integer.class,
                            reference.substring("blob:".length()))
                    > 0;
        }

        @Test
        void uploadedFilesGoAfterTheRetentionPeriodWhileTheAuditRecordStays() throws Exception {
            String csv = "经销商编码,经销商名称,区域编码\nDR-1,保留期测试商贸,EAST\n";
            long old = upload("admin", "distributors", csv, StandardCharsets.UTF_8, "?dryRun=true");
            long recent = upload(
                    "admin", "distributors", csv.replace("DR-1", "DR-2"), StandardCharsets.UTF_8, "?dryRun=true");
            finished("admin", old, "zh-CN");
            finished("admin", recent, "zh-CN");
            String oldFile = jdbc.queryForObject("select stored_path from import_jobs where id = ?", String.class, old);
            String recentFile =
                    jdbc.queryForObject("select stored_path from import_jobs where id = ?", String.class, recent);
            assertThat(oldFile).as("in the store every node reads").startsWith("blob:");
            assertThat(storedFileExists(oldFile)).isTrue();
            // 40 days pass for the first upload only
            jdbc.update(
                    "update import_jobs set finished_at = ? where id = ?",
                    java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(40))),
                    old);

            assertThat(retention.removeExpired()).isGreaterThanOrEqualTo(1);
            assertThat(storedFileExists(oldFile)).isFalse();
            assertThat(storedFileExists(recentFile))
                    .as("a file inside the retention period stays")
                    .isTrue();
            String audit = job("admin", old, "zh-CN");
            assertThat((String) JsonPath.read(audit, "$.sha256")).hasSize(64);
            assertThat(counts(audit)).isEqualTo(counts(1, 0, 0, 0));
            assertThat((String) JsonPath.read(audit, "$.fileRemovedAt")).isNotNull();
            String page = mvc.perform(get("/workspace/imports/jobs/" + old)
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("保留期").doesNotContain("id=\"apply-form\"");
            String refused = mvc.perform(post("/api/v1/imports/jobs/" + old + "/apply")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isConflict())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(refused).contains("请重新上传");
            assertThat(jdbc.queryForObject("select count(*) from distributors where code = 'DR-1'", Integer.class))
                    .isZero();
            assertThat(retention.removeExpired()).as("nothing left to remove").isZero();
        }

        @Test
        void allOrNothingAppliesNoRowWhenOneIsBad() throws Exception {
            String csv = """
                    工号,姓名,入职日期,是否外派
                    E7001,钱多多,2024-01-02,否
                    E7002,孙小美,2024-02-30,是
                    """;
            String job = finished(
                    "admin", upload("admin", "employees", csv, StandardCharsets.UTF_8, "?policy=ALL_OR_NOTHING"), "en");

            assertThat((String) JsonPath.read(job, "$.state")).isEqualTo("REJECTED");
            assertThat(jdbc.queryForObject(
                            "select count(*) from employees where employee_no in ('E7001', 'E7002')", Integer.class))
                    .isZero();
            String fixed = finished(
                    "admin",
                    upload(
                            "admin",
                            "employees",
                            csv.replace("02-30", "02-28"),
                            StandardCharsets.UTF_8,
                            "?policy=ALL_OR_NOTHING"),
                    "en");
            assertThat((String) JsonPath.read(fixed, "$.state")).isEqualTo("DONE");
            assertThat(counts(fixed)).isEqualTo(counts(2, 0, 0, 0));
        }

        @Test
        void anHrAgentImportsEmployeesButNeitherOrdersNorSeesAnAdminsOrderJob() throws Exception {
            String job =
                    finished("hr", upload("hr", "employees", "工号,姓名\nE7101,冯晓\n", StandardCharsets.UTF_8, ""), "en");
            assertThat(counts(job)).isEqualTo(counts(1, 0, 0, 0));

            var orders = new MockMultipartFile(
                    "file", "orders.csv", "text/csv", "订单号\nSO-1\n".getBytes(StandardCharsets.UTF_8));
            mvc.perform(multipart("/api/v1/imports/orders").file(orders).with(httpBasic("hr", "demo")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("imports.error.notAllowed"));
            long adminJob = upload("admin", "orders", "订单号\nSO-1\n", StandardCharsets.UTF_8, "");
            mvc.perform(get("/api/v1/imports/jobs/" + adminJob).with(httpBasic("hr", "demo")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("imports.error.jobNotFound"));
            mvc.perform(get("/api/v1/imports/jobs/" + adminJob + "/errors").with(httpBasic("hr", "demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/imports/jobs/99999").with(httpBasic("admin", "demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/imports/jobs").with(httpBasic("agent", "demo")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void theErrorReportRepeatsTheOriginalRowWithTheLocalizedProblemSafeForExcel() throws Exception {
            String csv = "经销商编码,联系人,电话\nD0001,=HYPERLINK(\"x\"),12345\nD9999,王五,13812345678\nD0001,赵六,13812345679\n";
            long id = upload("admin", "distributor-contacts", csv, StandardCharsets.UTF_8, "");
            finished("admin", id, "zh-CN");

            byte[] report = mvc.perform(get("/api/v1/imports/jobs/" + id + "/errors")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            String text = new String(report, 3, report.length - 3, StandardCharsets.UTF_8);
            assertThat(report[0]).isEqualTo((byte) 0xEF);
            assertThat(text.split("\r\n"))
                    .containsExactly(
                            "行号,问题,经销商编码,联系人,电话",
                            "2,[电话] “12345”不是电话号码。,D0001,\"'=HYPERLINK(\"\"x\"\")\",12345",
                            "3,[经销商编码] 没有编码为“D9999”的经销商。,D0001".replace("D0001", "D9999") + ",王五,13812345678");
        }

        @Test
        void aBinaryFileAndAnEmptyFileFailWithTheirOwnMessage() throws Exception {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
            var file = new MockMultipartFile("file", "orders.csv", "text/csv", png);
            String body = mvc.perform(
                            multipart("/api/v1/imports/orders").file(file).with(httpBasic("admin", "demo")))
                    .andExpect(status().isAccepted())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String job = finished("admin", ((Number) JsonPath.read(body, "$.id")).longValue(), "en");
            assertThat((String) JsonPath.read(job, "$.state")).isEqualTo("FAILED");
            assertThat((String) JsonPath.read(job, "$.errorCode")).isEqualTo("imports.file.binary");
            assertThat((String) JsonPath.read(job, "$.errorMessage")).startsWith("This is not a CSV text file");

            String empty = finished("admin", upload("admin", "orders", "\n", StandardCharsets.UTF_8, ""), "zh-CN");
            assertThat((String) JsonPath.read(empty, "$.errorMessage")).isEqualTo("文件是空的。");
            String headerOnly = finished(
                    "admin",
                    upload("admin", "orders", "订单号,经销商编码,下单日期,行号,物料编码,数量\n", StandardCharsets.UTF_8, ""),
                    "zh-CN");
            assertThat(JsonPath.<List<String>>read(headerOnly, "$.problems[*].code"))
                    .containsExactly("imports.file.headerOnly");
        }

        @Test
        void aSavedProfileMapsTheHeadersOfOneSource() throws Exception {
            mvc.perform(put("/api/v1/imports/profiles/orders/SAP")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"SO Number":"order_no","Sold-To":"distributor_code","Doc Date":"order_date","Item":"line_no",
                                     "Material":"sku","Qty":"quantity"}"""))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$['SO Number']").value("order_no"));
            String csv = "SO Number,Sold-To,Doc Date,Item,Material,Qty\nSAP-1,D0003,20261122,10,SKU-9,3\n";
            String job = finished("admin", upload("admin", "orders", csv, StandardCharsets.UTF_8, "?source=SAP"), "en");
            assertThat(counts(job)).isEqualTo(counts(1, 0, 0, 0));

            String without = finished("admin", upload("admin", "orders", csv, StandardCharsets.UTF_8, ""), "en");
            assertThat((String) JsonPath.read(without, "$.errorCode")).isEqualTo("imports.column.missing");
            mvc.perform(put("/api/v1/imports/profiles/orders/SAP")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"X\":\"no_such\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("imports.error.unknownField"));
        }

        @Test
        void theTemplateHasTheChineseOrEnglishHeadersAndSampleRows() throws Exception {
            byte[] zh = mvc.perform(get("/api/v1/imports/kinds/orders/template")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            assertThat(new String(zh, StandardCharsets.UTF_8))
                    .contains("订单号,经销商编码,下单日期")
                    .contains("SO-2026-000101");
            byte[] en = mvc.perform(get("/api/v1/imports/kinds/orders/template")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            assertThat(new String(en, StandardCharsets.UTF_8)).contains("Order No,Distributor Code,Order Date");
            mvc.perform(get("/api/v1/imports/kinds/nothing/template").with(httpBasic("admin", "demo")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("imports.error.unknownKind"));
        }
    }

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/imports-h2",
                "spring.datasource.url=jdbc:h2:mem:imports;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "backstop.imports.poll-interval=200ms",
                "backstop.imports.batch-size=2"
            })
    class OnH2 extends Scenarios {}

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @PostgresTest
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/imports-pg",
                "backstop.imports.poll-interval=200ms",
                "backstop.imports.batch-size=2"
            })
    class OnPostgres extends Scenarios {}
}
