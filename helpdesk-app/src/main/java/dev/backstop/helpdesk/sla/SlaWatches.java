package dev.backstop.helpdesk.sla;

import dev.backstop.helpdesk.tickets.Desk;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket SLAs as a supervisor watches them now, for one desk or (null) all: the same at-risk and due times the
 * clocks wrote on the tickets and the escalation pass reads, counted on the spot (nothing stored).
 */
@Service
public class SlaWatches {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SlaWatches(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SlaWatch now(Desk desk) {
        Timestamp now = Timestamp.from(clock.instant());
        String deskFilter = desk == null ? "" : " and desk = '" + desk.name() + "'";
        int[] clocks = jdbc.query(
                """
                select sum(case when (first_responded_at is null and first_response_risk_at <= ? and first_response_due > ?)
                                  or (resolution_risk_at <= ? and resolution_due > ?) then 1 else 0 end),
                       sum(case when (first_responded_at is null and first_response_due <= ?) or resolution_due <= ?
                                then 1 else 0 end)
                  from tickets
                 where sla_policy_id is not null and sla_paused_at is null and state not in ('RESOLVED', 'CLOSED')""" + deskFilter,
                rs -> rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : new int[2],
                now,
                now,
                now,
                now,
                now,
                now);
        int[] callbacks = jdbc.query(
                """
                select count(*), sum(case when coalesce(callback_due, first_response_due) <= ? then 1 else 0 end)
                  from tickets
                 where state not in ('RESOLVED', 'CLOSED')
                   and (type = 'CALLBACK' or (callback_due is not null and callback_done_at is null))""" + deskFilter, rs -> rs.next() ? new int[] {rs.getInt(1), rs.getInt(2)} : new int[2], now);
        return new SlaWatch(clocks[0], clocks[1], callbacks[0], callbacks[1]);
    }
}
