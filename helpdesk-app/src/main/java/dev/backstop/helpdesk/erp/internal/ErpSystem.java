package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.erp.ErpAccount;
import java.util.Optional;

/**
 * The port to an ERP: one adapter per way of reaching it (REST, the imported snapshot). An adapter that cannot answer
 * throws {@link dev.backstop.helpdesk.shared.LiveSystemUnavailable} (or anything: it is treated as unreachable).
 */
interface ErpSystem {

    /**
     * An unknown distributor gives an account with no orders, invoices or payments. The orders' lines may be left out
     * (the snapshot does: only their number and amount), never their {@code lineCount}.
     */
    ErpAccount account(String distributorCode);

    /** The order by number, whichever distributor it belongs to; empty when the ERP has no such order. */
    Optional<ErpAccount.Order> order(String orderNo);
}
