package dev.backstop.helpdesk.shared;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands unfinished event publications to their listeners again: a node killed between a commit and its after-commit
 * listeners (push assignment, survey, answer e-mail …) leaves the publication in Spring Modulith's registry. Shortly
 * after start-up and then every {@code backstop.events.resubmit-interval}, one node (ShedLock) resubmits every
 * publication older than {@code backstop.events.resubmit-after} (2 min) — old enough that no live node is still working
 * on it. This is also how a listener that failed (a mail server down: the send throws) is tried again.
 * The listeners are safe to run again (push assignment only takes an unassigned ticket, a survey is sent once per
 * ticket). Not {@code republish-outstanding-events-on-restart}: on several nodes a restarting node would re-run the
 * publications the others are processing at that moment.
 */
@Component
public class UnfinishedEvents {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedEvents.class);

    private final IncompleteEventPublications incomplete;
    private final Duration after;

    UnfinishedEvents(
            IncompleteEventPublications incomplete, @Value("${backstop.events.resubmit-after:2m}") Duration after) {
        this.incomplete = incomplete;
        this.after = after;
    }

    @Scheduled(
            initialDelayString = "${backstop.events.resubmit-initial-delay:20s}",
            fixedDelayString = "${backstop.events.resubmit-interval:1m}")
    @SchedulerLock(name = "event-resubmission", lockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
    public void scheduledPass() {
        try {
            resubmit();
        } catch (RuntimeException ex) {
            log.warn("Resubmitting unfinished event publications failed; the next pass retries: {}", ex.toString());
        }
    }

    /** Resubmits every publication older than the configured age. */
    public void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(after);
    }
}
