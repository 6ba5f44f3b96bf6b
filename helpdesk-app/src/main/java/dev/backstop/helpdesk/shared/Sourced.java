package dev.backstop.helpdesk.shared;

import java.time.Instant;
import java.util.function.Function;

/**
 * Data from another system (ERP, WMS) with where it came from: the live system, or the snapshot last imported
 * from its exports with the snapshot's age, and why the live system was not used.
 *
 * @param value   never null (an empty list or empty optional when there is nothing)
 * @param origin  {@link Origin#LIVE} or {@link Origin#SNAPSHOT}
 * @param asOf    when the data was true: now for live data; the last applied import for a snapshot (null: unknown)
 * @param problem why the live system was not used ({@code null} when live, or when no live system is configured)
 */
public record Sourced<T>(T value, Origin origin, Instant asOf, Problem problem) {

    public enum Origin {
        LIVE,
        SNAPSHOT
    }

    /** Why a lookup fell back to the snapshot. Each has a message key {@code sourced.problem.<name>}. */
    public enum Problem {
        /** Connection refused, DNS, TLS, an HTTP 5xx or 4xx other than not found. */
        UNREACHABLE,
        /** No answer within the budget. */
        SLOW,
        /** An answer that is not the documented JSON: malformed, wrong content type, missing fields. */
        BAD_ANSWER,
        /** The circuit breaker is open after repeated failures: the system is not asked until it half-opens. */
        CIRCUIT_OPEN,
        /** Too many lookups in flight to the system (bulkhead full). */
        BUSY;

        public String messageKey() {
            return "sourced.problem." + name();
        }
    }

    public static <T> Sourced<T> live(T value, Instant now) {
        return new Sourced<>(value, Origin.LIVE, now, null);
    }

    public static <T> Sourced<T> snapshot(T value, Instant asOf, Problem problem) {
        return new Sourced<>(value, Origin.SNAPSHOT, asOf, problem);
    }

    public boolean live() {
        return origin == Origin.LIVE;
    }

    public <R> Sourced<R> map(Function<? super T, ? extends R> mapper) {
        return new Sourced<>(mapper.apply(value), origin, asOf, problem);
    }
}
