package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.shared.SchedulerLocks;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketRetention;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes HR records older than their retention period ({@link RetentionSettings}), on one node at a time (ShedLock),
 * in batches of {@code batchSize} rows, each batch its own transaction. Each batch writes one {@code hr_retention_log}
 * row in the same transaction — what kind, how many, the cut-off; never the values — so a deletion without its record
 * cannot exist. Payslips go by pay period (the whole month must lie before the cut-off), closed HR tickets by the time
 * they were resolved (with everything that refers to them, through {@link TicketRetention}), access-log rows by the
 * time of the read, feedback by its last activity (with its replies).
 */
@Component
public class HrRetention {

    private static final Logger log = LoggerFactory.getLogger(HrRetention.class);

    /** The kinds of record the job deletes, as written in {@code hr_retention_log.kind}. */
    public static final String PAYSLIPS = "PAYSLIPS";

    public static final String HR_TICKETS = "HR_TICKETS";
    public static final String ACCESS_LOG = "ACCESS_LOG";
    public static final String FEEDBACK = "FEEDBACK";

    private final JdbcTemplate jdbc;
    private final TicketRetention tickets;
    private final TransactionTemplate transactions;
    private final RetentionSettings settings;
    private final Clock clock;

    HrRetention(
            JdbcTemplate jdbc,
            TicketRetention tickets,
            PlatformTransactionManager transactions,
            RetentionSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.transactions = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${backstop.hr.retention.initial-delay:5m}",
            fixedDelayString = "${backstop.hr.retention.interval:6h}")
    @SchedulerLock(name = "hr-retention", lockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
    public void scheduledPass() {
        try {
            Map<String, Integer> deleted = run();
            if (deleted.values().stream().anyMatch(n -> n > 0)) {
                log.info("HR retention deleted {}", deleted);
            }
        } catch (RuntimeException ex) {
            log.warn("HR retention failed; the next pass retries: {}", ex.toString());
        }
    }

    /** One pass over every kind: how many rows of each were deleted. */
    public Map<String, Integer> run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, Integer> deleted = new LinkedHashMap<>();

        LocalDate payslipCutoff = today.minus(settings.payslips());
        String firstKeptPeriod = YearMonth.from(payslipCutoff).toString();
        deleted.put(
                PAYSLIPS,
                inBatches(
                        PAYSLIPS,
                        payslipCutoff.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        n -> jdbc.queryForList(
                                "select id from hr_payslips where period < ? order by id fetch first %d rows only"
                                        .formatted(n),
                                Long.class,
                                firstKeptPeriod),
                        List.of(
                                "delete from hr_payslip_items where payslip_id in (%s)",
                                "delete from hr_payslips where id in (%s)")));

        Instant ticketCutoff =
                today.minus(settings.hrTickets()).atStartOfDay(ZoneOffset.UTC).toInstant();
        deleted.put(
                HR_TICKETS,
                inBatches(
                        HR_TICKETS,
                        ticketCutoff,
                        () -> tickets.purgeClosed(Desk.HR, ticketCutoff, settings.batchSize())));

        Instant accessCutoff =
                today.minus(settings.accessLog()).atStartOfDay(ZoneOffset.UTC).toInstant();
        deleted.put(
                ACCESS_LOG,
                inBatches(
                        ACCESS_LOG,
                        accessCutoff,
                        n -> jdbc.queryForList(
                                "select id from hr_access_log where read_at < ? order by id fetch first %d rows only"
                                        .formatted(n),
                                Long.class,
                                Timestamp.from(accessCutoff)),
                        List.of("delete from hr_access_log where id in (%s)")));

        LocalDate feedbackCutoff = today.minus(settings.feedback());
        deleted.put(
                FEEDBACK,
                inBatches(
                        FEEDBACK,
                        feedbackCutoff.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        n -> jdbc.queryForList(
                                "select id from hr_feedback where last_activity_on < ? order by id fetch first %d rows only"
                                        .formatted(n),
                                Long.class,
                                Date.valueOf(feedbackCutoff)),
                        List.of(
                                "delete from hr_feedback_replies where feedback_id in (%s)",
                                "delete from hr_feedback where id in (%s)")));
        return deleted;
    }

    private int inBatches(String kind, Instant cutoff, Function<Integer, List<Long>> nextBatch, List<String> deletes) {
        return inBatches(kind, cutoff, () -> {
            List<Long> ids = nextBatch.apply(settings.batchSize());
            if (ids.isEmpty()) {
                return 0;
            }
            String in = String.join(",", ids.stream().map(String::valueOf).toList());
            for (String delete : deletes) {
                jdbc.update(delete.formatted(in));
            }
            return ids.size();
        });
    }

    /** Runs {@code deleteOneBatch} in its own transaction, with its log row, until it deletes nothing. */
    private int inBatches(String kind, Instant cutoff, IntSupplier deleteOneBatch) {
        int total = 0;
        while (true) {
            Integer done = transactions.execute(status -> {
                int deleted = deleteOneBatch.getAsInt();
                if (deleted == 0) {
                    return 0;
                }
                jdbc.update(
                        "insert into hr_retention_log (kind, cutoff, deleted, ran_at) values (?, ?, ?, ?)",
                        kind,
                        Timestamp.from(cutoff),
                        deleted,
                        Timestamp.from(clock.instant()));
                return deleted;
            });
            if (done == null || done == 0) {
                return total;
            }
            total += done;
        }
    }

    /** The retention period of each kind, as the employee's "my data" page shows it. */
    public Map<String, Period> periods() {
        Map<String, Period> periods = new LinkedHashMap<>();
        periods.put(PAYSLIPS, settings.payslips());
        periods.put(HR_TICKETS, settings.hrTickets());
        periods.put(ACCESS_LOG, settings.accessLog());
        periods.put(FEEDBACK, settings.feedback());
        return periods;
    }
}
