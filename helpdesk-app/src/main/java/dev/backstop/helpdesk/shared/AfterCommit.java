package dev.backstop.helpdesk.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a hint after the surrounding transaction commits (at once when there is none; never after a rollback).
 *
 * <p>For listeners whose work is derived and may be lost — pushing a "something changed" to open browser pages,
 * nudging an in-memory index that also polls. A {@code @TransactionalEventListener} would do the same, but Spring
 * Modulith records every call of one in the event publication table (a row written and completed per listener per
 * event, each in its own transaction), which such hints do not need. Listeners whose work must not be lost (mail to a
 * customer, an assignment) stay {@code @TransactionalEventListener}s.
 */
public final class AfterCommit {

    private AfterCommit() {}

    public static void run(Runnable hint) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    hint.run();
                }
            });
        } else {
            hint.run();
        }
    }
}
