package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sales policies with their rules (kind, tier, region, product category, minimum quantity and amount), upserted by
 * policy code. Every policy that is new or changed gets its next version, recorded in {@link PolicyVersions}; an
 * unchanged one keeps its version, so applying the same file twice changes nothing the second time.
 */
@Component
class SalesPolicyImports extends SimpleErpImport {

    static final Map<String, List<String>> TIERS = Map.of(
            "VIP",
            List.of("贵宾"),
            "KEY",
            List.of("重点", "Key"),
            "SPECIAL",
            List.of("特殊", "Special"),
            "GENERAL",
            List.of("普通", "General"));

    static final Map<String, List<String>> KINDS = Map.of(
            "REBATE",
            List.of("返利", "Rebate"),
            "DISCOUNT",
            List.of("折扣", "Discount"),
            "PROMOTION",
            List.of("促销", "Promotion"));

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("policy_code", "政策编码", "Policy Code").required().maxLength(64))
            .field(Field.text("title", "政策名称", "Title").required().maxLength(200))
            .field(Field.choice("kind", KINDS, "政策类型", "Kind"))
            .field(Field.choice("tier", TIERS, "适用等级", "Tier"))
            .field(Field.text("region_code", "大区", "Region").maxLength(32))
            .field(Field.text("product_category", "产品类别", "Category").maxLength(64))
            .field(Field.of("valid_from", FieldType.DATE, "生效日期", "Valid From").required())
            .field(Field.of("valid_to", FieldType.DATE, "失效日期", "Valid To"))
            .field(Field.of("discount_rate", FieldType.QUANTITY, "折扣率", "Discount Rate"))
            .field(Field.of("min_quantity", FieldType.QUANTITY, "起订数量", "Min Quantity"))
            .field(Field.of("min_amount", FieldType.AMOUNT, "起订金额", "Min Amount"))
            .field(Field.text("description", "说明", "Description").maxLength(2000))
            .key("policy_code")
            .build();

    private static final ImportKind KIND = ImportKind.of("sales-policies", "erp.import.salesPolicies", SCHEMA)
            .sample(
                    "POL-2026-Q4-01",
                    "四季度重点经销商返利",
                    "返利",
                    "重点",
                    "",
                    "",
                    "2026-10-01",
                    "2026-12-31",
                    "0.05",
                    "",
                    "",
                    "季度回款达标返利 5%")
            .sample(
                    "POL-2026-Q4-02",
                    "华东厨房电器满额折扣",
                    "折扣",
                    "",
                    "EAST",
                    "厨房电器",
                    "2026-11-01",
                    "2026-12-31",
                    "0.08",
                    "50",
                    "¥10,000.00",
                    "单笔订单满 50 件且满 1 万元享 8% 折扣")
            .build();

    private final PolicyVersions versions;

    SalesPolicyImports(JdbcTemplate jdbc, Clock clock) {
        super(KIND, jdbc, "erp_sales_policies", List.of("policy_code"), PolicyVersions.RULES, false);
        this.versions = new PolicyVersions(jdbc, clock);
    }

    /** The policy code, then the values of {@link PolicyVersions#RULES}. */
    @Override
    Object[] values(ParsedRow row, Long distributorId) {
        return new Object[] {
            row.text("policy_code"),
            row.text("title"),
            ErpRows.orDefault(row.text("kind"), "DISCOUNT"),
            row.text("tier"),
            row.text("region_code"),
            row.text("product_category"),
            row.date("valid_from"),
            row.date("valid_to"),
            row.decimal("discount_rate"),
            row.decimal("min_quantity"),
            row.decimal("min_amount"),
            row.text("description")
        };
    }

    /**
     * Upserts the policies, then gives a new version to each one the batch inserted or changed, in the same
     * transaction: the policy's values after the batch are compared with those before it, so a policy written twice in
     * one batch gets one version (with its last values), and one written back to what it was gets none.
     */
    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<List<Object>, Object[]> before = table().current(rows.stream()
                .map(row -> List.<Object>of(row.text("policy_code")))
                .toList());
        List<RowOutcome> outcomes = super.upsert(rows);
        List<List<Object>> applied = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes.get(i).kind() != RowOutcome.Kind.REJECTED) {
                applied.add(List.of(rows.get(i).text("policy_code")));
            }
        }
        // what is stored now: a file without some columns kept their stored values, and the version records those
        Map<List<Object>, Object[]> after = table().current(applied);
        List<Object[]> written = new ArrayList<>(applied.size());
        for (List<Object> key : applied) {
            Object[] stored = after.get(key);
            Object[] row = new Object[stored.length + 1];
            row[0] = key.getFirst();
            System.arraycopy(stored, 0, row, 1, stored.length);
            written.add(row);
        }
        versions.record(before, written);
        return outcomes;
    }
}
