package dev.backstop.helpdesk.demo;

import dev.backstop.helpdesk.shared.DeskTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ERP and WMS snapshots of the demo: per distributor a few months of orders (products and categories from the
 * Northwind sample), shipments with their lines, invoices and payments, and three sales policies. D0001 has an
 * overdue invoice, an unapplied payment and a short-shipped line, so every part of the distributor view shows something.
 *
 * <p>A little over 300 lines on purpose: it is demo data, the ERP and WMS rows of the demo written out row by row.
 */
class DemoChannel {

    /** Northwind products: SKU, name, category, unit price. */
    private static final String[][] PRODUCTS = {
        {"NW-001", "Chai 红茶", "Beverages", "18.00"},
        {"NW-002", "Chang 啤酒", "Beverages", "19.00"},
        {"NW-003", "Aniseed Syrup 茴香糖浆", "Condiments", "10.00"},
        {"NW-004", "Chef Anton's Cajun Seasoning 卡真调味料", "Condiments", "22.00"},
        {"NW-011", "Queso Cabrales 奶酪", "Dairy Products", "21.00"},
        {"NW-016", "Pavlova 蛋白饼", "Confections", "17.45"},
        {"NW-024", "Guaraná Fantástica 汽水", "Beverages", "4.50"},
        {"NW-031", "Gorgonzola Telino 奶酪", "Dairy Products", "12.50"},
        {"NW-038", "Côte de Blaye 红酒", "Beverages", "263.50"},
        {"NW-043", "Ipoh Coffee 咖啡", "Beverages", "46.00"},
        {"NW-062", "Tarte au sucre 糖挞", "Confections", "49.30"},
        {"NW-065", "Louisiana Hot Spiced Okra 辣秋葵", "Condiments", "17.00"}
    };

    private static final String[] WAREHOUSES = {"上海一号仓", "北京顺义仓", "广州白云仓"};
    private static final String[] CARRIERS = {"顺丰速运", "京东物流", "德邦快递"};

    private final JdbcTemplate jdbc;
    private final LocalDate today;

    DemoChannel(JdbcTemplate jdbc, DeskTime deskTime) {
        this.jdbc = jdbc;
        this.today = deskTime.today();
    }

    void load(Map<String, Long> distributors) {
        policies();
        Random random = new Random(6);
        int n = 0;
        for (Map.Entry<String, Long> d : distributors.entrySet()) {
            int orders = 6 + random.nextInt(8);
            for (int i = 0; i < orders; i++) {
                n++;
                order(
                        d.getKey(),
                        d.getValue(),
                        n,
                        today.minusDays((long) i * 11 + random.nextInt(9)),
                        random,
                        d.getKey().equals("D0001") && i == 1);
            }
        }
        for (int w = 0; w < WAREHOUSES.length; w++) {
            for (int p = 0; p < PRODUCTS.length; p++) {
                int onHand = (p * 37 + w * 101) % 900 + (w == 2 && p % 4 == 0 ? -((p * 37 + w * 101) % 900) : 40);
                jdbc.update(
                        "insert into wms_stock (warehouse, sku, product_name, on_hand, reserved) values (?, ?, ?, ?, ?)",
                        WAREHOUSES[w],
                        PRODUCTS[p][0],
                        PRODUCTS[p][1],
                        onHand,
                        Math.min(onHand, (p * 13) % 60));
            }
        }
        payment(
                "PAY-DEMO-UNAPPLIED",
                distributors.get("D0001"),
                null,
                today.minusDays(2),
                new BigDecimal("8800.00"),
                "TRANSFER");
        // the orders the demo tickets are about, so that following a ticket's reference finds the order
        order("D0001", distributors.get("D0001"), 10086, today.minusDays(6), random, false, "SO-2026-10086", null);
        order(
                "D0001",
                distributors.get("D0001"),
                9977,
                today.minusDays(15),
                random,
                true,
                "SO-2026-09977",
                "SH-2026-55821");
        order("D0002", distributors.get("D0002"), 10120, today.minusDays(2), random, false, "SO-2026-10120", null);
    }

    private void order(String code, long distributor, int n, LocalDate date, Random random, boolean shortShipped) {
        order(
                code,
                distributor,
                n,
                date,
                random,
                shortShipped,
                "SO-%d-%06d".formatted(date.getYear(), n),
                "SH-%d-%06d".formatted(date.plusDays(2).getYear(), n));
    }

