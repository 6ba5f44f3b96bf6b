package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.erp.ErpAccount;
import dev.backstop.helpdesk.erp.ErpAccount.Credit;
import dev.backstop.helpdesk.erp.ErpAccount.Invoice;
import dev.backstop.helpdesk.erp.ErpAccount.Order;
import dev.backstop.helpdesk.erp.ErpAccount.OrderLine;
import dev.backstop.helpdesk.erp.ErpAccount.Payment;
import dev.backstop.helpdesk.shared.DeskTime;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ERP as last imported (the embedded default): reads the snapshot tables of V3_1. Recent means the last
 * {@value #RECENT_DAYS} days; open orders and unpaid invoices are listed whatever their age, up to the limits. The
 * account's orders come with their line count and amount but without their lines ({@link #order} has them).
 */
@Component
class SnapshotErp implements ErpSystem {

    static final int RECENT_DAYS = 90;
    static final int ORDER_LIMIT = 50;
    static final int INVOICE_LIMIT = 50;
    static final int PAYMENT_LIMIT = 20;

    private final JdbcTemplate jdbc;
    private final DeskTime deskTime;

    SnapshotErp(JdbcTemplate jdbc, DeskTime deskTime) {
        this.jdbc = jdbc;
        this.deskTime = deskTime;
    }

    @Override
    public ErpAccount account(String distributorCode) {
        LocalDate today = deskTime.today();
        Date recent = Date.valueOf(today.minusDays(RECENT_DAYS));
        List<Map.Entry<Long, BigDecimal>> found = jdbc.query(
                "select id, credit_limit from distributors where code = ?",
                (rs, i) -> Map.entry(
                        rs.getLong(1), Optional.ofNullable(rs.getBigDecimal(2)).orElse(BigDecimal.valueOf(-1))),
                distributorCode);
        if (found.isEmpty()) {
            return new ErpAccount(
                    distributorCode,
                    List.of(),
                    List.of(),
                    List.of(),
                    new Credit(null, BigDecimal.ZERO, BigDecimal.ZERO, null));
        }
        long distributor = found.getFirst().getKey();
        BigDecimal limit = found.getFirst().getValue().signum() < 0
                ? null
                : found.getFirst().getValue();

        // the lines only counted and added up (amount as withLines computes it): the account lists orders without lines
        List<Order> orders = jdbc.query(
                """
                select o.id, o.order_no, o.order_date, o.status, o.currency, o.remark, count(l.order_id),
                       coalesce(sum(coalesce(l.amount, round(l.unit_price * l.quantity, 2))), 0)
                  from (select id, order_no, order_date, status, currency, remark from erp_orders
                         where distributor_id = ? and (order_date >= ? or status in ('OPEN', 'CONFIRMED', 'SHIPPED'))
                         order by order_date desc, order_no desc
                         fetch first %d rows only) o
                  left join erp_order_lines l on l.order_id = o.id
                 group by o.id, o.order_no, o.order_date, o.status, o.currency, o.remark
                 order by o.order_date desc, o.order_no desc""".formatted(ORDER_LIMIT),
                (rs, i) -> new Order(
                        rs.getString(2),
                        distributorCode,
                        rs.getDate(3).toLocalDate(),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(8),
                        rs.getString(6),
                        rs.getInt(7),
                        List.of()),
                distributor,
                recent);

        List<Invoice> invoices =
                jdbc.query("""
                select i.invoice_no, i.order_no, i.issue_date, i.due_date, i.amount, i.tax_amount, i.status,
                       coalesce((select sum(p.amount) from erp_payments p where p.invoice_no = i.invoice_no), 0)
                  from erp_invoices i
                 where i.distributor_id = ? and (i.issue_date >= ? or i.status in ('OPEN', 'PARTIAL', 'OVERDUE'))
                 order by i.issue_date desc, i.invoice_no desc
                 fetch first %d rows only""".formatted(INVOICE_LIMIT), (rs, i) -> invoice(rs, today), distributor, recent);
        if (invoices.size() > INVOICE_LIMIT) {
            invoices = invoices.subList(0, INVOICE_LIMIT);
        }
        List<Payment> payments = jdbc.query(
                """
                select payment_no, invoice_no, paid_at, amount, method from erp_payments
                 where distributor_id = ? order by paid_at desc, payment_no desc
                 fetch first %d rows only""".formatted(PAYMENT_LIMIT),
                (rs, i) -> new Payment(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getBigDecimal(4),
                        rs.getString(5)),
                distributor);
        if (payments.size() > PAYMENT_LIMIT) {
            payments = payments.subList(0, PAYMENT_LIMIT);
        }
        return new ErpAccount(distributorCode, orders, invoices, payments, credit(distributor, limit, today));
    }

    /**
     * Outstanding and overdue over every unpaid invoice of the account (OPEN, PARTIAL, OVERDUE: the import knows no
     * other status besides PAID and VOID), not only the listed ones; paid is what the payments with the invoice's no.
     * add up, as in the invoice list (joined per unpaid invoice, not summed over every payment of the account).
     */
    private Credit credit(long distributor, BigDecimal limit, LocalDate today) {
        return jdbc.queryForObject(
                """
                select coalesce(sum(o.rest), 0), coalesce(sum(case when o.due_date < ? then o.rest else 0 end), 0)
                  from (select i.due_date, greatest(i.amount - coalesce(sum(p.amount), 0), 0) as rest
                          from erp_invoices i
                          left join erp_payments p on p.invoice_no = i.invoice_no
                         where i.distributor_id = ? and i.status in ('OPEN', 'PARTIAL', 'OVERDUE')
                         group by i.id, i.due_date, i.amount) o""",
                (rs, i) -> {
                    BigDecimal outstanding = rs.getBigDecimal(1);
                    BigDecimal overdue = rs.getBigDecimal(2);
                    return new Credit(limit, outstanding, overdue, limit == null ? null : limit.subtract(outstanding));
                },
                Date.valueOf(today),
                distributor);
    }

    @Override
    public Optional<Order> order(String orderNo) {
        List<Map.Entry<Long, Order>> found =
                jdbc.query("""
                select o.id, o.order_no, o.order_date, o.status, o.currency, o.remark, d.code
                  from erp_orders o join distributors d on d.id = o.distributor_id where o.order_no = ?""", (rs, i) -> Map.entry(rs.getLong(1), order(rs, rs.getString(7), List.of())), orderNo);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<OrderLine> lines = jdbc.query(
                "select order_id, line_no, sku, product_name, category, quantity, unit_price,"
                        + " amount from erp_order_lines where order_id = ? order by line_no",
                (rs, i) -> line(rs),
                found.getFirst().getKey());
        return Optional.of(withLines(found.getFirst().getValue(), lines));
    }

    private static Order order(ResultSet rs, String distributorCode, List<OrderLine> lines) throws SQLException {
        return new Order(
                rs.getString(2),
                distributorCode,
                rs.getDate(3).toLocalDate(),
                rs.getString(4),
                rs.getString(5),
                null,
                rs.getString(6),
                lines);
    }

    private static Order withLines(Order order, List<OrderLine> lines) {
        BigDecimal amount =
                lines.stream().map(OrderLine::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Order(
                order.orderNo(),
                order.distributorCode(),
                order.orderDate(),
                order.status(),
                order.currency(),
                amount,
                order.remark(),
                lines);
    }

    private static OrderLine line(ResultSet rs) throws SQLException {
        BigDecimal quantity = rs.getBigDecimal(6);
        BigDecimal price = rs.getBigDecimal(7);
        BigDecimal amount = rs.getBigDecimal(8);
        if (amount == null && price != null) {
            amount = price.multiply(quantity).setScale(2, java.math.RoundingMode.HALF_UP);
        }
        return new OrderLine(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), quantity, price, amount);
    }

    private static Invoice invoice(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate();
        BigDecimal amount = rs.getBigDecimal(5);
        BigDecimal paid = rs.getBigDecimal(8);
        String status = rs.getString(7);
        boolean unpaid = !"PAID".equals(status) && !"VOID".equals(status) && amount.compareTo(paid) > 0;
        return new Invoice(
                rs.getString(1),
                rs.getString(2),
                rs.getDate(3).toLocalDate(),
                due,
                amount,
                rs.getBigDecimal(6),
                status,
                paid,
                unpaid && due != null && due.isBefore(today));
    }
}
