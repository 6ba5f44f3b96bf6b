package dev.backstop.helpdesk.tickets;

import java.util.Map;
import java.util.Set;

/**
 * These tickets are being deleted for good ({@link TicketRetention}). Published synchronously inside the deleting
 * transaction, before the ticket rows go (ids with their keys): a module with rows that refer to a ticket deletes them (or clears its
 * reference) in a plain {@code @EventListener} — not an {@code @ApplicationModuleListener}, which would run after the
 * commit, too late for the foreign keys. A listener that fails rolls the whole batch back.
 */
public record TicketsPurging(Desk desk, Map<Long, String> keysById) {

    public TicketsPurging {
        keysById = Map.copyOf(keysById);
    }

    public Set<Long> ticketIds() {
        return keysById.keySet();
    }

    /** The ids as a SQL {@code in (…)} list; they are numbers, never user input. */
    public String inList() {
        return String.join(",", keysById.keySet().stream().map(String::valueOf).toList());
    }
}
