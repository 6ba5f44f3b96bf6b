package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.erp.ErpAccount;
import dev.backstop.helpdesk.erp.ErpLookups;
import dev.backstop.helpdesk.imports.ImportHistory;
import dev.backstop.helpdesk.shared.LiveOrSnapshot;
import dev.backstop.helpdesk.shared.Sourced;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Live ERP first (when an adapter other than the snapshot is configured), the snapshot when it is down, slow or
 * answers garbage. The snapshot's age is the last applied import of the ERP's kinds.
 */
@Service
class ErpConnector implements ErpLookups {

    static final List<String> KINDS = List.of("orders", "invoices", "payments", "sales-policies");

    private final SnapshotErp snapshot;
    private final Optional<ErpSystem> live;
    private final LiveOrSnapshot lookups;

    ErpConnector(SnapshotErp snapshot, List<ErpSystem> systems, ImportHistory history, Clock clock,
            ErpSettings settings) {
        Duration budget = settings.budget() == null ? Duration.ofSeconds(2) : settings.budget();
        this.snapshot = snapshot;
        this.live = systems.stream().filter(s -> s != snapshot).findFirst();
        this.lookups = new LiveOrSnapshot("ERP", budget, clock, () -> history.lastApplied(KINDS));
    }

    @Override
    public Sourced<ErpAccount> account(String distributorCode) {
        return live.map(system -> lookups.lookup(() -> system.account(distributorCode), () -> snapshot.account(distributorCode)))
                .orElseGet(() -> lookups.snapshot(() -> snapshot.account(distributorCode)));
    }

    @Override
    public Sourced<Optional<ErpAccount.Order>> order(String distributorCode, String orderNo) {
        Sourced<Optional<ErpAccount.Order>> found = live
                .map(system -> lookups.lookup(() -> system.order(orderNo), () -> snapshot.order(orderNo)))
                .orElseGet(() -> lookups.snapshot(() -> snapshot.order(orderNo)));
        return found.map(order -> order.filter(o -> distributorCode.equals(o.distributorCode())));
    }
}
