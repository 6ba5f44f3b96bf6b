package dev.backstop.helpdesk.channel;

import dev.backstop.helpdesk.distributors.Distributor;
import dev.backstop.helpdesk.erp.ErpAccount;
import dev.backstop.helpdesk.shared.Sourced;
import dev.backstop.helpdesk.wms.Shipment;
import java.math.BigDecimal;
import java.util.List;

/**
 * One order of an account with its shipments and, per line, what was ordered and what the warehouse shipped: the
 * basis of a delivery discrepancy; and the stock of its SKUs by warehouse (for an expedite request).
 */
public record OrderDetail(
        Distributor profile,
        Sourced<ErpAccount.Order> order,
        Sourced<List<Shipment>> shipments,
        List<LineStatus> lines,
        Sourced<List<dev.backstop.helpdesk.wms.StockLevel>> stock) {

    /** @param shipped null when the WMS does not report lines for this order's shipments */
    public record LineStatus(int lineNo, String sku, String productName, BigDecimal ordered, BigDecimal shipped) {

        @com.fasterxml.jackson.annotation.JsonProperty("shortShipped")
        public boolean shortShipped() {
            return shipped != null && shipped.compareTo(ordered) < 0;
        }
    }
}
