package dev.backstop.helpdesk.wms.internal;

import dev.backstop.helpdesk.imports.DeclaredImport;
import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.Reference;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each shipment carried, one row per order line it ships (the line no. is the order's), upserted by
 * (shipment, line no.). The shipment must have been imported first.
 */
@Component
class ShipmentLineImports extends DeclaredImport {

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("shipment_no", "发货单号", "Shipment No").required().maxLength(64))
            .field(Field.of("line_no", FieldType.INTEGER, "行号", "Line No").required())
            .field(Field.text("sku", "物料编码", "SKU").required().maxLength(64))
            .field(Field.of("quantity", FieldType.QUANTITY, "数量", "Quantity").required())
            .key("shipment_no", "line_no")
            .build();

    private static final ImportKind KIND = ImportKind.of("shipment-lines", "wms.import.shipmentLines", SCHEMA)
            .sample("SH-2026-0001", "1", "SKU-1001", "20")
            .sample("SH-2026-0001", "2", "SKU-2002", "3件")
            .build();

    private static final Reference SHIPMENT =
            new Reference("wms_shipments", "shipment_no", "shipment_no", "wms.import.unknownShipment");

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    ShipmentLineImports(JdbcTemplate jdbc) {
        super(KIND);
        this.jdbc = jdbc;
        this.table = TableUpsert.of(
                jdbc, "wms_shipment_lines", List.of("shipment_id", "line_no"), List.of("sku", "quantity"));
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        return SHIPMENT.upsert(jdbc, rows, table, (row, shipment) ->
                new Object[] {shipment, row.integer("line_no"), row.text("sku"), row.decimal("quantity")});
    }
}
