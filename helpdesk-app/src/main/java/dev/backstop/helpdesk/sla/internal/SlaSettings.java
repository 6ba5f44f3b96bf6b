package dev.backstop.helpdesk.sla.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code backstop.sla.escalation.*}: whether the scheduled pass runs, and the further levels after a breach
 * (business time past the due time, each one level up) with the role they notify.
 */
@ConfigurationProperties("backstop.sla.escalation")
record SlaSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4h,16h") List<Duration> furtherAfter,
        @DefaultValue("ADMIN") String furtherNotifyRole) {}
