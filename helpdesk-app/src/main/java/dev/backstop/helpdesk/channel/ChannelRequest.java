package dev.backstop.helpdesk.channel;

import java.math.BigDecimal;
import java.util.List;

/**
 * A request raised from the distributor view. Which references are required depends on the kind: an order for a
 * delivery discrepancy, an expedite request and a policy dispute; an invoice for an invoice dispute; a payment no. or
 * the description for a payment not applied; a policy for a policy dispute.
 *
 * @param received      for a delivery discrepancy: what arrived per order line (lines not listed arrived in full)
 * @param deadlineHours null: the kind's default
 */
public record ChannelRequest(
        RequestKind kind,
        String orderNo,
        String invoiceNo,
        String paymentNo,
        String policyCode,
        String description,
        List<Received> received,
        Integer deadlineHours) {

    public ChannelRequest {
        received = received == null ? List.of() : List.copyOf(received);
    }

    public record Received(int lineNo, BigDecimal quantity) {}
}
