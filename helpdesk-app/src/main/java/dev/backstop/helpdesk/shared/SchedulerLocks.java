package dev.backstop.helpdesk.shared;

/** The lease of every {@code @SchedulerLock}: see {@link SchedulingConfiguration}. */
public final class SchedulerLocks {

    /**
     * How long a lock lasts unless its node renews it (every half of this while the job runs). The shortest lease
     * ShedLock's keep-alive accepts; a dead node's job is taken over within this plus the job's interval.
     */
    public static final String TAKE_OVER_AFTER = "PT30S";

    private SchedulerLocks() {}
}
