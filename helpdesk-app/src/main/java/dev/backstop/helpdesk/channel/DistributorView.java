package dev.backstop.helpdesk.channel;

import dev.backstop.helpdesk.distributors.Distributor;
import dev.backstop.helpdesk.erp.ErpAccount;
import dev.backstop.helpdesk.erp.SalesPolicy;
import dev.backstop.helpdesk.shared.Sourced;
import dev.backstop.helpdesk.tickets.TicketSummary;
import dev.backstop.helpdesk.wms.Shipment;
import java.util.List;

/**
 * Everything the desk needs on a distributor's call, in one answer: the profile, the ERP's account (orders with
 * their line count and amount — the lines are on the order's page —, invoices, payments, credit) and the WMS's shipments, each saying whether it is live or a snapshot and how old,
 * the account's open tickets and its last interactions, and the sales policies valid today that may apply.
 */
public record DistributorView(
        Distributor profile,
        Sourced<ErpAccount> erp,
        Sourced<List<Shipment>> shipments,
        List<TicketSummary> openTickets,
        List<TicketSummary> lastInteractions,
        List<SalesPolicy> policies) {

    /** The orders not yet delivered, cancelled or closed. */
    public List<ErpAccount.Order> openOrders() {
        return erp.value().orders().stream().filter(ErpAccount.Order::open).toList();
    }

    public List<ErpAccount.Invoice> overdueInvoices() {
        return erp.value().invoices().stream()
                .filter(ErpAccount.Invoice::overdue)
                .toList();
    }

    /** The shipments of one order, as far as the view lists them. */
    public List<Shipment> shipmentsOf(String orderNo) {
        return shipments.value().stream()
                .filter(s -> orderNo.equals(s.orderNo()))
                .toList();
    }
}
