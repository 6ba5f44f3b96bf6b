package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallState;
import dev.backstop.helpdesk.tickets.Desk;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One call as {@link CallLog} stores it, with the names it refers to ({@link #SELECT}, {@link #read}); the hold and
 * transfer columns are its {@link Steps}, derived by {@link CallSteps}.
 */
record CallRow(
        long id,
        String callId,
        Long pbxId,
        Desk desk,
        String direction,
        String from,
        String to,
        CallState state,
        Parties.Party party,
        List<Long> ringUsers,
        Long answeredBy,
        String answeredByName,
        String answeringNumber,
        String queue,
        String ivrChoice,
        String cause,
        String recording,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        Long ticketId,
        String ticketKey,
        Instant updatedAt,
        Steps steps,
        Long agentId,
        String agentUsername,
        Long placedBy) {

    Long waitSeconds() {
        Instant until = answeredAt != null ? answeredAt : endedAt;
        return startedAt == null || until == null
                ? null
                : Math.max(0, Duration.between(startedAt, until).toSeconds());
    }

    Long talkSeconds() {
        return answeredAt == null || endedAt == null
                ? null
                : Math.max(0, Duration.between(answeredAt, endedAt).toSeconds());
    }

    boolean inbound() {
        return !"out".equals(direction);
    }

    /**
     * A call with the names it refers to, as scalar sub-selects rather than joins: so the same select can lock the
     * call's row ({@code for update} on one table, on PostgreSQL and H2 alike).
     */
    static final String SELECT = """
            select c.*, (select u.display_name from app_users u where u.id = c.answered_by) as answered_name,
                   (select t.ticket_key from tickets t where t.id = c.ticket_id) as ticket_key_,
                   (select a.username from app_users a where a.id = c.agent_id) as agent_username from calls c""";

    /**
     * What the repeatable events made of a call: how often and how long it was held (an open hold counts until the
     * hang-up), whether it is on hold now, how often it was transferred and to whom last.
     */
    record Steps(int holds, long holdSeconds, boolean onHold, int transfers, String transferredTo) {}

    static CallRow read(ResultSet rs, int i) throws SQLException {
        String ring = rs.getString("ring_users");
        List<Long> ringUsers = ring == null || ring.isBlank()
                ? List.of()
                : Arrays.stream(ring.split(","))
                        .map(String::strip)
                        .map(Long::valueOf)
                        .toList();
        String desk = rs.getString("desk");
        return new CallRow(
                rs.getLong("id"),
                rs.getString("call_id"),
                longOrNull(rs, "pbx_id"),
                desk == null ? null : Desk.valueOf(desk),
                rs.getString("direction"),
                rs.getString("from_number"),
                rs.getString("to_number"),
                CallState.valueOf(rs.getString("state")),
                new Parties.Party(
                        rs.getString("party_kind"),
                        longOrNull(rs, "party_ref"),
                        rs.getString("party_name"),
                        rs.getString("party_code"),
                        longOrNull(rs, "distributor_id"),
                        longOrNull(rs, "employee_id"),
                        null),
                ringUsers,
                longOrNull(rs, "answered_by"),
                rs.getString("answered_name"),
                rs.getString("answering_number"),
                rs.getString("queue"),
                rs.getString("ivr_choice"),
                rs.getString("cause"),
                rs.getString("recording"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("answered_at")),
                instant(rs.getTimestamp("ended_at")),
                longOrNull(rs, "ticket_id"),
                rs.getString("ticket_key_"),
                instant(rs.getTimestamp("updated_at")),
                new Steps(
                        rs.getInt("holds"),
                        rs.getLong("hold_seconds"),
                        rs.getBoolean("on_hold"),
                        rs.getInt("transfers"),
                        rs.getString("transferred_to")),
                longOrNull(rs, "agent_id"),
                rs.getString("agent_username"),
                longOrNull(rs, "placed_by"));
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
