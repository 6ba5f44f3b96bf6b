package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.imports.DeclaredImport;
import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.References;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ImportCodes;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import dev.backstop.imports.RowError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Orders with lines, one row per order line with the order's columns repeated (the way ERPs export them), or
 * order headers only (a file without line columns). The order is upserted by order no., the line by (order, line no.).
 */
@Component
class OrderImports extends DeclaredImport {

    static final Map<String, List<String>> STATUSES = Map.of(
            "OPEN",
            List.of("待处理", "未发货", "Open"),
            "CONFIRMED",
            List.of("已确认", "Confirmed"),
            "SHIPPED",
            List.of("已发货", "Shipped"),
            "DELIVERED",
            List.of("已签收", "Delivered"),
            "CANCELLED",
            List.of("已取消", "Cancelled", "Canceled"),
            "CLOSED",
            List.of("已关闭", "Closed"));

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("order_no", "订单号", "Order No", "订单编号").required().maxLength(64))
            .field(Field.text("distributor_code", "经销商编码", "Distributor Code", "客户编码")
                    .required()
                    .maxLength(32))
            .field(Field.of("order_date", FieldType.DATE, "下单日期", "Order Date", "订单日期")
                    .required())
            .field(Field.choice("status", STATUSES, "订单状态", "Status", "状态"))
            .field(Field.text("currency", "币种", "Currency").maxLength(3))
            .field(Field.text("remark", "备注", "Remark").maxLength(500))
            .field(Field.of("line_no", FieldType.INTEGER, "行号", "Line No"))
            .field(Field.text("sku", "物料编码", "SKU", "产品编码").maxLength(64))
            .field(Field.text("product_name", "物料名称", "Product Name", "产品名称").maxLength(200))
            .field(Field.of("quantity", FieldType.QUANTITY, "数量", "Quantity"))
            .field(Field.of("unit_price", FieldType.AMOUNT, "单价", "Unit Price"))
            .field(Field.of("amount", FieldType.AMOUNT, "金额", "Amount"))
            .field(Field.text("category", "产品类别", "Category", "品类").maxLength(64))
            .key("order_no", "line_no")
            .build();

    private static final ImportKind KIND = ImportKind.of("orders", "erp.import.orders", SCHEMA)
            .sample(
                    "SO-2026-000101",
                    "D0001",
                    "2026年11月22日",
                    "已确认",
                    "CNY",
                    "加急",
                    "1",
                    "SKU-1001",
                    "智能电饭煲 4L",
                    "20",
                    "¥299.00",
                    "5,980.00",
                    "厨房电器")
            .sample(
                    "SO-2026-000101",
                    "D0001",
                    "2026年11月22日",
                    "已确认",
                    "CNY",
                    "加急",
                    "2",
                    "SKU-2002",
                    "空气净化器",
                    "5件",
                    "1,299.00",
                    "6495元",
                    "环境电器")
            .sample(
                    "SO-2026-000102",
                    "D0002",
                    "2026/11/23",
                    "Open",
                    "",
                    "",
                    "1",
                    "SKU-1001",
                    "Rice cooker 4L",
                    "100",
                    "280",
                    "28000",
                    "Kitchen")
            .build();

    /** The fields an order line needs; a file without line columns imports order headers only. */
    private static final List<String> LINE_REQUIRED = List.of("line_no", "sku", "quantity");

    private static final List<String> LINE_OPTIONAL = List.of("product_name", "unit_price", "amount", "category");

    private final JdbcTemplate jdbc;
    private final TableUpsert orders;
    private final TableUpsert lines;

    OrderImports(JdbcTemplate jdbc) {
        super(KIND);
        this.jdbc = jdbc;
        this.orders = TableUpsert.of(
                        jdbc,
                        "erp_orders",
                        List.of("order_no"),
                        List.of("distributor_id", "order_date", "status", "currency", "remark"))
                .fedBy("distributor_id", "distributor_code");
        this.lines = TableUpsert.of(
                jdbc,
                "erp_order_lines",
                List.of("order_id", "line_no"),
                List.of("sku", "product_name", "quantity", "unit_price", "amount", "category"));
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<String, Long> distributors =
                References.ids(jdbc, "distributors", "code", References.column(rows, "distributor_code"));
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        List<Integer> accepted = new ArrayList<>();
        List<Object[]> orderRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            Long distributor = distributors.get(row.text("distributor_code"));
            RowError incompleteLine = incompleteLine(row);
            if (distributor == null) {
                outcomes[i] = RowOutcome.rejected(ErpRows.unknownDistributor(row));
                continue;
            }
            if (incompleteLine != null) {
                outcomes[i] = RowOutcome.rejected(incompleteLine);
                continue;
            }
            accepted.add(i);
            orderRows.add(new Object[] {
                row.text("order_no"),
                distributor,
                row.date("order_date"),
                ErpRows.orDefault(row.text("status"), "OPEN"),
                ErpRows.orDefault(row.text("currency"), "CNY"),
                row.text("remark")
            });
        }
        if (accepted.isEmpty()) {
            return List.of(outcomes);
        }
        List<ParsedRow> sources = accepted.stream().map(rows::get).toList();
        List<RowOutcome.Kind> orderOutcomes = orders.apply(orderRows, sources);
        Map<List<Object>, Long> ids =
                orders.ids(orderRows.stream().map(r -> List.<Object>of(r[0])).toList());
        List<Object[]> lineRows = new ArrayList<>(accepted.size());
        List<ParsedRow> lineSources = new ArrayList<>(accepted.size());
        List<Integer> withLine = new ArrayList<>(accepted.size());
        for (int a = 0; a < accepted.size(); a++) {
            ParsedRow row = sources.get(a);
            if (row.get("line_no") == null) {
                outcomes[accepted.get(a)] = RowOutcome.of(orderOutcomes.get(a)); // an order header without lines
                continue;
            }
            withLine.add(a);
            lineSources.add(row);
            lineRows.add(new Object[] {
                ids.get(List.of(row.text("order_no"))),
                row.integer("line_no"),
                row.text("sku"),
                row.text("product_name"),
                row.decimal("quantity"),
                row.decimal("unit_price"),
                row.decimal("amount"),
                row.text("category")
            });
        }
        List<RowOutcome.Kind> lineOutcomes = lineRows.isEmpty() ? List.of() : lines.apply(lineRows, lineSources);
        for (int l = 0; l < withLine.size(); l++) {
            int a = withLine.get(l);
            outcomes[accepted.get(a)] = RowOutcome.combine(orderOutcomes.get(a), lineOutcomes.get(l));
        }
        return List.of(outcomes);
    }

    /**
     * A row is an order header (no line fields at all: files with orders only) or an order line with line no., SKU
     * and quantity; a line missing one of them is a row problem naming it.
     */
    private static RowError incompleteLine(ParsedRow row) {
        if (LINE_REQUIRED.stream().allMatch(field -> row.get(field) == null)
                && LINE_OPTIONAL.stream().allMatch(field -> row.get(field) == null)) {
            return null;
        }
        return LINE_REQUIRED.stream()
                .filter(field -> row.get(field) == null)
                .findFirst()
                .map(field -> new RowError(row.line(), field, null, ImportCodes.VALUE_EMPTY, List.of()))
                .orElse(null);
    }
}
