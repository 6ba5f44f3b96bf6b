package dev.backstop.helpdesk.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The connector of a live system that has an imported snapshot (ERP, WMS): asks the live adapter first, when one
 * other than the snapshot is configured, within the settings' budget, and answers from the snapshot when the live
 * system is down, slow or answers garbage ({@link LiveOrSnapshot}); with no live adapter, from the snapshot alone.
 *
 * @param <S> the system's port, implemented by both the snapshot and the live adapter
 */
public abstract class LiveFirstConnector<S> {

    private final S snapshot;
    private final Optional<S> live;
    private final LiveOrSnapshot lookups;

    /**
     * @param name        the system's name in the log (ERP, WMS)
     * @param systems     every adapter of the port, the snapshot among them
     * @param snapshotAge when the snapshot was last loaded (null: unknown)
     */
    protected LiveFirstConnector(
            String name,
            S snapshot,
            List<S> systems,
            LiveSystemSettings settings,
            Clock clock,
            Supplier<Instant> snapshotAge) {
        this.snapshot = snapshot;
        this.live = systems.stream().filter(s -> s != snapshot).findFirst();
        this.lookups = new LiveOrSnapshot(name, settings.budgetOrDefault(), clock, snapshotAge);
    }

    /** The same question to the live system (within the budget) or else to the snapshot, with where the answer came from. */
    protected <T> Sourced<T> ask(Function<S, T> question) {
        return live.map(system -> lookups.lookup(() -> question.apply(system), () -> question.apply(snapshot)))
                .orElseGet(() -> lookups.snapshot(() -> question.apply(snapshot)));
    }

    /** An answer that needs no system (an empty question), marked as coming from the snapshot. */
    protected <T> Sourced<T> fromSnapshot(Supplier<T> answer) {
        return lookups.snapshot(answer);
    }
}
