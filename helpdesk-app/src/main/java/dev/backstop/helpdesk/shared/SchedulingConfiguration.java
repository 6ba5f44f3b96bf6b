package dev.backstop.helpdesk.shared;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (SLA escalations, outreach, upload clean-up …) run on every app node; ShedLock's table in the shared
 * database makes one node at a time run each job. A lock is taken for {@link SchedulerLocks#TAKE_OVER_AFTER} and
 * renewed every half of that while its node works ({@link KeepAliveLockProvider}): a long pass keeps its lock, and
 * the lock of a node that died runs out within 30 s, so another node takes the work over within a minute (ADR
 * "several nodes"). Jobs must still be safe to run twice (the SLA escalations' unique key, outreach's claims): a
 * node cut off from the database for longer than the lease may still be finishing a pass.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
class SchedulingConfiguration {

    /**
     * The renewals run on a thread of their own, never on the scheduler's: a long pass must not starve its own lease.
     * (Not a bean: a {@code ScheduledExecutorService} bean would become the scheduler of every {@code @Scheduled}.)
     */
    @Bean
    RenewedLocks lockProvider(DataSource dataSource) {
        return new RenewedLocks(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build()));
    }

    static final class RenewedLocks implements LockProvider, DisposableBean {

        private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("shedlock-renewal").daemon().factory());
        private final KeepAliveLockProvider locks;

        RenewedLocks(JdbcTemplateLockProvider provider) {
            this.locks = new KeepAliveLockProvider(provider, renewals);
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
