package dev.backstop.helpdesk.workspace;

import dev.backstop.helpdesk.shared.AfterCommit;
import dev.backstop.helpdesk.tickets.TicketChanged;
import dev.backstop.helpdesk.tickets.TicketFeed;
import dev.backstop.helpdesk.tickets.TicketOpened;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Live pages hear what other app nodes change: while any queue or ticket page is open on this node, it reads the
 * tickets changed in the last {@code lookback} by {@code updated_at} every {@code interval} and pushes those not
 * pushed yet (this node's own changes were pushed at their commit). Without it, with several
 * nodes behind a load balancer a page heard only the changes made through its own node.
 */
@Component
class OtherNodesChanges {

    private final TicketFeed feed;
    private final QueueStream queues;
    private final TicketStream tickets;
    private final Clock clock;
    private final Duration lookback;
    /** Ticket id → the change time last pushed for it (pruned after twice the look-back). */
    private final Map<Long, Instant> pushed = new ConcurrentHashMap<>();

    private final Duration interval;
    private volatile Instant listeningSince;

    OtherNodesChanges(
            TicketFeed feed,
            QueueStream queues,
            TicketStream tickets,
            Clock clock,
            @Value("${backstop.workspace.live.lookback:10s}") Duration lookback,
            @Value("${backstop.workspace.live.interval:1s}") Duration interval) {
        this.interval = interval;
        this.feed = feed;
        this.queues = queues;
        this.tickets = tickets;
        this.clock = clock;
        this.lookback = lookback;
    }

    /** A change on this node: the streams push it at its commit, so the poll need not push it again. */
    @EventListener
    void on(TicketOpened opened) {
        AfterCommit.run(() -> pushed(opened.ticketId(), opened.openedAt()));
    }

    @EventListener
    void on(TicketChanged changed) {
        AfterCommit.run(() -> pushed(changed.id(), changed.at()));
    }

    private void pushed(long ticketId, Instant at) {
        pushed.merge(ticketId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Scheduled(
            initialDelayString = "${backstop.workspace.live.interval:1s}",
            fixedDelayString = "${backstop.workspace.live.interval:1s}")
    void poll() {
        if (!queues.anyListener() && !tickets.anyListener()) {
            pushed.clear();
            listeningSince = null;
            return;
        }
        Instant now = clock.instant();
        if (listeningSince == null) {
            listeningSince = now.minus(interval); // what changed before the pages opened, they loaded already
        }
        Instant from = now.minus(lookback);
        for (TicketFeed.Change change : feed.changedSince(from.isAfter(listeningSince) ? from : listeningSince, 1000)) {
            Instant before = pushed.get(change.id());
            if (before == null || change.updatedAt().isAfter(before)) {
                pushed(change.id(), change.updatedAt());
                queues.publish(change.desk(), change.key());
                tickets.publish(change.id(), change.key());
            }
        }
        Instant forget = now.minus(lookback.multipliedBy(2));
        pushed.values().removeIf(at -> at.isBefore(forget));
    }
}
