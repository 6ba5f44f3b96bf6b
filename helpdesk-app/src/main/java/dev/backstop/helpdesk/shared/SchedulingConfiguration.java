package dev.backstop.helpdesk.shared;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
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

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService lockRenewals() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("shedlock-renewal").daemon().factory());
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource, ScheduledExecutorService lockRenewals) {
        return new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build()), lockRenewals);
    }
}
