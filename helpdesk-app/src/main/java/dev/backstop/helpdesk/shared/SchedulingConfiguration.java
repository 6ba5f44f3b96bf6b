package dev.backstop.helpdesk.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (SLA escalations, outreach, upload clean-up …) run on every app node; ShedLock's table in the shared
 * database makes one node at a time run each job. A lock is taken for {@link SchedulerLocks#TAKE_OVER_AFTER} and
 * renewed every half of that while its node works ({@link KeepAliveLockProvider}): a long pass keeps its lock, and
 * the lock of a node that died runs out within 30 s, so another node takes the work over within a minute (ADR
 * "several nodes"). The lease is {@code backstop.scheduling.lease}, set shorter only by tests (ADR "tests in
 * layers"). Jobs must still be safe to run twice (the SLA escalations' unique key, outreach's claims): a node cut off
 * from the database for longer than the lease may still be finishing a pass.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = SchedulerLocks.DEFAULT_LEASE)
class SchedulingConfiguration {

    /**
     * The renewals run on a thread of their own, never on the scheduler's: a long pass must not starve its own lease.
     * (Not a bean: a {@code ScheduledExecutorService} bean would become the scheduler of every {@code @Scheduled}.)
     */
    @Bean
    RenewedLocks lockProvider(DataSource dataSource, @Value("${backstop.scheduling.lease:30s}") Duration lease) {
        return new RenewedLocks(
                new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()),
                lease);
    }

    static final class RenewedLocks implements LockProvider, DisposableBean {

        private static final Duration KEEP_ALIVE_MINIMUM = Duration.ofSeconds(30);

        private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("shedlock-renewal").daemon().factory());
        private final KeepAliveLockProvider locks;

        RenewedLocks(JdbcTemplateLockProvider provider, Duration lease) {
            this.locks = lease.compareTo(KEEP_ALIVE_MINIMUM) >= 0
                    ? new KeepAliveLockProvider(provider, renewals)
                    : shorterKeepAlive(provider, renewals, lease);
        }

        /**
         * ShedLock's keep-alive refuses leases under 30 s through its public constructor; its package-private one takes
         * the minimum. Used only when {@code backstop.scheduling.lease} is set below 30 s (tests that prove a take-over);
         * the default path above is the library's public one.
         */
        private static KeepAliveLockProvider shorterKeepAlive(
                JdbcTemplateLockProvider provider, ScheduledExecutorService renewals, Duration lease) {
            try {
                var constructor = KeepAliveLockProvider.class.getDeclaredConstructor(
                        ExtensibleLockProvider.class, ScheduledExecutorService.class, Duration.class);
                constructor.setAccessible(true);
                return constructor.newInstance(provider, renewals, lease);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("backstop.scheduling.lease below 30 s needs ShedLock's keep-alive", e);
            }
        }

        @Override
        public Optional<SimpleLock> lock(LockConfiguration configuration) {
            return locks.lock(configuration);
        }

        @Override
        public void destroy() {
            renewals.shutdownNow();
        }
    }
}
