package dev.backstop.helpdesk.distributors.internal;

import dev.backstop.helpdesk.imports.DeclaredImport;
import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.References;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.helpdesk.imports.UpsertBatch;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import dev.backstop.imports.RowError;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Distributor accounts from the ERP's customer master, upserted by distributor code. */
@Component
class DistributorImports extends DeclaredImport {

    static final Map<String, List<String>> TIERS = Map.of(
            "VIP",
            List.of("贵宾", "VIP"),
            "KEY",
            List.of("重点", "Key"),
            "SPECIAL",
            List.of("特殊", "Special"),
            "GENERAL",
            List.of("普通", "一般", "General"));
    static final Map<String, List<String>> STATUSES = Map.of(
            "ACTIVE",
            List.of("正常", "启用", "Active"),
            "SUSPENDED",
            List.of("暂停", "冻结", "Suspended"),
            "CLOSED",
            List.of("关闭", "注销", "Closed"));

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("code", "经销商编码", "Distributor Code", "客户编码", "Customer Code")
                    .required()
                    .maxLength(32))
            .field(Field.text("name", "经销商名称", "Distributor Name", "客户名称", "Customer Name")
                    .required()
                    .maxLength(200))
            .field(Field.text("region", "区域编码", "Region Code", "区域", "Region").maxLength(32))
            .field(Field.choice("tier", TIERS, "客户等级", "Tier", "等级"))
            .field(Field.text("account_manager", "客户经理工号", "Account Manager No").maxLength(32))
            .field(Field.of("credit_limit", FieldType.AMOUNT, "信用额度", "Credit Limit"))
            .field(Field.choice("status", STATUSES, "状态", "Status"))
            .field(Field.of("phone", FieldType.PHONE, "电话", "Phone"))
            .field(Field.text("address", "地址", "Address").maxLength(300))
            .key("code")
            .build();

    private static final ImportKind KIND = ImportKind.of("distributors", "distributors.import.distributors", SCHEMA)
            .sample(
                    "D0101",
                    "杭州新锐商贸有限公司",
                    "EAST",
                    "重点",
                    "E0001",
                    "¥2,000,000.00",
                    "正常",
                    "0571-87654321",
                    "杭州市西湖区文三路 100 号")
            .sample("D0102", "Chengdu Fresh Trading Co.", "SOUTH", "General", "", "500000", "Active", "13812345678", "")
            .build();

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    DistributorImports(JdbcTemplate jdbc) {
        super(KIND);
        this.jdbc = jdbc;
        this.table = TableUpsert.of(
                        jdbc,
                        "distributors",
                        List.of("code"),
                        List.of(
                                "name",
                                "region_id",
                                "tier",
                                "account_manager_id",
                                "credit_limit",
                                "status",
                                "phone",
                                "address"))
                .fedBy("region_id", "region")
                .fedBy("account_manager_id", "account_manager");
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<String, Long> regions = References.ids(jdbc, "regions", "code", References.column(rows, "region"));
        Map<String, Long> managers =
                References.ids(jdbc, "employees", "employee_no", References.column(rows, "account_manager"));
        UpsertBatch batch = new UpsertBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            String region = row.text("region");
            String manager = row.text("account_manager");
            if (region != null && !regions.containsKey(region)) {
                batch.reject(i, problem(row, "region", region, "distributors.import.unknownRegion"));
            } else if (manager != null && !managers.containsKey(manager)) {
                batch.reject(i, problem(row, "account_manager", manager, "distributors.import.unknownEmployee"));
            } else {
                batch.add(
                        i,
                        row.text("code"),
                        row.text("name"),
                        region == null ? null : regions.get(region),
                        orDefault(row.text("tier"), "GENERAL"),
                        manager == null ? null : managers.get(manager),
                        row.decimal("credit_limit"),
                        orDefault(row.text("status"), "ACTIVE"),
                        row.text("phone"),
                        row.text("address"));
            }
        }
        return batch.applyTo(table);
    }

    static RowError problem(ParsedRow row, String column, String value, String code) {
        return new RowError(row.line(), column, value, code, List.of(value));
    }

    static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
