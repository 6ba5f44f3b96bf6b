package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.knowledge.ArticleRefused;
import dev.backstop.helpdesk.knowledge.ExpertEscalations;
import dev.backstop.helpdesk.knowledge.KnowledgeSearch;
import dev.backstop.helpdesk.routing.QueueInfo;
import dev.backstop.helpdesk.routing.TicketRouting;
import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ExpertEscalations}: a rep asks the expert desk, with what they searched and read in the last two hours; the
 * question becomes an expert ticket routed by skill, and the escalations of a ticket and the ones no article matched
 * are listed.
 *
 * <p>A little over 300 lines on purpose: drafting, escalating and listing share one row and one rule of who may
 * escalate ({@link #ESCALATORS}); the search and the routing are other modules'.
 */
@Service
class EscalationService implements ExpertEscalations {

    static final Set<Role> ESCALATORS =
            EnumSet.of(Role.FRONTLINE, Role.CHANNEL_AGENT, Role.HR_AGENT, Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN);
    /** "What the rep searched and read" = their searches and article reads of the last two hours. */
    static final Duration RECENT = Duration.ofHours(2);

    static final int MAX_QUESTION = 4000;
    static final int MAX_LISTED = 20;
    private static final int MAX_SUBJECT = 120;

    private static final String SELECT = """
            select e.id, e.ticket_id, e.ticket_key, e.rep_id, r.display_name, e.source_ticket_id, e.source_ticket_key,
                   e.question, e.searches, e.article_ids, e.skill, e.priority, e.had_answers, e.escalated_at,
                   e.answered_at, a.display_name
              from kb_escalations e join app_users r on r.id = e.rep_id left join app_users a on a.id = e.answered_by
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TicketManagement tickets;
    private final TicketRouting routing;
    private final KnowledgeSearch search;
    private final ArticleService articles;
    private final MessageSource messages;

    EscalationService(
            JdbcTemplate jdbc,
            Clock clock,
            TicketManagement tickets,
            TicketRouting routing,
            KnowledgeSearch search,
            ArticleService articles,
            MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tickets = tickets;
        this.routing = routing;
        this.search = search;
        this.articles = articles;
        this.messages = messages;
    }

    @Override
    public boolean mayEscalate(CurrentUser user) {
        return user.roles().stream().anyMatch(ESCALATORS::contains);
    }

    @Override
    @Transactional(readOnly = true)
    public Draft draft(CurrentUser rep, String question, Long sourceTicketId) {
        requireEscalator(rep);
        String text = question == null ? "" : question.strip();
        TicketDetails source = sourceTicketId == null ? null : tickets.get(sourceTicketId, rep);
        if (source != null && text.isEmpty()) {
            // a confidential case's details stay on it: the rep writes the question for the expert in their own words
            text = source.confidential()
                            || source.description() == null
                            || source.description().isBlank()
                    ? source.subject()
                    : source.subject() + "\n\n" + source.description().strip();
        }
        if (text.length() > MAX_QUESTION) {
            text = text.substring(0, MAX_QUESTION);
        }
        return new Draft(
                text,
                source == null ? null : source.id(),
                source == null ? null : source.key(),
                recentSearches(rep),
                recentReads(rep),
                skills());
    }

    @Override
    @Transactional
    public Escalation escalate(Request request, CurrentUser rep) {
        requireEscalator(rep);
        String question = request.question() == null ? "" : request.question().strip();
        if (question.isEmpty()) {
            throw new ArticleRefused(400, "knowledge.error.questionRequired");
        }
        if (question.length() > MAX_QUESTION) {
            throw new ArticleRefused(400, "knowledge.error.questionTooLong", MAX_QUESTION);
        }
        String skill = skill(request.skill());
        Priority priority = request.priority() == null || request.priority().isBlank()
                ? Priority.NORMAL
                : KnowledgeApi.parse(Priority.class, request.priority(), "knowledge.error.priority");
        TicketDetails source = request.sourceTicketId() == null ? null : tickets.get(request.sourceTicketId(), rep);
        if (source != null && source.desk() == Desk.EXPERT) {
            throw new ArticleRefused(409, "knowledge.error.escalateExpertTicket", source.key());
        }
        List<String> searches = request.searches() == null ? recentSearches(rep) : searches(request.searches());
        List<Long> read = request.articleIds() == null
                ? recentReads(rep).stream().map(ArticleRef::id).toList()
                : request.articleIds().stream()
                        .distinct()
                        .limit(MAX_LISTED)
                        .filter(id -> id != null && articles.row(id, rep).isPresent())
                        .toList();
        int hadAnswers = matches(question, rep);

        TicketDetails ticket = tickets.open(
                new OpenTicket(
                        Desk.EXPERT,
                        TicketType.INQUIRY,
                        Channel.WEB_FORM,
                        priority,
                        new Requester(RequesterKind.FRONTLINE_REP, rep.id(), rep.displayName(), null, null),
                        null,
                        null,
                        subject(question),
                        question,
                        BusinessRefs.none(),
                        Set.of(),
                        false,
                        null,
                        null,
                        skill),
                rep);
        jdbc.update(
                """
                insert into kb_escalations (ticket_id, ticket_key, rep_id, source_ticket_id, source_ticket_key, question,
                                            searches, article_ids, skill, priority, had_answers, escalated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                ticket.id(),
                ticket.key(),
                rep.id(),
                source == null ? null : source.id(),
                source == null ? null : source.key(),
                question,
                String.join("\n", searches),
                read.stream().map(String::valueOf).collect(Collectors.joining(",")),
                skill,
                priority.name(),
                hadAnswers,
                Timestamp.from(clock.instant()));
        if (source != null) {
            tickets.note(
                    source.id(),
                    messages.getMessage(
                            "knowledge.escalation.note",
                            new Object[] {ticket.key(), ticket.subject()},
                            LocaleContextHolder.getLocale()),
                    null,
                    rep);
        }
        return ofTicket(ticket.id(), rep).getFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Escalation> ofTicket(long ticketId, CurrentUser viewer) {
        tickets.get(ticketId, viewer);
        return jdbc.query(
                SELECT + " where e.ticket_id = ? or e.source_ticket_id = ? order by e.escalated_at, e.id",
                (rs, n) -> map(rs, viewer),
                ticketId,
                ticketId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Escalation> unmatched(int days, CurrentUser viewer) {
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofDays(Math.max(days, 1))));
        return jdbc.query(
                SELECT
                        + " where e.had_answers = 0 and e.escalated_at >= ? order by e.escalated_at desc, e.id desc limit 100",
                (rs, n) -> map(rs, viewer),
                since);
    }

    /** The rep's searches of the last {@link #RECENT}, newest first, one per wording. */
    List<String> recentSearches(CurrentUser rep) {
        return jdbc.queryForList(
                """
                select min(query) from kb_searches where user_id = ? and searched_at >= ?
                 group by normalized order by max(searched_at) desc limit %d""".formatted(MAX_LISTED),
                String.class,
                rep.id(),
                Timestamp.from(clock.instant().minus(RECENT)));
    }

    /** The articles the rep opened in the last {@link #RECENT} and may still read, newest first. */
    List<ArticleRef> recentReads(CurrentUser rep) {
        List<Long> ids = jdbc.queryForList(
                """
                select article_id from kb_reads where user_id = ? and read_at >= ?
                 group by article_id order by max(read_at) desc limit %d""".formatted(MAX_LISTED),
                Long.class,
                rep.id(),
                Timestamp.from(clock.instant().minus(RECENT)));
        return refs(ids, rep);
    }

    private List<ArticleRef> refs(List<Long> ids, CurrentUser viewer) {
        return ids.stream()
                .flatMap(id -> articles.row(id, viewer).stream())
                .map(row -> new ArticleRef(row.id(), row.title()))
                .toList();
    }

    @Override
    public List<QueueInfo> skills() {
        return routing.queues().stream()
                .filter(q -> q.desk() == Desk.EXPERT && q.skill() != null)
                .toList();
    }

    /** Null for the general queue; otherwise one of the expert queues' skills. */
    private String skill(String requested) {
        String skill = requested == null ? "" : requested.strip().toUpperCase(Locale.ROOT);
        if (skill.isEmpty() || skill.equals("GENERAL")) {
            return null;
        }
        Set<String> known =
                skills().stream().map(QueueInfo::skill).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!known.contains(skill)) {
            known.add("GENERAL");
            throw new ArticleRefused(400, "knowledge.error.skill", requested, known.toString());
        }
        return skill;
    }

    private static List<String> searches(List<String> given) {
        return given.stream()
                .filter(s -> s != null && !s.isBlank())
                .map(s -> s.strip().replaceAll("\\s+", " "))
                .map(s -> s.length() > SearchService.MAX_QUERY ? s.substring(0, SearchService.MAX_QUERY) : s)
                .distinct()
                .limit(MAX_LISTED)
                .toList();
    }

    /** How many published articles (of the rep's audiences) a search for the question finds: 0 is a knowledge gap. */
    private int matches(String question, CurrentUser rep) {
        String query =
                question.length() > SearchService.MAX_QUERY ? question.substring(0, SearchService.MAX_QUERY) : question;
        long total = search.search(rep, new KnowledgeSearch.SearchRequest(query, null, null, null, 0, 1), false)
                .total();
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /** The ticket's subject: the question's first line, shortened. */
    static String subject(String question) {
        String line = question.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse(question)
                .replaceAll("\\s+", " ");
        return line.length() > MAX_SUBJECT ? line.substring(0, MAX_SUBJECT - 1) + "…" : line;
    }

    private void requireEscalator(CurrentUser user) {
        if (!mayEscalate(user)) {
            throw new ArticleRefused(403, "knowledge.error.notEscalator");
        }
    }

    private Escalation map(ResultSet rs, CurrentUser viewer) throws SQLException {
        String searches = rs.getString(9);
        String ids = rs.getString(10);
        List<Long> read = ids == null || ids.isBlank()
                ? List.of()
                : Arrays.stream(ids.split(","))
                        .map(String::strip)
                        .map(Long::valueOf)
                        .toList();
        return new Escalation(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getObject(6, Long.class),
                rs.getString(7),
                rs.getString(8),
                searches == null || searches.isBlank() ? List.of() : List.of(searches.split("\n")),
                refs(read, viewer),
                rs.getString(11),
                rs.getString(12),
                rs.getInt(13),
                instant(rs.getTimestamp(14)),
                instant(rs.getTimestamp(15)),
                rs.getString(16));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
