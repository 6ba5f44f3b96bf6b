package dev.backstop.helpdesk.tickets;

import java.time.Instant;

/**
 * Where a ticket stands in the closed loop: forwarded to the back office until {@code backOfficeDue}, answered,
 * the callback the desk owes the requester (due, done) and the satisfaction (1–5) recorded with it.
 */
public record ComplaintLoop(
        Instant backOfficeDue,
        Instant backOfficeAnsweredAt,
        Instant callbackDue,
        Instant callbackDoneAt,
        Integer satisfaction) {

    public boolean callbackPending() {
        return callbackDue != null && callbackDoneAt == null;
    }
}
