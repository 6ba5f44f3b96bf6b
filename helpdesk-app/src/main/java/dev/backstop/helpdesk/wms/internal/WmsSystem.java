package dev.backstop.helpdesk.wms.internal;

import dev.backstop.helpdesk.wms.Shipment;
import java.util.List;

/** The port to a warehouse system: REST or the imported snapshot. */
interface WmsSystem {

    List<Shipment> shipments(String distributorCode, int limit);

    List<Shipment> shipmentsOfOrder(String orderNo);

    /** Stock of these SKUs by warehouse. */
    List<dev.backstop.helpdesk.wms.StockLevel> stock(java.util.Collection<String> skus);
}
