package dev.backstop.helpdesk.wms.internal;

import dev.backstop.helpdesk.imports.ImportHistory;
import dev.backstop.helpdesk.shared.LiveOrSnapshot;
import dev.backstop.helpdesk.shared.Sourced;
import dev.backstop.helpdesk.wms.Shipment;
import dev.backstop.helpdesk.wms.WmsLookups;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Live WMS first (when configured), the snapshot when it is down, slow or answers garbage. */
@Service
class WmsConnector implements WmsLookups {

    static final List<String> KINDS = List.of("shipments", "shipment-lines", "stock");

    private final SnapshotWms snapshot;
    private final Optional<WmsSystem> live;
    private final LiveOrSnapshot lookups;

    WmsConnector(SnapshotWms snapshot, List<WmsSystem> systems, ImportHistory history, Clock clock,
            WmsSettings settings) {
        Duration budget = settings.budget() == null ? Duration.ofSeconds(2) : settings.budget();
        this.snapshot = snapshot;
        this.live = systems.stream().filter(s -> s != snapshot).findFirst();
        this.lookups = new LiveOrSnapshot("WMS", budget, clock, () -> history.lastApplied(KINDS));
    }

    @Override
    public Sourced<List<Shipment>> shipments(String distributorCode, int limit) {
        return live.map(system -> lookups.lookup(() -> system.shipments(distributorCode, limit),
                        () -> snapshot.shipments(distributorCode, limit)))
                .orElseGet(() -> lookups.snapshot(() -> snapshot.shipments(distributorCode, limit)));
    }

    @Override
    public Sourced<List<dev.backstop.helpdesk.wms.StockLevel>> stock(java.util.Collection<String> skus) {
        List<String> wanted = skus.stream().filter(s -> s != null && !s.isBlank()).distinct().limit(50).toList();
        if (wanted.isEmpty()) {
            return lookups.snapshot(List::of);
        }
        return live.map(system -> lookups.lookup(() -> system.stock(wanted), () -> snapshot.stock(wanted)))
                .orElseGet(() -> lookups.snapshot(() -> snapshot.stock(wanted)));
    }

    @Override
    public Sourced<List<Shipment>> shipmentsOfOrder(String distributorCode, String orderNo) {
        Sourced<List<Shipment>> found = live
                .map(system -> lookups.lookup(() -> system.shipmentsOfOrder(orderNo), () -> snapshot.shipmentsOfOrder(orderNo)))
                .orElseGet(() -> lookups.snapshot(() -> snapshot.shipmentsOfOrder(orderNo)));
        return found.map(list -> list.stream().filter(s -> distributorCode.equals(s.distributorCode())).toList());
    }
}
