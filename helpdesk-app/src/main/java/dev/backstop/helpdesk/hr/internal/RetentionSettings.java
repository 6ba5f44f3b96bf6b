package dev.backstop.helpdesk.hr.internal;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the HR desk keeps each kind of record ({@code backstop.hr.retention.*}, {@link Period}s such as
 * {@code 5y} or {@code P18M}) and how many rows one transaction deletes; the job runs every
 * {@code backstop.hr.retention.interval} (6 hours).
 *
 * @param payslips   a payslip (with its items) from its pay period's end; 5 years (wage records are kept at least two
 *                   years under the Provisional Regulations on Wage Payment art. 6; tax records longer)
 * @param hrTickets  a closed HR ticket from its resolution, with its timeline, attachments and every row that refers
 *                   to it ({@code tickets.TicketRetention}); 3 years
 * @param accessLog  a row of {@code hr_access_log} from the read; 3 years (PIPL art. 56 keeps assessment records 3 years)
 * @param feedback   feedback about a branch from its last activity; 2 years
 */
@ConfigurationProperties("backstop.hr.retention")
public record RetentionSettings(
        @DefaultValue("5y") Period payslips,
        @DefaultValue("3y") Period hrTickets,
        @DefaultValue("3y") Period accessLog,
        @DefaultValue("2y") Period feedback,
        @DefaultValue("500") int batchSize) {}
