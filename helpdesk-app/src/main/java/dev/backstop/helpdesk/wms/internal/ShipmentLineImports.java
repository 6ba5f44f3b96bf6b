package dev.backstop.helpdesk.wms.internal;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.ImportTarget;
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
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each shipment carried, one row per order line it ships (the line no. is the order's), upserted by
 * (shipment, line no.). The shipment must have been imported first.
 */
@Component
class ShipmentLineImports implements ImportTarget {

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("shipment_no", "发货单号", "Shipment No").required().maxLength(64))
            .field(Field.of("line_no", FieldType.INTEGER, "行号", "Line No").required())
            .field(Field.text("sku", "物料编码", "SKU").required().maxLength(64))
            .field(Field.of("quantity", FieldType.QUANTITY, "数量", "Quantity").required())
            .key("shipment_no", "line_no")
            .build();

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    ShipmentLineImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.table = TableUpsert.of(jdbc, "wms_shipment_lines", List.of("shipment_id", "line_no"), List.of("sku", "quantity"));
    }

    @Override
    public String kind() {
        return "shipment-lines";
    }

    @Override
    public String titleKey() {
        return "wms.import.shipmentLines";
    }

    @Override
    public RecordSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<Role> importers() {
        return Set.of(Role.ADMIN);
    }

    @Override
    public List<List<String>> sampleRows() {
        return List.of(List.of("SH-2026-0001", "1", "SKU-1001", "20"), List.of("SH-2026-0001", "2", "SKU-2002", "3件"));
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<String, Long> shipments = References.ids(jdbc, "wms_shipments", "shipment_no", References.column(rows, "shipment_no"));
        UpsertBatch batch = new UpsertBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            Long shipment = shipments.get(row.text("shipment_no"));
            if (shipment == null) {
                String no = row.text("shipment_no");
                batch.reject(i, new RowError(row.line(), "shipment_no", no, "wms.import.unknownShipment", List.of(no)));
            } else {
                batch.add(i, shipment, row.integer("line_no"), row.text("sku"), row.decimal("quantity"));
            }
        }
        return batch.applyTo(table);
    }
}
