package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketFeed;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads tickets by (updated_at, id) keyset for derived indexes; two queries per page, no entity loading. */
@Component
class TicketFeedQueries implements TicketFeed {

    private final NamedParameterJdbcTemplate jdbc;

    TicketFeedQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TicketDigest> changedAfter(Instant updatedAt, long afterId, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("at", Timestamp.from(updatedAt));
        params.put("id", afterId);
        params.put("limit", Math.max(1, Math.min(limit, 1000)));
        List<Row> rows = jdbc.query(
                """
                select id, ticket_key, desk, type, subject, description, state, confidential, updated_at, resolved_at
                  from tickets where updated_at > :at or (updated_at = :at and id > :id)
                 order by updated_at, id limit :limit""",
                params,
                (rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        Desk.valueOf(rs.getString(3)),
                        TicketType.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8),
                        rs.getTimestamp(9).toInstant(),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> open =
                rows.stream().filter(r -> !r.confidential).map(Row::id).toList();
        Map<Long, String> answers = new HashMap<>();
        Map<Long, Set<String>> tags = new HashMap<>();
        if (!open.isEmpty()) {
            // oldest first: the last one written wins, so the map ends with each ticket's latest answer
            jdbc.query("""
                    select ticket_id, kind, body, to_state from ticket_articles
                     where ticket_id in (:ids) and body is not null and body <> ''
                       and (kind in ('PUBLIC_REPLY', 'BACK_OFFICE_ANSWER', 'CALL') or (kind = 'STATE_CHANGE' and to_state = 'RESOLVED'))
                     order by created_at, id""", Map.of("ids", open), rs -> {
                long ticket = rs.getLong(1);
                boolean reply = !"STATE_CHANGE".equals(rs.getString(2));
                if (reply || !answers.containsKey(ticket)) {
                    answers.put(ticket, rs.getString(3));
                }
            });
            jdbc.query("select ticket_id, tag from ticket_tags where ticket_id in (:ids)", Map.of("ids", open), rs -> {
                tags.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
            });
        }
        List<TicketDigest> digests = new ArrayList<>(rows.size());
        for (Row r : rows) {
            boolean resolved = "RESOLVED".equals(r.state) || "CLOSED".equals(r.state);
            digests.add(
                    r.confidential
                            ? new TicketDigest(
                                    r.id,
                                    r.key,
                                    r.desk,
                                    r.type,
                                    "",
                                    "",
                                    null,
                                    resolved,
                                    true,
                                    Set.of(),
                                    r.updatedAt,
                                    r.resolvedAt)
                            : new TicketDigest(
                                    r.id,
                                    r.key,
                                    r.desk,
                                    r.type,
                                    r.subject,
                                    r.description == null ? "" : r.description,
                                    resolved ? answers.get(r.id) : null,
                                    resolved,
                                    false,
                                    tags.getOrDefault(r.id, Set.of()),
                                    r.updatedAt,
                                    r.resolvedAt));
        }
        return digests;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Change> changedSince(Instant since, int limit) {
        return jdbc.query(
                """
                select id, ticket_key, desk, updated_at from tickets where updated_at >= :since
                 order by updated_at, id limit :limit""",
                Map.of("since", Timestamp.from(since), "limit", Math.max(1, Math.min(limit, 1000))),
                (rs, n) -> new Change(
                        rs.getLong(1),
                        rs.getString(2),
                        Desk.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()));
    }

    private record Row(
            long id,
            String key,
            Desk desk,
            TicketType type,
            String subject,
            String description,
            String state,
            boolean confidential,
            Instant updatedAt,
            Instant resolvedAt) {}
}
