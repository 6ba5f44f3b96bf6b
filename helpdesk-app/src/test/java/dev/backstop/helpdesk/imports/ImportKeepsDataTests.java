package dev.backstop.helpdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.math.BigDecimal;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14: an import never silently loses or changes data. A file updates only the columns it has, a broken file never
 * ends DONE, a dry run counts what the apply does, messages are whole, order headers import without lines; on H2 and
 * PostgreSQL.
 *
 * <p>Shares one context per database with {@link ImportApiTests} (the same properties); its rows have codes of
 * their own.
 */
@ResourceLock("context:imports-h2")
@ResourceLock("context:imports-pg")
class ImportKeepsDataTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        static final String FULL = """
                经销商编码,经销商名称,区域编码,客户等级,客户经理工号,信用额度,电话,地址
                DK-1,上海恒通商贸有限公司,EAST,重点,E0001,"¥2,000,000.00",021-55550001,上海市浦东新区
                """;

        @Test
        void aFileWithTwoColumnsChangesOnlyTheNameAndLeavesRegionTierManagerAndCreditLimitAsTheyWere()
                throws Exception {
            finished(upload("distributors", FULL, ""), "en");
            Map<String, Object> before = distributor("DK-1");

            String twoColumns = "经销商编码,经销商名称\nDK-1,上海恒通商贸（集团）有限公司\n";
            long dryRun = upload("distributors", twoColumns, "?dryRun=true");
            String dry = finished(dryRun, "zh-CN");
            assertThat(counts(dry)).isEqualTo(counts(0, 1, 0, 0));
            assertThat(JsonPath.<Integer>read(dry, "$.changeCount"))
                    .as("only the name would change")
                    .isEqualTo(1);
            assertThat(JsonPath.<String>read(dry, "$.changes[0].field")).isEqualTo("经销商名称");
            assertThat(JsonPath.<String>read(dry, "$.changes[0].before")).isEqualTo("上海恒通商贸有限公司");
            assertThat(JsonPath.<String>read(dry, "$.changes[0].after")).isEqualTo("上海恒通商贸（集团）有限公司");
            assertThat(JsonPath.<Boolean>read(dry, "$.emptyClears")).isFalse();
            String report = mvc.perform(get("/api/v1/imports/jobs/" + dryRun + "/changes")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(report)
                    .contains("Line,Field,Stored value,New value")
                    .contains("2,Distributor Name,上海恒通商贸有限公司,上海恒通商贸（集团）有限公司");
            String page = mvc.perform(get("/workspace/imports/jobs/" + dryRun + "?lang=zh-CN")
                            .with(httpBasic("admin", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page)
                    .contains("id=\"changes\"")
                    .contains("上海恒通商贸（集团）有限公司")
                    .contains("空单元格和缺少的列保留已存的值");

            String applied = mvc.perform(
                            post("/api/v1/imports/jobs/" + dryRun + "/apply").with(httpBasic("admin", "demo")))
                    .andExpect(status().isAccepted())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(counts(finished(((Number) JsonPath.read(applied, "$.id")).longValue(), "en")))
                    .isEqualTo(counts(0, 1, 0, 0));
            Map<String, Object> after = distributor("DK-1");
            assertThat(after.get("name")).isEqualTo("上海恒通商贸（集团）有限公司");
            assertThat(after)
                    .containsEntry("region_id", before.get("region_id"))
                    .containsEntry("tier", "KEY")
                    .containsEntry("account_manager_id", before.get("account_manager_id"))
                    .containsEntry("phone", before.get("phone"))
                    .containsEntry("address", "上海市浦东新区");
            assertThat(after.get("region_id")).isNotNull();
            assertThat(after.get("account_manager_id")).isNotNull();
            assertThat((BigDecimal) after.get("credit_limit")).isEqualByComparingTo("2000000");

            assertThat(counts(finished(upload("distributors", twoColumns, ""), "en")))
                    .as("the same file again")
                    .isEqualTo(counts(0, 0, 1, 0));
        }

        @Test
        void emptyCellsKeepStoredValuesUnlessTheJobSaysTheyClearThem() throws Exception {
            finished(upload("distributors", FULL.replace("DK-1", "DK-2"), ""), "en");
            String blanks = "经销商编码,经销商名称,信用额度,地址\nDK-2,上海恒通商贸有限公司,,\n";
            assertThat(counts(finished(upload("distributors", blanks, ""), "en")))
                    .isEqualTo(counts(0, 0, 1, 0));
            assertThat((BigDecimal) distributor("DK-2").get("credit_limit")).isEqualByComparingTo("2000000");

            String clearing = finished(upload("distributors", blanks, "?emptyClears=true"), "en");
            assertThat(counts(clearing)).isEqualTo(counts(0, 1, 0, 0));
            assertThat(JsonPath.<Boolean>read(clearing, "$.emptyClears")).isTrue();
            assertThat(JsonPath.<List<String>>read(clearing, "$.changes[*].field"))
                    .containsExactly("Credit Limit", "Address");
            Map<String, Object> cleared = distributor("DK-2");
            assertThat(cleared.get("credit_limit")).isNull();
            assertThat(cleared.get("address")).isNull();
            assertThat(cleared.get("region_id"))
                    .as("a column the file does not have is never cleared")
                    .isNotNull();
        }

        @Test
        void anEmployeeFileWithoutItsOptionalColumnsKeepsBranchDepartmentAndPhone() throws Exception {
            String full = """
                    工号,姓名,分支机构编码,职务,手机,邮箱,家庭所在城市
                    EK-1,王晓明,%s,客服专员,13800138111,wxm@example.com,成都
                    """.formatted(jdbc.queryForObject("select min(code) from branches", String.class));
            finished(upload("employees", full, ""), "en");
            Map<String, Object> before = jdbc.queryForMap("select * from employees where employee_no = 'EK-1'");
            assertThat(counts(finished(upload("employees", "工号,姓名\nEK-1,王小明\n", ""), "en")))
                    .isEqualTo(counts(0, 1, 0, 0));
            Map<String, Object> after = jdbc.queryForMap("select * from employees where employee_no = 'EK-1'");
            assertThat(after.get("name")).isEqualTo("王小明");
            assertThat(after)
                    .containsEntry("branch_id", before.get("branch_id"))
                    .containsEntry("phone", before.get("phone"))
                    .containsEntry("email", "wxm@example.com")
                    .containsEntry("home_city", "成都")
                    .containsEntry("title", "客服专员");
        }

        @Test
        void aSalesPolicyFileWithoutTheRateKeepsItAndItsNewVersionRecordsIt() throws Exception {
            String full = "Policy Code,Title,Valid From,Discount Rate\nPOL-K-1,保留折扣,2026-11-01,0.08\n";
            finished(upload("sales-policies", full, ""), "en");
            finished(upload("sales-policies", "Policy Code,Title,Valid From\nPOL-K-1,保留折扣（新）,2026-11-01\n", ""), "en");
            assertThat(jdbc.queryForObject(
                            "select discount_rate from erp_sales_policies where policy_code = 'POL-K-1'",
                            BigDecimal.class))
                    .isEqualByComparingTo("0.08");
            assertThat(jdbc.queryForList(
                            "select discount_rate from erp_sales_policy_versions where policy_code = 'POL-K-1' order by version",
                            BigDecimal.class))
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("0.08"), new BigDecimal("0.08"));
        }

        static String brokenFile(String prefix) {
            StringBuilder csv = new StringBuilder("经销商编码,经销商名称,地址\n");
            for (int line = 2; line <= 1000; line++) {
                String address = line == 5 ? "\"上海市浦东新区 (引号没有闭合" : "上海市 " + line + " 号";
                csv.append(prefix)
                        .append(line)
                        .append(",断行测试商贸 ")
                        .append(line)
                        .append(',')
                        .append(address)
                        .append('\n');
            }
            return csv.toString();
        }

        @Test
        void aQuoteThatNeverClosesEndsPartialWithWhatWasReadBeforeItAppliedAndNamesItsLine() throws Exception {
            long id = upload("distributors", brokenFile("DQ-"), "");
            String job = finished(id, "en");
            assertThat((String) JsonPath.read(job, "$.state")).isEqualTo("PARTIAL");
            assertThat((String) JsonPath.read(job, "$.errorCode")).isEqualTo("imports.row.unclosedQuote");
            assertThat((String) JsonPath.read(job, "$.errorMessage"))
                    .contains("line 5")
                    .contains("996 rows")
                    .doesNotContain("{");
            assertThat(JsonPath.<Integer>read(job, "$.percent"))
                    .as("the bar is not full")
                    .isLessThan(100);
            assertThat(jdbc.queryForObject("select count(*) from distributors where code like 'DQ-%'", Integer.class))
                    .as("lines 2-4 are applied")
                    .isEqualTo(3);
            String zh = job(id, "zh-CN");
            assertThat((String) JsonPath.read(zh, "$.errorMessage"))
                    .contains("第 5 行")
                    .contains("996 行");
            String report = mvc.perform(get("/api/v1/imports/jobs/" + id + "/errors")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(report)
                    .contains("A quote opened on line 5 is never closed")
                    .contains("about 996 rows");
            String page = mvc.perform(
                            get("/workspace/imports/jobs/" + id + "?lang=en").with(httpBasic("admin", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page)
                    .contains("Partial (the file broke off)")
                    .contains("A quote opened on line 5 is never closed");
        }

        @Test
        void aQuoteThatNeverClosesFailsAnAllOrNothingImportWithNothingApplied() throws Exception {
            String job = finished(upload("distributors", brokenFile("DA-"), "?policy=ALL_OR_NOTHING"), "en");
            assertThat((String) JsonPath.read(job, "$.state")).isEqualTo("FAILED");
            assertThat((String) JsonPath.read(job, "$.errorMessage")).contains("line 5");
            assertThat(jdbc.queryForObject("select count(*) from distributors where code like 'DA-%'", Integer.class))
                    .isZero();
            String dryRun = finished(upload("distributors", brokenFile("DB-"), "?dryRun=true"), "en");
            assertThat((String) JsonPath.read(dryRun, "$.state"))
                    .as("a dry run says so before apply")
                    .isEqualTo("PARTIAL");
        }

        @Test
        void aDryRunOverManyBatchesCountsWhatTheApplyDoesWithKeysRepeatedAcrossBatches() throws Exception {
            String csv = """
                    经销商编码,经销商名称,区域编码
                    DD-1,一号商贸,EAST
                    DD-2,二号商贸,EAST
                    DD-3,三号商贸,EAST
                    DD-1,一号商贸,EAST
                    DD-2,二号商贸（改）,EAST
                    DD-3,三号商贸,NOWHERE
                    DD-1,一号商贸（改）,EAST
                    """;
            String dry = finished(upload("distributors", csv, "?dryRun=true"), "en");
            String applied = finished(upload("distributors", csv, ""), "en");
            assertThat(counts(dry)).isEqualTo(counts(applied)).isEqualTo(counts(3, 2, 1, 1));
        }

        @Test
        void aMissingRequiredColumnIsNamedByItsLabelInTheLanguageChosenOnThePage() throws Exception {
            long id = upload("distributors", "经销商名称\n无编码商贸\n", "");
            String job = finished(id, "en");
            assertThat((String) JsonPath.read(job, "$.state")).isEqualTo("FAILED");
            assertThat((String) JsonPath.read(job, "$.errorMessage"))
                    .isEqualTo("The required column \"Distributor Code\" is missing.");
            String zhPage = mvc.perform(get("/workspace/imports/jobs/" + id + "?lang=zh-CN")
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(zhPage)
                    .as("the page's language wins over the browser's")
                    .contains("缺少必填列“经销商编码”。")
                    .doesNotContain("{0}");
        }

        @Test
        void anOrdersFileWithOrderHeadersOnlyImportsItsOrders() throws Exception {
            String csv = """
                    订单号,经销商编码,下单日期,订单状态,备注
                    SO-H-1,D0001,2026-11-22,已确认,只有订单头
                    SO-H-2,D0002,2026/11/23,Open,
                    """;
            assertThat(counts(finished(upload("orders", csv, ""), "en"))).isEqualTo(counts(2, 0, 0, 0));
            assertThat(jdbc.queryForList(
                            "select status from erp_orders where order_no like 'SO-H-%' order by order_no",
                            String.class))
                    .containsExactly("CONFIRMED", "OPEN");
            String lineWithoutSku = "订单号,经销商编码,下单日期,行号,数量\nSO-H-3,D0001,2026-11-22,1,5\n";
            String job = finished(upload("orders", lineWithoutSku, ""), "en");
            assertThat(counts(job)).isEqualTo(counts(0, 0, 0, 1));
            assertThat(JsonPath.<List<String>>read(job, "$.problems[*].column")).containsExactly("SKU");
        }

        @Test
        void foreignAndFormattedPhonesAreStoredNormalisedAndFoundByTheCallersNumberAndAWrongOneIsARowProblem()
                throws Exception {
            String csv = """
                    经销商编码,联系人,电话
                    D0001,Maria Anders,030-0074321
                    D0001,Ana Trujillo,(5) 555-4729
                    D0001,Hanna Moos,+49 30 1234567
                    D0001,Li Lei,+86 138 0013 9001
                    D0001,Nobody,Belgium
                    """;
            String job = finished(upload("distributor-contacts", csv, ""), "en");
            assertThat(counts(job)).isEqualTo(counts(4, 0, 0, 1));
            assertThat(jdbc.queryForList(
                            "select phone from distributor_contacts where name in ('Maria Anders', 'Ana Trujillo',"
                                    + " 'Hanna Moos', 'Li Lei') order by name",
                            String.class))
                    .containsExactly("55554729", "+49301234567", "13800139001", "0300074321");
            assertThat(JsonPath.<List<String>>read(job, "$.problems[*].message"))
                    .containsExactly("\"Belgium\" is not a phone number.");
            assertThat(JsonPath.<List<String>>read(job, "$.problems[*].column")).containsExactly("Phone");
            assertThat(jdbc.queryForObject(
                            "select phone_digits from distributor_contacts where name = 'Hanna Moos'", String.class))
                    .isEqualTo(dev.backstop.helpdesk.shared.PhoneNumbers.digits("0049 30 1234567"));
        }

        @Test
        void anUploadMayStateItsEncodingAndAnUnknownOneIsRefusedWithAMessage() throws Exception {
            byte[] gbk = "经销商编码,经销商名称\nDE-1,编码测试商贸\n".getBytes(java.nio.charset.Charset.forName("GBK"));
            var file = new MockMultipartFile("file", "gbk.csv", "text/csv", gbk);
            String body = mvc.perform(multipart("/api/v1/imports/distributors?dryRun=true&encoding=GB18030")
                            .file(file)
                            .with(httpBasic("admin", "demo")))
                    .andExpect(status().isAccepted())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String job = finished(((Number) JsonPath.read(body, "$.id")).longValue(), "en");
            assertThat((String) JsonPath.read(job, "$.charset")).isEqualTo("GB18030");
            assertThat(JsonPath.<List<String>>read(job, "$.preview.rows[0].cells"))
                    .startsWith("DE-1", "编码测试商贸");
            String refused = mvc.perform(multipart("/api/v1/imports/distributors?encoding=klingon")
                            .file(file)
                            .with(httpBasic("admin", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat((String) JsonPath.read(refused, "$.detail"))
                    .startsWith("\"klingon\" is not an encoding this server knows");
            String page = mvc.perform(get("/workspace/imports?lang=zh-CN").with(httpBasic("admin", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page)
                    .contains("id=\"encoding\"")
                    .contains("id=\"empty-clears\"")
                    .contains("空单元格清除已存的值");
        }

        @Test
        void aUtf8FileThatReadsLikeGbkMojibakeIsWarnedAboutInTheDryRun() throws Exception {
            String row = "DM-1,上海恒通商贸有限公司";
            String garbled =
                    new String(row.getBytes(java.nio.charset.Charset.forName("GBK")), StandardCharsets.ISO_8859_1);
            String job = finished(
                    upload("distributors", "Distributor Code,Distributor Name\n" + garbled + "\n", "?dryRun=true"),
                    "en");
            assertThat((String) JsonPath.read(job, "$.charset")).isEqualTo("UTF-8");
            assertThat((String) JsonPath.read(job, "$.state")).isEqualTo("DONE");
            assertThat(JsonPath.<List<String>>read(job, "$.problems[*].code")).contains("imports.file.mojibake");
            assertThat(JsonPath.<List<String>>read(job, "$.problems[*].message"))
                    .anyMatch(m -> m.contains("looks garbled") && m.contains("上海恒通商贸有限公司"));
        }

        @Test
        void aProfileForAChineseSourceIsSavedAndANullOrUnknownFieldIsA400WithAMessage() throws Exception {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                    "/api/v1/imports/profiles/{kind}/{source}", "distributors", "北方ERP")
                            .with(httpBasic("admin", "demo"))
                            .contentType("application/json")
                            .content("{\"编号\": \"code\", \"公司名称\": \"name\", \"传真\": \"-\"}"))
                    .andExpect(status().isOk());
            String csv = "编号,公司名称,传真\nDP-1,北方测试商贸有限公司,010-12345678\n";
            String job = finished(upload("distributors", csv, "?dryRun=true&source=北方ERP"), "en");
            assertThat(counts(job)).isEqualTo(counts(1, 0, 0, 0));
            assertThat(JsonPath.<List<String>>read(job, "$.problems[*].code"))
                    .as("an ignored column is no problem")
                    .isEmpty();
            assertThat(JsonPath.<List<String>>read(job, "$.preview.columns")).startsWith("编号", "公司名称");

            for (String body : List.of("{\"编号\": null}", "{\"编号\": \"\"}", "{\"编号\": \"nope\"}")) {
                String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                        "/api/v1/imports/profiles/{kind}/{source}", "distributors", "北方ERP")
                                .with(httpBasic("admin", "demo"))
                                .header("Accept-Language", "en")
                                .contentType("application/json")
                                .content(body))
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat((String) JsonPath.read(refused, "$.detail"))
                        .as(body)
                        .isIn(
                                "The column \"编号\" is mapped to no field: choose a field or \"ignore\".",
                                "There is no field \"nope\" in this import.");
            }
        }

        Map<String, Object> distributor(String code) {
            return jdbc.queryForMap("select * from distributors where code = ?", code);
        }

        long upload(String kind, String csv, String params) throws Exception {
            var file = new MockMultipartFile("file", kind + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
            String body = mvc.perform(multipart("/api/v1/imports/" + kind + params)
                            .file(file)
                            .with(httpBasic("admin", "demo")))
                    .andExpect(status().isAccepted())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(body, "$.id")).longValue();
        }

        String finished(long id, String language) throws Exception {
            await().atMost(Duration.ofSeconds(60))
                    // the row, every 20 ms (the job's page, every 100 ms, signed in each time, cost more than it
                    // waited); the page is read once it is done
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        String state =
                                jdbc.queryForObject("select state from import_jobs where id = ?", String.class, id);
                        return !state.equals("QUEUED") && !state.equals("RUNNING");
                    });
            return job(id, language);
        }

        String job(long id, String language) throws Exception {
            return mvc.perform(get("/api/v1/imports/jobs/" + id)
                            .with(httpBasic("admin", "demo"))
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
