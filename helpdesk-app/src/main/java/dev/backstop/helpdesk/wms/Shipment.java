package dev.backstop.helpdesk.wms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A shipment from a warehouse, as the WMS knows it (live: docs/integrations/wms.yaml; or the imported snapshot).
 *
 * @param status PICKING, SHIPPED, IN_TRANSIT, DELIVERED, RETURNED, EXCEPTION
 * @param eta    expected delivery date (null: not known)
 * @param lines  what was shipped per order line (empty when the WMS does not say)
 */
public record Shipment(
        String shipmentNo,
        String orderNo,
        String distributorCode,
        String warehouse,
        String carrier,
        String trackingNo,
        String status,
        Instant shippedAt,
        LocalDate eta,
        Instant deliveredAt,
        List<Line> lines) {

    public Shipment {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** @param lineNo the order line it ships */
    public record Line(int lineNo, String sku, BigDecimal quantity) {}
}
