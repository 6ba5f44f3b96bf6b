package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.erp.ErpAccount;
import dev.backstop.helpdesk.erp.ErpLookups;
import dev.backstop.helpdesk.imports.ImportHistory;
import dev.backstop.helpdesk.shared.LiveFirstConnector;
import dev.backstop.helpdesk.shared.LiveSystemSettings;
import dev.backstop.helpdesk.shared.Sourced;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Live ERP first (when an adapter other than the snapshot is configured), the snapshot when it is down, slow or
 * answers garbage. The snapshot's age is the last applied import of the ERP's kinds. Settings: {@code backstop.erp.*}.
 */
@Service
class ErpConnector extends LiveFirstConnector<ErpSystem> implements ErpLookups {

    static final String SETTINGS = "backstop.erp";
    static final List<String> KINDS = List.of("orders", "invoices", "payments", "sales-policies");

    ErpConnector(
            SnapshotErp snapshot,
            List<ErpSystem> systems,
            ImportHistory history,
            Clock clock,
            Environment environment) {
        super(
                "ERP",
                snapshot,
                systems,
                LiveSystemSettings.of(environment, SETTINGS),
                clock,
                () -> history.lastApplied(KINDS));
    }

    @Override
    public Sourced<ErpAccount> account(String distributorCode) {
        return ask(system -> system.account(distributorCode));
    }

    @Override
    public Sourced<Optional<ErpAccount.Order>> order(String distributorCode, String orderNo) {
        return ask(system -> system.order(orderNo))
                .map(order -> order.filter(o -> distributorCode.equals(o.distributorCode())));
    }
}
