package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.knowledge.KnowledgeFigures;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts for {@link KnowledgeFigures}, straight from the tables (a handful of aggregate queries per page view). The
 * resolved channel and HR tickets are read from {@code tickets} directly: a read-only report, not a use of the tickets
 * module's behaviour.
 */
@Service
class FiguresService implements KnowledgeFigures {

    /** Where a rep records "this answered it" in the workspace (portal readers record PORTAL). */
    static final List<String> WORKSPACE_CONTEXTS = List.of("TICKET_FORM", "SEARCH", "ARTICLE");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    FiguresService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Figures figures(int days) {
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(Math.max(1, Math.min(days, 366))));
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);

        long resolvedFront = count("""
                select count(*) from tickets where desk in ('CHANNEL', 'HR') and resolved_at >= ? and resolved_at < ?""", f, t);
        long resolvedWithoutEscalation = count("""
                select count(*) from tickets tk where tk.desk in ('CHANNEL', 'HR') and tk.resolved_at >= ? and tk.resolved_at < ?
                   and not exists (select 1 from kb_escalations e where e.source_ticket_id = tk.id)""", f, t);
        long escalations =
                count("select count(*) from kb_escalations where escalated_at >= ? and escalated_at < ?", f, t);
        long fromSearch = count("""
                select count(*) from kb_escalations where source_ticket_id is null and escalated_at >= ? and escalated_at < ?""", f, t);
        Map<String, Long> deflections = new TreeMap<>();
        jdbc.query(
                "select context, count(*) from kb_deflections where deflected_at >= ? and deflected_at < ? group by context",
                rs -> {
                    deflections.put(rs.getString(1), rs.getLong(2));
                },
                f,
                t);
        long answeredByReps = WORKSPACE_CONTEXTS.stream()
                .mapToLong(c -> deflections.getOrDefault(c, 0L))
                .sum();
        long contacts = resolvedFront + fromSearch + answeredByReps;
        long atFirstContact = resolvedWithoutEscalation + answeredByReps;

        List<Duration> waits = jdbc.query(
                """
                select escalated_at, answered_at from kb_escalations
                 where answered_at is not null and escalated_at >= ? and escalated_at < ?""",
                (rs, n) -> Duration.between(
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()),
                f,
                t);
        waits.sort(null);
        List<Timestamp> open = jdbc.queryForList("""
                select escalated_at from kb_escalations where answered_at is null and escalated_at >= ? and escalated_at < ?
                 order by escalated_at""", Timestamp.class, f, t);

        long withoutArticle = count("""
                select count(*) from kb_escalations where had_answers = 0 and escalated_at >= ? and escalated_at < ?""", f, t);
        long fromTickets = count("""
                select count(*) from kb_articles where source_ticket_id is not null and created_at >= ? and created_at < ?""", f, t);
        long fromTicketsPublished = count("""
                select count(*) from kb_articles where source_ticket_id is not null and state = 'PUBLISHED'
                   and created_at >= ? and created_at < ?""", f, t);
        long reads = count("select count(*) from kb_reads where read_at >= ? and read_at < ?", f, t);
        long links = count("select count(*) from kb_article_tickets where linked_at >= ? and linked_at < ?", f, t);
        long searches = count("select count(*) from kb_searches where searched_at >= ? and searched_at < ?", f, t);
        long empty = count(
                "select count(*) from kb_searches where results = 0 and searched_at >= ? and searched_at < ?", f, t);

        return new Figures(
                from,
                to,
                contacts,
                atFirstContact,
                escalations,
                fromSearch,
                share(atFirstContact, contacts),
                share(escalations, contacts),
                waits.size(),
                open.size(),
                quantile(waits, 0.5),
                quantile(waits, 0.9),
                open.isEmpty() ? null : Duration.between(open.getFirst().toInstant(), to),
                withoutArticle,
                fromTickets,
                fromTicketsPublished,
                reads,
                links,
                deflections,
                searches,
                empty,
                mostReused(f, t));
    }

    private List<ReusedArticle> mostReused(Timestamp f, Timestamp t) {
        Map<Long, long[]> uses = new HashMap<>();
        jdbc.query(
                "select article_id, count(*) from kb_reads where read_at >= ? and read_at < ? group by article_id",
                rs -> {
                    uses.computeIfAbsent(rs.getLong(1), k -> new long[3])[0] = rs.getLong(2);
                },
                f,
                t);
        jdbc.query(
                "select article_id, count(*) from kb_deflections where deflected_at >= ? and deflected_at < ? group by article_id",
                rs -> {
                    uses.computeIfAbsent(rs.getLong(1), k -> new long[3])[1] = rs.getLong(2);
                },
                f,
                t);
        jdbc.query(
                "select article_id, count(*) from kb_article_tickets where linked_at >= ? and linked_at < ? group by article_id",
                rs -> {
                    uses.computeIfAbsent(rs.getLong(1), k -> new long[3])[2] = rs.getLong(2);
                },
                f,
                t);
        List<Map.Entry<Long, long[]>> top = uses.entrySet().stream()
                .sorted((a, b) -> Long.compare(
                        b.getValue()[0] + b.getValue()[1] + b.getValue()[2],
                        a.getValue()[0] + a.getValue()[1] + a.getValue()[2]))
                .limit(10)
                .toList();
        if (top.isEmpty()) {
            return List.of();
        }
        Map<Long, String> titles = new LinkedHashMap<>();
        String in = String.join(
                ",", top.stream().map(e -> String.valueOf(e.getKey())).toList());
        jdbc.query("select id, title from kb_articles where id in (" + in + ")", rs -> {
            titles.put(rs.getLong(1), rs.getString(2));
        });
        List<ReusedArticle> reused = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : top) {
            long[] u = e.getValue();
            reused.add(
                    new ReusedArticle(e.getKey(), titles.getOrDefault(e.getKey(), "#" + e.getKey()), u[0], u[1], u[2]));
        }
        return reused;
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Nearest-rank quantile; null when there is nothing to measure. */
    static Duration quantile(List<Duration> sorted, double q) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
