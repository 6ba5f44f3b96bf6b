package dev.backstop.helpdesk.channel;

import dev.backstop.helpdesk.tickets.TicketType;

/**
 * What a distributor asks that another department must do, and the department kind it is forwarded to with a deadline
 * in business hours.
 */
public enum RequestKind {
    /** Ordered vs shipped vs received differ on some lines. */
    DELIVERY_DISCREPANCY("LOGISTICS", TicketType.COMPLAINT, 24, true),
    EXPEDITE("LOGISTICS", TicketType.SERVICE_REQUEST, 8, true),
    /** A payment made but not applied to the invoice, or a remittance to confirm. */
    PAYMENT_NOT_APPLIED("FINANCE", TicketType.SERVICE_REQUEST, 24, false),
    INVOICE_DISPUTE("FINANCE", TicketType.COMPLAINT, 48, false),
    POLICY_DISPUTE("SALES", TicketType.COMPLAINT, 48, true);

    private final String departmentKind;
    private final TicketType ticketType;
    private final int deadlineHours;
    private final boolean needsOrder;

    RequestKind(String departmentKind, TicketType ticketType, int deadlineHours, boolean needsOrder) {
        this.departmentKind = departmentKind;
        this.ticketType = ticketType;
        this.deadlineHours = deadlineHours;
        this.needsOrder = needsOrder;
    }

    public String departmentKind() {
        return departmentKind;
    }

    public TicketType ticketType() {
        return ticketType;
    }

    /** The default back-office deadline in business hours. */
    public int deadlineHours() {
        return deadlineHours;
    }

    public boolean needsOrder() {
        return needsOrder;
    }
}
