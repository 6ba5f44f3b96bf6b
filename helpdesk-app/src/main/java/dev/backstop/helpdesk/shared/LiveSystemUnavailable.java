package dev.backstop.helpdesk.shared;

/**
 * Thrown by an adapter of a live system (ERP, WMS) that could not give a usable answer; the lookup falls back to the
 * snapshot and shows {@link #problem()}. Never reaches a user as an error.
 */
public class LiveSystemUnavailable extends RuntimeException {

    private final Sourced.Problem problem;

    public LiveSystemUnavailable(Sourced.Problem problem, String detail, Throwable cause) {
        super(problem + ": " + detail, cause);
        this.problem = problem;
    }

    public Sourced.Problem problem() {
        return problem;
    }
}
