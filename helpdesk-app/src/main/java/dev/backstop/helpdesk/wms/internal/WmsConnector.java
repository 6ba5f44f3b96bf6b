package dev.backstop.helpdesk.wms.internal;

import dev.backstop.helpdesk.imports.ImportHistory;
import dev.backstop.helpdesk.shared.LiveFirstConnector;
import dev.backstop.helpdesk.shared.LiveSystemSettings;
import dev.backstop.helpdesk.shared.Sourced;
import dev.backstop.helpdesk.wms.Shipment;
import dev.backstop.helpdesk.wms.StockLevel;
import dev.backstop.helpdesk.wms.WmsLookups;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/** Live WMS first (when configured), the snapshot when it is down, slow or answers garbage. Settings: {@code backstop.wms.*}. */
@Service
class WmsConnector extends LiveFirstConnector<WmsSystem> implements WmsLookups {

    static final String SETTINGS = "backstop.wms";
    static final List<String> KINDS = List.of("shipments", "shipment-lines", "stock");

    WmsConnector(
            SnapshotWms snapshot,
            List<WmsSystem> systems,
            ImportHistory history,
            Clock clock,
            Environment environment) {
        super(
                "WMS",
                snapshot,
                systems,
                LiveSystemSettings.of(environment, SETTINGS),
                clock,
                () -> history.lastApplied(KINDS));
    }

    @Override
    public Sourced<List<Shipment>> shipments(String distributorCode, int limit) {
        return ask(system -> system.shipments(distributorCode, limit));
    }

    @Override
    public Sourced<List<StockLevel>> stock(Collection<String> skus) {
        List<String> wanted = skus.stream()
                .filter(s -> s != null && !s.isBlank())
                .distinct()
                .limit(50)
                .toList();
        if (wanted.isEmpty()) {
            return fromSnapshot(List::of);
        }
        return ask(system -> system.stock(wanted));
    }

    @Override
    public Sourced<List<Shipment>> shipmentsOfOrder(String distributorCode, String orderNo) {
        return ask(system -> system.shipmentsOfOrder(orderNo))
                .map(list -> list.stream()
                        .filter(s -> distributorCode.equals(s.distributorCode()))
                        .toList());
    }
}
