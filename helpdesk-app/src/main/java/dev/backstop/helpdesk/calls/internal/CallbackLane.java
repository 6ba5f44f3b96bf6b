package dev.backstop.helpdesk.calls.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One lane per node for the CTI events that may open a callback ticket (a hang-up that did not end an established
 * call, an {@code abandoned} event), taken <em>before</em> the event's transaction asks the pool for a connection.
 * <p>
 * Opening a ticket numbers it on the desk's row of {@code ticket_key_sequences}, locked until the opening commits
 * (gapless keys, {@code tickets.internal.TicketKeys}). Several abandoned calls at once therefore wait for each other in
 * the database anyway; without the lane each of them waited there holding a pool connection, and a burst of them
 * emptied the pool for the {@code newCall} and {@code answer} events whose screen pops agents wait for (pool time-outs
 * in the screen-pop benchmark, ADR 0036). With the lane they wait here, in memory, holding nothing; other nodes still
 * meet on the row, one connection each at most.
 */
@Component
class CallbackLane {

    private final Semaphore lane = new Semaphore(1, true);

    /** Whether the event may open a callback task: decided from the event alone, before any database read. */
    static boolean mayOpenCallback(CtiEvent e) {
        if ("abandoned".equals(e.event())) {
            return true;
        }
        return "hangup".equals(e.event()) && !"normalClearing".equals(e.cause()) && !"forwarded".equals(e.cause());
    }

    <T> T run(CtiEvent e, Supplier<T> handling) {
        if (!mayOpenCallback(e)) {
            return handling.get();
        }
        lane.acquireUninterruptibly();
        try {
            return handling.get();
        } finally {
            lane.release();
        }
    }
}
