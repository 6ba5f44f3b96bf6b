package dev.backstop.helpdesk.wms.internal;

import dev.backstop.helpdesk.imports.DeclaredImport;
import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.helpdesk.imports.UpsertBatch;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Stock by warehouse from the WMS, one row per warehouse and SKU, upserted by (warehouse, SKU). */
@Component
class StockImports extends DeclaredImport {

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("warehouse", "仓库", "Warehouse").required().maxLength(64))
            .field(Field.text("sku", "物料编码", "SKU", "产品编码").required().maxLength(64))
            .field(Field.text("product_name", "物料名称", "Product Name", "产品名称").maxLength(200))
            .field(Field.of("on_hand", FieldType.QUANTITY, "库存数量", "On Hand", "现有库存")
                    .required())
            .field(Field.of("reserved", FieldType.QUANTITY, "已预留", "Reserved", "占用数量"))
            .key("warehouse", "sku")
            .build();

    private static final ImportKind KIND = ImportKind.of("stock", "wms.import.stock", SCHEMA)
            .sample("上海一号仓", "SKU-1001", "Chai 红茶", "1,250", "200")
            .sample("北京顺义仓", "SKU-1001", "Chai 红茶", "80", "")
            .build();

    private final TableUpsert table;

    StockImports(JdbcTemplate jdbc) {
        super(KIND);
        this.table = TableUpsert.of(
                jdbc, "wms_stock", List.of("warehouse", "sku"), List.of("product_name", "on_hand", "reserved"));
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        UpsertBatch batch = new UpsertBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            BigDecimal reserved = row.decimal("reserved");
            batch.add(
                    i,
                    row.text("warehouse"),
                    row.text("sku"),
                    row.text("product_name"),
                    row.decimal("on_hand"),
                    reserved == null ? BigDecimal.ZERO : reserved);
        }
        return batch.applyTo(table);
    }
}
