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
 * Work that must not be lost runs in {@code @ApplicationModuleListener}s: asynchronously after the commit, in a
 * transaction of its own on a thread of its own, recorded in the event publication table in the transaction that
 * published the event. A listener that failed (or whose node stopped) leaves its publication incomplete; this pass runs
 * it again once it is older than {@code backstop.events.retry-after}. Listeners are written to be safe to run twice
 * (guarded updates), as ShedLock's lock may expire while a slow node is still working.
 */
@Component
class ListenerRetries {

    private static final Logger log = LoggerFactory.getLogger(ListenerRetries.class);

    private final IncompleteEventPublications incomplete;
    private final Duration retryAfter;

    ListenerRetries(IncompleteEventPublications incomplete,
            @Value("${backstop.events.retry-after:2m}") Duration retryAfter) {
        this.incomplete = incomplete;
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${backstop.events.retry-interval:1m}",
            initialDelayString = "${backstop.events.retry-interval:1m}")
    @SchedulerLock(name = "event-listener-retries", lockAtMostFor = "PT5M")
    public void retry() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
        } catch (RuntimeException e) {
            log.warn("could not resubmit incomplete event publications; the next pass tries again", e);
        }
    }
}
