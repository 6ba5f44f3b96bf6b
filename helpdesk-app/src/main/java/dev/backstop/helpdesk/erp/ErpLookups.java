package dev.backstop.helpdesk.erp;

import dev.backstop.helpdesk.shared.Sourced;
import java.util.Optional;

/**
 * The channel desk's view of the ERP: the live system when one is configured and answers within the budget
 * ({@code backstop.erp.budget}, 2 s), else the imported snapshot with its age and the reason. Never throws because the
 * ERP is down.
 */
public interface ErpLookups {

    /**
     * The account's open orders and those of the last {@code recentDays} days (each with its line count and amount; the
     * lines themselves may be left out: {@link #order} has them), its invoices, payments and credit.
     */
    Sourced<ErpAccount> account(String distributorCode);

    /** One order of this distributor; empty when there is none by that number for this distributor. */
    Sourced<Optional<ErpAccount.Order>> order(String distributorCode, String orderNo);
}
