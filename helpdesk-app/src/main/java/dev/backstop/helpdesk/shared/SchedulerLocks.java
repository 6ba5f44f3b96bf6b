package dev.backstop.helpdesk.shared;

/** The lease of every {@code @SchedulerLock}: see {@link SchedulingConfiguration}. */
public final class SchedulerLocks {

    /**
     * How long a lock lasts unless its node renews it (every half of this while the job runs): the setting
     * {@code backstop.scheduling.lease}, 30 s unless set (the shortest lease ShedLock's keep-alive takes by default); a
     * dead node's job is taken over within this plus the job's interval. Only tests set it shorter
     * ({@code SeveralNodesTests}: a few seconds, so proving a take-over does not wait for half a minute twice).
     */
    public static final String TAKE_OVER_AFTER = "${backstop.scheduling.lease:PT30S}";

    /** The default lease, for {@code @EnableSchedulerLock} (every {@code @SchedulerLock} here names its own). */
    static final String DEFAULT_LEASE = "PT30S";

    private SchedulerLocks() {}
}
