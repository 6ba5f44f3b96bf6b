package dev.backstop.helpdesk.wms;

import dev.backstop.helpdesk.shared.Sourced;
import java.util.List;

/**
 * The channel desk's view of the warehouse system: live when configured and answering within the budget
 * ({@code backstop.wms.budget}, 2 s), else the imported snapshot with its age and the reason.
 */
public interface WmsLookups {

    /** The distributor's latest shipments (newest first, at most {@code limit}). */
    Sourced<List<Shipment>> shipments(String distributorCode, int limit);

    /** The shipments of one of this distributor's orders (none when the order is another distributor's). */
    Sourced<List<Shipment>> shipmentsOfOrder(String distributorCode, String orderNo);

    /** Stock of these SKUs in every warehouse (at most 50 SKUs per call). */
    Sourced<List<StockLevel>> stock(java.util.Collection<String> skus);
}
