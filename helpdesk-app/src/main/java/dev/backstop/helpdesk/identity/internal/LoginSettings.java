package dev.backstop.helpdesk.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of failed logins: each failure waits {@code delayPerFailure} × failures (capped at
 * {@code maxDelay}) before answering; {@code maxFailures} in a row lock the account for {@code lockDuration}.
 */
@ConfigurationProperties("backstop.security.login")
record LoginSettings(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("250ms") Duration delayPerFailure,
        @DefaultValue("2s") Duration maxDelay) {}
