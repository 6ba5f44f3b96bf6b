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
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Shipments from the warehouse system, upserted by shipment no. */
@Component
class ShipmentImports extends DeclaredImport {

    static final Map<String, List<String>> STATUSES = Map.of(
            "PICKING",
            List.of("拣货中", "Picking"),
            "SHIPPED",
            List.of("已发货", "Shipped"),
            "IN_TRANSIT",
            List.of("运输中", "In transit"),
            "DELIVERED",
            List.of("已签收", "Delivered"),
            "EXCEPTION",
            List.of("异常", "Exception"),
            "RETURNED",
            List.of("已退回", "Returned"));

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("shipment_no", "发货单号", "Shipment No").required().maxLength(64))
            .field(Field.text("order_no", "订单号", "Order No").required().maxLength(64))
            .field(Field.text("distributor_code", "经销商编码", "Distributor Code")
                    .required()
                    .maxLength(32))
            .field(Field.text("warehouse", "仓库", "Warehouse").maxLength(64))
            .field(Field.text("carrier", "承运商", "Carrier").maxLength(64))
            .field(Field.text("tracking_no", "运单号", "Tracking No").maxLength(64))
            .field(Field.choice("status", STATUSES, "状态", "Status").required())
            .field(Field.of("shipped_at", FieldType.DATE_TIME, "发货时间", "Shipped At"))
            .field(Field.of("eta", FieldType.DATE, "预计到达", "ETA", "预计送达日期"))
            .field(Field.of("delivered_at", FieldType.DATE_TIME, "签收时间", "Delivered At"))
            .key("shipment_no")
            .build();

    private static final ImportKind KIND = ImportKind.of("shipments", "wms.import.shipments", SCHEMA)
            .sample(
                    "SH-2026-0001",
                    "SO-2026-000101",
                    "D0001",
                    "上海一号仓",
                    "顺丰速运",
                    "SF1234567890",
                    "运输中",
                    "2026-11-23 09:15",
                    "2026-11-26",
                    "")
            .build();

    private static final Reference DISTRIBUTOR =
            new Reference("distributors", "code", "distributor_code", "wms.import.unknownDistributor");

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    ShipmentImports(JdbcTemplate jdbc) {
        super(KIND);
        this.jdbc = jdbc;
        this.table = TableUpsert.of(
                        jdbc,
                        "wms_shipments",
                        List.of("shipment_no"),
                        List.of(
                                "order_no",
                                "distributor_id",
                                "warehouse",
                                "carrier",
                                "tracking_no",
                                "status",
                                "shipped_at",
                                "eta",
                                "delivered_at"))
                .fedBy("distributor_id", "distributor_code");
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        return DISTRIBUTOR.upsert(jdbc, rows, table, (row, distributor) -> new Object[] {
            row.text("shipment_no"),
            row.text("order_no"),
            distributor,
            row.text("warehouse"),
            row.text("carrier"),
            row.text("tracking_no"),
            row.text("status"),
            row.dateTime("shipped_at"),
            row.date("eta"),
            row.dateTime("delivered_at")
        });
    }
}
