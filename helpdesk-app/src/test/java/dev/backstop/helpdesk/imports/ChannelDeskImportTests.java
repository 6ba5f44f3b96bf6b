package dev.backstop.helpdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
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
 * The imports the channel desk reads (issue 6): order line categories, shipment ETAs, shipment lines and versioned
 * sales policies, through the import API and worker, on H2 and on PostgreSQL.
 *
 * <p>Shares one context per database with {@link ImportApiTests} (the same properties); its rows have codes of
 * their own.
 */
@ResourceLock("context:imports-h2")
@ResourceLock("context:imports-pg")
class ChannelDeskImportTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        static final String POLICIES = """
                Policy Code,Title,Kind,Tier,Region,Category,Valid From,Valid To,Discount Rate,Min Quantity,Min Amount
                POL-T-1,华东厨房电器满额折扣,折扣,,EAST,厨房电器,2026-11-01,2026-12-31,0.08,50,"¥10,000.00"
                POL-T-2,四季度重点经销商返利,Rebate,重点,,,2026-10-01,2026-12-31,0.05,,
                POL-T-3,双十二促销,,,,,2026-12-01,2026-12-12,0.1,,
                """;

        @Test
        void aPolicyGetsVersionOneThenANewVersionOnlyWhenItChanges() throws Exception {
            String first = finished(upload("sales-policies", POLICIES), "en");
            assertThat(counts(first)).isEqualTo(counts(3, 0, 0, 0));
            assertThat(versions("POL-T-%"))
                    .containsExactly(List.of("POL-T-1", 1), List.of("POL-T-2", 1), List.of("POL-T-3", 1));
            assertThat(versionRows("POL-T-%"))
                    .containsExactly(List.of("POL-T-1", 1), List.of("POL-T-2", 1), List.of("POL-T-3", 1));
            Map<String, Object> recorded = jdbc.queryForMap(
                    "select * from erp_sales_policy_versions where policy_code = 'POL-T-1' and version = 1");
            assertThat(recorded)
                    .containsEntry("kind", "DISCOUNT")
                    .containsEntry("region_code", "EAST")
                    .containsEntry("product_category", "厨房电器")
                    .containsKey("recorded_at");
            assertThat((BigDecimal) recorded.get("min_amount")).isEqualByComparingTo("10000");
            assertThat((BigDecimal) recorded.get("min_quantity")).isEqualByComparingTo("50");
            assertThat(jdbc.queryForList(
                            "select kind from erp_sales_policies where policy_code like 'POL-T-%' order by policy_code",
                            String.class))
                    .as("REBATE by its English label, DISCOUNT when blank")
                    .containsExactly("DISCOUNT", "REBATE", "DISCOUNT");

            String again = finished(upload("sales-policies", POLICIES), "en");
            assertThat(counts(again)).as("idempotent").isEqualTo(counts(0, 0, 3, 0));
            assertThat(versions("POL-T-%"))
                    .containsExactly(List.of("POL-T-1", 1), List.of("POL-T-2", 1), List.of("POL-T-3", 1));
            assertThat(versionRows("POL-T-%")).as("no new version").hasSize(3);

            String changedFile = POLICIES.replace("¥10,000.00", "¥12,000.00");
            String changed = finished(upload("sales-policies", changedFile), "en");
            assertThat(counts(changed)).isEqualTo(counts(0, 1, 2, 0));
            assertThat(versions("POL-T-%"))
                    .containsExactly(List.of("POL-T-1", 2), List.of("POL-T-2", 1), List.of("POL-T-3", 1));
            assertThat(versionRows("POL-T-%"))
                    .containsExactly(
                            List.of("POL-T-1", 1), List.of("POL-T-1", 2), List.of("POL-T-2", 1), List.of("POL-T-3", 1));
            assertThat(jdbc.queryForList(
                            "select min_amount from erp_sales_policy_versions where policy_code = 'POL-T-1' order by version",
                            BigDecimal.class))
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("10000"), new BigDecimal("12000"));
            assertThat(jdbc.queryForObject(
                            "select min_amount from erp_sales_policies where policy_code = 'POL-T-1'",
                            BigDecimal.class))
                    .isEqualByComparingTo("12000");

            String dryRun =
                    finished(upload("sales-policies", changedFile.replace("0.05", "0.06"), "?dryRun=true"), "en");
            assertThat(counts(dryRun)).isEqualTo(counts(0, 1, 2, 0));
            assertThat(versions("POL-T-2")).as("a dry run versions nothing").containsExactly(List.of("POL-T-2", 1));
            assertThat(versionRows("POL-T-2")).hasSize(1);
        }

        @Test
        void aPolicyWrittenTwiceInOneBatchGetsOneVersionWithItsLastValuesAndNoneWhenTheFileComesAgain()
                throws Exception {
            String csv = """
                    政策编码,政策名称,政策类型,生效日期,起订数量
                    POL-W-9,一季度促销,促销,2027-01-01,10
                    POL-W-9,一季度促销,促销,2027-01-01,20
                    """;
            assertThat(counts(finished(upload("sales-policies", csv), "en"))).isEqualTo(counts(1, 1, 0, 0));
            assertThat(versions("POL-W-9")).containsExactly(List.of("POL-W-9", 1));
            assertThat(jdbc.queryForObject(
                            "select min_quantity from erp_sales_policy_versions where policy_code = 'POL-W-9'",
                            BigDecimal.class))
                    .as("the state the batch committed")
                    .isEqualByComparingTo("20");
            assertThat(jdbc.queryForObject(
                            "select kind from erp_sales_policies where policy_code = 'POL-W-9'", String.class))
                    .isEqualTo("PROMOTION");

            // the rows count as updated (10 differs from the stored 20, then 20 from 10), but the policy ends as it was
            assertThat(counts(finished(upload("sales-policies", csv), "en"))).isEqualTo(counts(0, 2, 0, 0));
            assertThat(versions("POL-W-9")).containsExactly(List.of("POL-W-9", 1));
            assertThat(versionRows("POL-W-9")).hasSize(1);
        }

        @Test
        void shipmentLinesOfAnUnknownShipmentAreRejectedWithALocalizedMessageWhileTheGoodOnesLand() throws Exception {
            String shipments = """
                    发货单号,订单号,经销商编码,状态,发货时间,预计到达
                    SH-T-1,SO-T6-1,D0001,运输中,2026-11-23 09:15,2026年11月26日
                    """;
            assertThat(counts(finished(upload("shipments", shipments), "en"))).isEqualTo(counts(1, 0, 0, 0));
            assertThat(jdbc.queryForObject(
                            "select eta from wms_shipments where shipment_no = 'SH-T-1'", LocalDate.class))
                    .isEqualTo(LocalDate.of(2026, 11, 26));

            String lines = """
                    Shipment No,Line No,SKU,Quantity
                    SH-T-1,1,SKU-1001,20
                    SH-NOPE,1,SKU-1001,1
                    SH-T-1,2,SKU-2002,3件
                    """;
            long id = upload("shipment-lines", lines, "");
            String zh = finished(id, "zh-CN");
            assertThat(counts(zh)).isEqualTo(counts(2, 0, 0, 1));
            assertThat(JsonPath.<List<String>>read(zh, "$.problems[*].code"))
                    .containsExactly("wms.import.unknownShipment");
            assertThat(JsonPath.<List<String>>read(zh, "$.problems[*].message"))
                    .containsExactly("没有单号为“SH-NOPE”的发货单，请先导入发货单。");
            assertThat(JsonPath.<List<String>>read(job(id, "en"), "$.problems[*].message"))
                    .containsExactly("There is no shipment with the number \"SH-NOPE\"; import the shipments first.");
            assertThat(jdbc.queryForList("""
                    select l.line_no, l.sku, l.quantity from wms_shipment_lines l join wms_shipments s on s.id = l.shipment_id
                    where s.shipment_no = 'SH-T-1' order by l.line_no""").stream()
                            .map(r -> List.of(
                                    ((Number) r.get("line_no")).intValue(),
                                    r.get("sku"),
                                    ((BigDecimal) r.get("quantity"))
                                            .stripTrailingZeros()
                                            .toPlainString()))
                            .toList())
                    .containsExactly(List.of(1, "SKU-1001", "20"), List.of(2, "SKU-2002", "3"));

            assertThat(counts(finished(upload("shipment-lines", lines), "en")))
                    .as("idempotent")
                    .isEqualTo(counts(0, 0, 2, 1));
            assertThat(counts(finished(upload("shipment-lines", lines.replace("3件", "5")), "en")))
                    .isEqualTo(counts(0, 1, 1, 1));
        }

        @Test
        void anOrderLinesCategoryLandsUnderAnyOfItsHeaders() throws Exception {
            String csv = """
                    订单号,经销商编码,下单日期,行号,物料编码,数量,品类
                    SO-T6-1,D0001,2026-11-22,1,SKU-1001,20,厨房电器
                    SO-T6-1,D0001,2026-11-22,2,SKU-2002,5,
                    """;
            assertThat(counts(finished(upload("orders", csv), "en"))).isEqualTo(counts(2, 0, 0, 0));
            assertThat(categories()).containsExactly("厨房电器", null);

            String english = csv.replace("品类", "Category").replace("SKU-2002,5,", "SKU-2002,5,Air care");
            assertThat(counts(finished(upload("orders", english), "en"))).isEqualTo(counts(0, 1, 1, 0));
            assertThat(categories()).containsExactly("厨房电器", "Air care");
            assertThat(counts(finished(upload("orders", english.replace("Category", "产品类别")), "en")))
                    .isEqualTo(counts(0, 0, 2, 0));
        }

        private List<String> categories() {
            return jdbc.queryForList("""
                    select l.category from erp_order_lines l join erp_orders o on o.id = l.order_id
                    where o.order_no = 'SO-T6-1' order by l.line_no""", String.class);
        }

        private List<List<Object>> versions(String codes) {
            return jdbc
                    .queryForList(
                            "select policy_code, version from erp_sales_policies where policy_code like ? order by policy_code",
                            codes)
                    .stream()
                    .map(r -> List.<Object>of(r.get("policy_code"), ((Number) r.get("version")).intValue()))
                    .toList();
        }

        private List<List<Object>> versionRows(String codes) {
            return jdbc.queryForList("""
                    select policy_code, version from erp_sales_policy_versions where policy_code like ? order by policy_code, version""", codes).stream()
                    .map(r -> List.<Object>of(r.get("policy_code"), ((Number) r.get("version")).intValue()))
                    .toList();
        }

        long upload(String kind, String csv) throws Exception {
            return upload(kind, csv, "");
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
            String job = job(id, language);
            assertThat((String) JsonPath.read(job, "$.state")).as(job).isEqualTo("DONE");
            return job;
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
