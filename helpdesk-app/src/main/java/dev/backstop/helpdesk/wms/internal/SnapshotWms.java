package dev.backstop.helpdesk.wms.internal;

import dev.backstop.helpdesk.wms.Shipment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The warehouse system as last imported: {@code wms_shipments} and {@code wms_shipment_lines}. */
@Component
class SnapshotWms implements WmsSystem {

    private static final String COLUMNS =
            "s.id, s.shipment_no, s.order_no, d.code, s.warehouse, s.carrier, s.tracking_no,"
                    + " s.status, s.shipped_at, s.eta, s.delivered_at";

    private final JdbcTemplate jdbc;

    SnapshotWms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Shipment> shipments(String distributorCode, int limit) {
        Map<Long, Shipment> found = new LinkedHashMap<>();
        jdbc.query(
                "select " + COLUMNS + " from wms_shipments s join distributors d on d.id = s.distributor_id"
                        + " where s.distributor_id = (select id from distributors where code = ?)"
                        + " order by s.shipped_at desc nulls first, s.shipment_no desc fetch first ? rows only",
                rs -> {
                    found.put(rs.getLong(1), shipment(rs));
                },
                distributorCode,
                Math.max(0, limit));
        return withLines(found);
    }

    @Override
    public List<Shipment> shipmentsOfOrder(String orderNo) {
        Map<Long, Shipment> found = new LinkedHashMap<>();
        jdbc.query(
                "select " + COLUMNS + " from wms_shipments s join distributors d on d.id = s.distributor_id"
                        + " where s.order_no = ? order by s.shipped_at, s.shipment_no",
                rs -> {
                    found.put(rs.getLong(1), shipment(rs));
                },
                orderNo);
        return withLines(found);
    }

    @Override
    public List<dev.backstop.helpdesk.wms.StockLevel> stock(java.util.Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(skus.size(), "?"));
        return jdbc.query(
                "select warehouse, sku, product_name, on_hand, reserved from wms_stock where sku in (" + marks
                        + ") order by sku, warehouse",
                (rs, i) -> new dev.backstop.helpdesk.wms.StockLevel(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5)),
                skus.toArray());
    }

    private List<Shipment> withLines(Map<Long, Shipment> shipments) {
        if (shipments.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Shipment.Line>> lines = new LinkedHashMap<>();
        String marks = String.join(",", Collections.nCopies(shipments.size(), "?"));
        jdbc.query(
                "select shipment_id, line_no, sku, quantity from wms_shipment_lines where shipment_id in (" + marks
                        + ") order by shipment_id, line_no",
                rs -> {
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Shipment.Line(rs.getInt(2), rs.getString(3), rs.getBigDecimal(4)));
                },
                shipments.keySet().toArray());
        List<Shipment> result = new ArrayList<>();
        shipments.forEach((id, s) -> result.add(new Shipment(
                s.shipmentNo(),
                s.orderNo(),
                s.distributorCode(),
                s.warehouse(),
                s.carrier(),
                s.trackingNo(),
                s.status(),
                s.shippedAt(),
                s.eta(),
                s.deliveredAt(),
                lines.getOrDefault(id, List.of()))));
        return result;
    }

    private static Shipment shipment(ResultSet rs) throws SQLException {
        return new Shipment(
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                instant(rs.getTimestamp(9)),
                rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(),
                instant(rs.getTimestamp(11)),
                List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
