package dev.backstop.helpdesk.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a live system within a time budget and falls back to the snapshot, saying why and how old the snapshot is.
 * Nothing at the desk fails because the ERP is down: any failure of the live call becomes a {@link Sourced.Problem}.
 */
public final class LiveOrSnapshot {

    private static final Logger log = LoggerFactory.getLogger(LiveOrSnapshot.class);
    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    private final String system;
    private final Duration budget;
    private final Clock clock;
    private final Supplier<Instant> snapshotAge;

    /**
     * @param system      a name for the log (ERP, WMS)
     * @param budget      the longest the desk waits for the live system
     * @param snapshotAge when the snapshot was last loaded (null: unknown)
     */
    public LiveOrSnapshot(String system, Duration budget, Clock clock, Supplier<Instant> snapshotAge) {
        this.system = system;
        this.budget = budget;
        this.clock = clock;
        this.snapshotAge = snapshotAge;
    }

    /** Snapshot only: no live system is configured. */
    public <T> Sourced<T> snapshot(Supplier<T> snapshot) {
        return Sourced.snapshot(snapshot.get(), snapshotAge.get(), null);
    }

    /** The live answer if it comes within the budget, else the snapshot with the reason. */
    public <T> Sourced<T> lookup(Supplier<T> live, Supplier<T> snapshot) {
        CompletableFuture<T> call = CompletableFuture.supplyAsync(live, CALLS);
        Sourced.Problem problem;
        try {
            T value = call.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            if (value != null) {
                return Sourced.live(value, clock.instant());
            }
            problem = Sourced.Problem.BAD_ANSWER;
        } catch (TimeoutException e) {
            call.cancel(true);
            problem = Sourced.Problem.SLOW;
        } catch (ExecutionException e) {
            problem = e.getCause() instanceof LiveSystemUnavailable unavailable
                    ? unavailable.problem()
                    : Sourced.Problem.UNREACHABLE;
            log.debug("{} lookup failed, using the snapshot", system, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = Sourced.Problem.SLOW;
        }
        log.info("{} not used ({}), answering from the snapshot", system, problem);
        return Sourced.snapshot(snapshot.get(), snapshotAge.get(), problem);
    }
}
