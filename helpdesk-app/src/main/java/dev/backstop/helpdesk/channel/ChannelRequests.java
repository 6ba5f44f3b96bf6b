package dev.backstop.helpdesk.channel;

import dev.backstop.helpdesk.distributors.Distributor;
import dev.backstop.helpdesk.erp.ErpAccount;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.wms.Shipment;
import dev.backstop.helpdesk.wms.WmsLookups;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Component;

/**
 * What a request raised at the channel desk says and keeps: the delivery claim per order line (ordered, shipped,
 * received), the ticket's description in the reader's language, and the request's own row with its claim lines
 * ({@code channel_requests}, {@code channel_request_lines}). {@link ChannelDesk#raise} checks scope and input first.
 */
@Component
class ChannelRequests {

    private final WmsLookups wms;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ChannelRequests(WmsLookups wms, MessageSource messages, JdbcTemplate jdbc, Clock clock) {
        this.wms = wms;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Ordered vs shipped vs received per line; a received quantity beyond what was ordered, or negative, is refused. */
    List<ClaimLine> claim(Distributor profile, ErpAccount.Order order, ChannelRequest request) {
        Map<Integer, BigDecimal> shipped = new HashMap<>();
        boolean linesKnown = false;
        for (Shipment s : wms.shipmentsOfOrder(profile.code(), order.orderNo()).value()) {
            linesKnown |= !s.lines().isEmpty();
            s.lines().forEach(l -> shipped.merge(l.lineNo(), l.quantity(), BigDecimal::add));
        }
        Map<Integer, BigDecimal> received = new HashMap<>();
        for (ChannelRequest.Received r : request.received()) {
            if (order.lines().stream().noneMatch(l -> l.lineNo() == r.lineNo())) {
                throw new ChannelRefused("channel.error.unknownLine", r.lineNo(), order.orderNo());
            }
            if (r.quantity() == null || r.quantity().signum() < 0) {
                throw new ChannelRefused("channel.error.badQuantity", r.lineNo());
            }
            received.put(r.lineNo(), r.quantity());
        }
        List<ClaimLine> lines = new ArrayList<>();
        for (ErpAccount.OrderLine line : order.lines()) {
            BigDecimal got = received.getOrDefault(line.lineNo(), line.quantity());
            BigDecimal sent = linesKnown ? shipped.getOrDefault(line.lineNo(), BigDecimal.ZERO) : null;
            lines.add(new ClaimLine(line.lineNo(), line.sku(), line.productName(), line.quantity(), sent, got));
        }
        if (lines.stream().noneMatch(ClaimLine::differs)) {
            throw new ChannelRefused("channel.error.noDiscrepancy", order.orderNo());
        }
        return lines;
    }

    record ClaimLine(
            int lineNo, String sku, String productName, BigDecimal ordered, BigDecimal shipped, BigDecimal received) {

        boolean differs() {
            return received.compareTo(ordered) != 0 || (shipped != null && shipped.compareTo(ordered) != 0);
        }
    }

    String describe(Locale locale, RequestKind kind, ChannelRequest request, List<ClaimLine> claim) {
        StringBuilder text = new StringBuilder();
        text.append(text(locale, "channel.request.kind." + kind.name())).append('\n');
        if (blank(request.orderNo()) != null) {
            text.append(text(locale, "channel.field.orderNo"))
                    .append(": ")
                    .append(request.orderNo().strip())
                    .append('\n');
        }
        if (blank(request.invoiceNo()) != null) {
            text.append(text(locale, "channel.field.invoiceNo"))
                    .append(": ")
                    .append(request.invoiceNo().strip())
                    .append('\n');
        }
        if (blank(request.paymentNo()) != null) {
            text.append(text(locale, "channel.field.paymentNo"))
                    .append(": ")
                    .append(request.paymentNo().strip())
                    .append('\n');
        }
        if (blank(request.policyCode()) != null) {
            text.append(text(locale, "channel.field.policy"))
                    .append(": ")
                    .append(request.policyCode().strip())
                    .append('\n');
        }
        for (ClaimLine line : claim) {
            if (line.differs()) {
                text.append(text(
                                locale,
                                "channel.request.claimLine",
                                line.lineNo(),
                                line.sku(),
                                Objects.toString(line.productName(), ""),
                                plain(line.ordered()),
                                line.shipped() == null ? "?" : plain(line.shipped()),
                                plain(line.received())))
                        .append('\n');
            }
        }
        if (blank(request.description()) != null) {
            text.append('\n').append(request.description().strip());
        }
        return text.toString().strip();
    }

    void record(long ticketId, Distributor profile, ChannelRequest request, List<ClaimLine> claim, CurrentUser by) {
        Map<String, Object> row = new HashMap<>();
        row.put("ticket_id", ticketId);
        row.put("kind", request.kind().name());
        row.put("distributor_id", profile.id());
        row.put("order_no", blank(request.orderNo()));
        row.put("invoice_no", blank(request.invoiceNo()));
        row.put("payment_no", blank(request.paymentNo()));
        row.put("policy_code", blank(request.policyCode()));
        row.put("created_by", by.id());
        row.put("created_at", Timestamp.from(clock.instant()));
        Number id = new SimpleJdbcInsert(jdbc)
                .withTableName("channel_requests")
                .usingGeneratedKeyColumns("id")
                .usingColumns(row.keySet().toArray(String[]::new))
                .executeAndReturnKey(row);
        for (ClaimLine line : claim) {
            jdbc.update(
                    "insert into channel_request_lines (request_id, line_no, sku, ordered, shipped, received)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    id.longValue(),
                    line.lineNo(),
                    line.sku(),
                    line.ordered(),
                    line.shipped(),
                    line.received());
        }
    }

    String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String first(String... values) {
        for (String v : values) {
            if (blank(v) != null) {
                return v.strip();
            }
        }
        return null;
    }
}
