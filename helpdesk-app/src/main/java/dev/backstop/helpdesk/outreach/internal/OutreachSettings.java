package dev.backstop.helpdesk.outreach.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code backstop.outreach.*}: how many messages a sender pass takes per batch, how long a claimed message may stay
 * "being sent" before it counts as interrupted (it is then marked failed, never sent again), and how long a
 * response link works.
 */
@ConfigurationProperties("backstop.outreach")
record OutreachSettings(
        @DefaultValue("50") int batchSize,
        @DefaultValue("10m") Duration claimTimeout,
        @DefaultValue("30d") Duration responseValidFor) {}
