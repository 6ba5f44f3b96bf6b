package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketSummary;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A distributor account's tickets as list rows, for the channel desk's one-screen view (asked on every call of a
 * distributor): one SQL query per list with the visibility of {@link TicketScope#sql}, limited in SQL, the assignee's
 * name joined in — no entities loaded, no count query. The same rows as {@link TicketViews#summaries} would show.
 */
@Component
class DistributorTickets {

    private static final String SELECT = """
            select t.id, t.ticket_key, t.desk, t.type, t.channel, t.priority, t.state, t.subject, t.requester_name,
                   u.display_name, t.confidential, t.created_at, t.updated_at, t.segment, t.sla_policy_id, t.resolved_at,
                   t.sla_paused_at, t.first_responded_at, t.first_response_due, t.first_response_risk_at,
                   t.resolution_due, t.resolution_risk_at
              from tickets t left join app_users u on u.id = t.assignee_id
             where t.distributor_id = ?""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Followers followers;

    DistributorTickets(JdbcTemplate jdbc, Clock clock, Followers followers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.followers = followers;
    }

    /** The latest updated first; only those not resolved or closed when {@code activeOnly}. */
    List<TicketSummary> of(long distributorId, boolean activeOnly, int limit, CurrentUser by) {
        TicketScope.SqlPredicate visible = TicketScope.sql(by, "t", followers.of(by));
        List<Object> args = new ArrayList<>();
        args.add(distributorId);
        args.addAll(visible.args());
        args.add(Math.max(1, Math.min(limit, 200)));
        Instant now = clock.instant();
        return jdbc.query(
                SELECT + (activeOnly ? " and t.state not in ('RESOLVED', 'CLOSED')" : "") + " and (" + visible.sql()
                        + ") order by t.updated_at desc, t.id desc fetch first ? rows only",
                (rs, i) -> summary(rs, now),
                args.toArray());
    }

    private static TicketSummary summary(ResultSet rs, Instant now) throws SQLException {
        SlaState sla = new SlaState(
                TicketState.valueOf(rs.getString(7)),
                rs.getObject(15, Long.class),
                instant(rs.getTimestamp(16)),
                instant(rs.getTimestamp(17)),
                instant(rs.getTimestamp(18)),
                instant(rs.getTimestamp(19)),
                instant(rs.getTimestamp(20)),
                instant(rs.getTimestamp(21)),
                instant(rs.getTimestamp(22)));
        String segment = rs.getString(14);
        return new TicketSummary(
                rs.getLong(1),
                rs.getString(2),
                Desk.valueOf(rs.getString(3)),
                TicketType.valueOf(rs.getString(4)),
                Channel.valueOf(rs.getString(5)),
                Priority.valueOf(rs.getString(6)),
                sla.state(),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getBoolean(11),
                instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)),
                segment == null ? null : Segment.valueOf(segment),
                sla.status(now),
                sla.activeDue(),
                null,
                null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
