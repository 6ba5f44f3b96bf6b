package dev.backstop.helpdesk.erp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the ERP knows of one distributor's account: recent and open orders with their lines, invoices, payments and
 * credit. The same shape whether it comes from the live ERP (the JSON contract in docs/integrations/erp.yaml) or from
 * the imported snapshot.
 */
public record ErpAccount(
        String distributorCode, List<Order> orders, List<Invoice> invoices, List<Payment> payments, Credit credit) {

    public ErpAccount {
        orders = List.copyOf(orders);
        invoices = List.copyOf(invoices);
        payments = List.copyOf(payments);
    }

    /** The account with its orders' lines left out (each order keeps its line count and amount). */
    public ErpAccount withoutOrderLines() {
        return new ErpAccount(
                distributorCode, orders.stream().map(Order::withoutLines).toList(), invoices, payments, credit);
    }

    /**
     * @param status    OPEN, CONFIRMED, SHIPPED, DELIVERED, CANCELLED, CLOSED
     * @param amount    the lines' amounts added up (also when the lines are left out)
     * @param lineCount how many lines the order has (also when the lines are left out)
     * @param lines     the lines: always from {@link ErpLookups#order}; left out (empty, and not in the JSON) by the
     *                  account's order list of the distributor view, which shows only their number and amount
     */
    public record Order(
            String orderNo,
            String distributorCode,
            LocalDate orderDate,
            String status,
            String currency,
            BigDecimal amount,
            String remark,
            int lineCount,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<OrderLine> lines) {

        public Order {
            lines = List.copyOf(lines);
        }

        /** An order with its lines: counted from them. */
        public Order(
                String orderNo,
                String distributorCode,
                LocalDate orderDate,
                String status,
                String currency,
                BigDecimal amount,
                String remark,
                List<OrderLine> lines) {
            this(orderNo, distributorCode, orderDate, status, currency, amount, remark, lines.size(), lines);
        }

        /** The same order without its lines (their number and amount stay). */
        public Order withoutLines() {
            return lines.isEmpty()
                    ? this
                    : new Order(
                            orderNo,
                            distributorCode,
                            orderDate,
                            status,
                            currency,
                            amount,
                            remark,
                            lineCount,
                            List.of());
        }

        @com.fasterxml.jackson.annotation.JsonProperty("open")
        public boolean open() {
            return !"DELIVERED".equals(status) && !"CANCELLED".equals(status) && !"CLOSED".equals(status);
        }
    }

    public record OrderLine(
            int lineNo,
            String sku,
            String productName,
            String category,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal amount) {}

    /**
     * @param status  OPEN, PARTIAL, PAID, VOID, OVERDUE
     * @param paid    what payments applied to it add up to
     * @param overdue past its due date and not fully paid
     */
    public record Invoice(
            String invoiceNo,
            String orderNo,
            LocalDate issueDate,
            LocalDate dueDate,
            BigDecimal amount,
            BigDecimal taxAmount,
            String status,
            BigDecimal paid,
            boolean overdue) {

        @com.fasterxml.jackson.annotation.JsonProperty("outstanding")
        public BigDecimal outstanding() {
            if ("VOID".equals(status) || "PAID".equals(status)) {
                return BigDecimal.ZERO;
            }
            return amount.subtract(paid == null ? BigDecimal.ZERO : paid).max(BigDecimal.ZERO);
        }
    }

    /** @param invoiceNo the invoice it was applied to; null for a payment not (yet) applied */
    public record Payment(String paymentNo, String invoiceNo, Instant paidAt, BigDecimal amount, String method) {}

    /**
     * @param limit       the credit limit (null: none set)
     * @param outstanding invoiced and not paid
     * @param overdue     the part of {@code outstanding} past its due date
     * @param available   limit minus outstanding (null when there is no limit)
     */
    public record Credit(BigDecimal limit, BigDecimal outstanding, BigDecimal overdue, BigDecimal available) {}
}