    private void order(
            String code,
            long distributor,
            int n,
            LocalDate date,
            Random random,
            boolean shortShipped,
            String orderNo,
            String shipmentNo) {
        long age = today.toEpochDay() - date.toEpochDay();
        String status = age > 40 ? "DELIVERED" : age > 12 ? "SHIPPED" : age > 4 ? "CONFIRMED" : "OPEN";
        if (n % 17 == 0) {
            status = "CANCELLED";
        }
        long orderId = insertId(
                "insert into erp_orders (order_no, distributor_id, order_date, status, currency, remark)"
                        + " values (?, ?, ?, ?, 'CNY', null)",
                orderNo,
                distributor,
                Date.valueOf(date),
                status);
        int lineCount = 1 + random.nextInt(4);
        BigDecimal total = BigDecimal.ZERO;
        int[][] lines = new int[lineCount][2];
        for (int l = 0; l < lineCount; l++) {
            int product = (n * 3 + l * 5) % PRODUCTS.length;
            int quantity = (2 + random.nextInt(20)) * 10;
            lines[l] = new int[] {product, quantity};
            BigDecimal price = new BigDecimal(PRODUCTS[product][3]);
            BigDecimal amount = price.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
            total = total.add(amount);
            jdbc.update(
                    "insert into erp_order_lines (order_id, line_no, sku, product_name, category, quantity, unit_price,"
                            + " amount) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    orderId,
                    l + 1,
                    PRODUCTS[product][0],
                    PRODUCTS[product][1],
                    PRODUCTS[product][2],
                    quantity,
                    price,
                    amount);
        }
        if (status.equals("SHIPPED") || status.equals("DELIVERED") || shortShipped) {
            LocalDate shipped = date.plusDays(2);
            String shipmentStatus = status.equals("DELIVERED") ? "DELIVERED" : age > 20 ? "IN_TRANSIT" : "SHIPPED";
            long shipmentId = insertId(
                    "insert into wms_shipments (shipment_no, order_no, distributor_id, warehouse, carrier,"
                            + " tracking_no, status, shipped_at, eta, delivered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    shipmentNo,
                    orderNo,
                    distributor,
                    WAREHOUSES[n % WAREHOUSES.length],
                    CARRIERS[n % CARRIERS.length],
                    "SF%010d".formatted(1_000_000_000L + n * 7919L),
                    shipmentStatus,
                    Timestamp.valueOf(shipped.atTime(9, 30)),
                    Date.valueOf(shipped.plusDays(3)),
                    shipmentStatus.equals("DELIVERED")
                            ? Timestamp.valueOf(shipped.plusDays(3).atTime(15, 10))
                            : null);
            for (int l = 0; l < lines.length; l++) {
                int quantity = shortShipped && l == 0 ? lines[l][1] - 10 : lines[l][1];
                jdbc.update(
                        "insert into wms_shipment_lines (shipment_id, line_no, sku, quantity) values (?, ?, ?, ?)",
                        shipmentId,
                        l + 1,
                        PRODUCTS[lines[l][0]][0],
                        quantity);
            }
            String invoiceNo = "INV-%d-%06d".formatted(shipped.getYear(), n);
            LocalDate due = shipped.plusDays(30);
            boolean paid = due.isBefore(today) && !(code.equals("D0001") && age < 80);
            jdbc.update(
                    "insert into erp_invoices (invoice_no, distributor_id, order_no, issue_date, due_date, amount,"
                            + " tax_amount, status) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    invoiceNo,
                    distributor,
                    orderNo,
                    Date.valueOf(shipped),
                    Date.valueOf(due),
                    total,
                    total.multiply(new BigDecimal("0.13")).setScale(2, RoundingMode.HALF_UP),
                    paid ? "PAID" : "OPEN");
            if (paid) {
                payment(
                        "PAY-%d-%06d".formatted(due.getYear(), n),
                        distributor,
                        invoiceNo,
                        due.minusDays(3),
                        total,
                        "TRANSFER");
            }
        }
    }

    private void payment(
            String paymentNo, long distributor, String invoiceNo, LocalDate day, BigDecimal amount, String method) {
        jdbc.update(
                "insert into erp_payments (payment_no, distributor_id, invoice_no, paid_at, amount, method)"
                        + " values (?, ?, ?, ?, ?, ?)",
                paymentNo,
                distributor,
                invoiceNo,
                Timestamp.valueOf(day.atTime(10, 0)),
                amount,
                method);
    }

    private void policies() {
        LocalDate start = today.withDayOfMonth(1).minusMonths(2);
        policy(
                "POL-BEV-WINTER",
                "冬季饮料促销 Winter beverages promotion",
                "PROMOTION",
                null,
                null,
                "Beverages",
                start,
                start.plusMonths(6),
                "0.0500",
                "200",
                null,
                "饮料类产品单笔订单满 200 件享 5% 折扣。Beverages: 5% off an order of 200 units or more.");
        policy(
                "POL-VIP-REBATE",
                "贵宾年度返利 VIP annual rebate",
                "REBATE",
                "VIP",
                null,
                null,
                start.withDayOfYear(1),
                start.withDayOfYear(1).plusYears(1).minusDays(1),
                "0.0200",
                null,
                "5000.00",
                "贵宾客户单笔订单满 5,000 元返利 2%。VIP accounts: 2% rebate on orders of ¥5,000 or more.");
        policy(
                "POL-EAST-COND",
                "华东调味品折扣 East China condiments discount",
                "DISCOUNT",
                null,
                "EAST",
                "Condiments",
                start,
                null,
                "0.0300",
                null,
                "1000.00",
                "华东大区调味品订单满 1,000 元享 3% 折扣。East China: 3% off condiments orders of ¥1,000 or more.");
    }

    private void policy(
            String code,
            String title,
            String kind,
            String tier,
            String region,
            String category,
            LocalDate from,
            LocalDate to,
            String rate,
            String minQuantity,
            String minAmount,
            String description) {
        jdbc.update(
                "insert into erp_sales_policies (policy_code, title, kind, tier, region_code, product_category,"
                        + " valid_from, valid_to, discount_rate, min_quantity, min_amount, description, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                code,
                title,
                kind,
                tier,
                region,
                category,
                Date.valueOf(from),
                to == null ? null : Date.valueOf(to),
                new BigDecimal(rate),
                minQuantity == null ? null : new BigDecimal(minQuantity),
                minAmount == null ? null : new BigDecimal(minAmount),
                description);
    }

    private long insertId(String sql, Object... args) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys =
                new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement(sql, new String[] {"id"});
                    for (int i = 0; i < args.length; i++) {
                        statement.setObject(i + 1, args[i]);
                    }
                    return statement;
                },
                keys);
        return keys.getKey().longValue();
    }
}
