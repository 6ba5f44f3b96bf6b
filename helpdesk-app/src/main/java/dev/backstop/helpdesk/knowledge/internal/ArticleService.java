package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.knowledge.Article;
import dev.backstop.helpdesk.knowledge.ArticleInput;
import dev.backstop.helpdesk.knowledge.ArticleNotFound;
import dev.backstop.helpdesk.knowledge.ArticleRefused;
import dev.backstop.helpdesk.knowledge.ArticleState;
import dev.backstop.helpdesk.knowledge.ArticleSummary;
import dev.backstop.helpdesk.knowledge.ArticleVersion;
import dev.backstop.helpdesk.knowledge.Audience;
import dev.backstop.helpdesk.knowledge.KnowledgeArticles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of an article: create (one or many), update with optimistic versioning, change state, read (counting the
 * view), vote, list for editors, capture from a ticket and upsert from an import; each in one transaction that saves
 * a version and publishes what changed for the index. What an article must be is in {@link ArticleRules}.
 * <p>
 * Over 300 lines on purpose: every write path shares the same row, versioning, revision and visibility rules, and
 * reads best next to them; splitting by operation would scatter those rules over several classes.
 */
@Service
class ArticleService implements KnowledgeArticles {

    static final Set<Role> EDITORS = Set.of(Role.KB_EDITOR, Role.ADMIN, Role.EXPERT);
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 40;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TicketCapture capture;

    ArticleService(JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events, TicketCapture capture) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.capture = capture;
    }

    @Override
    public boolean mayEdit(CurrentUser user) {
        return user.roles().stream().anyMatch(EDITORS::contains);
    }

    @Override
    @Transactional
    public Article create(ArticleInput input, CurrentUser by) {
        long id = insert(input, by, null);
        return read(id, by, false);
    }

    @Override
    @Transactional
    public int createAll(List<ArticleInput> inputs, CurrentUser by) {
        inputs.forEach(input -> insert(input, by, null));
        return inputs.size();
    }

    long insert(ArticleInput input, CurrentUser by, Long sourceTicketId) {
        requireEditor(by);
        ArticleRules.Valid valid = ArticleRules.validate(input, by);
        ArticleState state = input.state() == null ? ArticleState.DRAFT : input.state();
        Instant now = clock.instant();
        long revision = nextRevision();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement("""
                    insert into kb_articles (title, body, language, audience, category, desk, tags, state, owner_id,
                                             review_by, version, revision, source_ticket_id, created_at, updated_at,
                                             published_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    statement.setString(1, valid.title());
                    statement.setString(2, valid.body());
                    statement.setString(3, valid.language());
                    statement.setString(4, input.audience().name());
                    statement.setString(5, valid.category());
                    statement.setString(6, valid.desk());
                    statement.setString(7, valid.tags());
                    statement.setString(8, state.name());
                    statement.setLong(9, by.id());
                    statement.setObject(10, input.reviewBy());
                    statement.setLong(11, revision);
                    statement.setObject(12, sourceTicketId);
                    statement.setTimestamp(13, Timestamp.from(now));
                    statement.setTimestamp(14, Timestamp.from(now));
                    statement.setTimestamp(15, state == ArticleState.PUBLISHED ? Timestamp.from(now) : null);
                    return statement;
                },
                keys);
        long id = keys.getKey().longValue();
        saveVersion(id, by, now);
        events.publishEvent(new ArticleChanged(id, revision));
        return id;
    }

    @Override
    @Transactional
    public Article update(long id, ArticleInput input, Integer expectedVersion, CurrentUser by) {
        requireEditor(by);
        Row current = row(id, by).orElseThrow(() -> new ArticleNotFound(id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ArticleRefused(409, "knowledge.error.changedConcurrently", current.version());
        }
        ArticleRules.Valid valid = ArticleRules.validate(input, by);
        ArticleState state = input.state() == null ? current.state() : input.state();
        if (state != current.state() && !current.state().next().contains(state)) {
            throw new ArticleRefused(409, "knowledge.error.transition", current.state(), state);
        }
        Instant now = clock.instant();
        long revision = nextRevision();
        int changed = jdbc.update(
                """
                update kb_articles set title = ?, body = ?, language = ?, audience = ?, category = ?, desk = ?, tags = ?,
                       state = ?, review_by = ?, version = version + 1, revision = ?, updated_at = ?,
                       published_at = case when ? = 'PUBLISHED' and published_at is null then ? else published_at end
                 where id = ? and version = ?""",
                valid.title(),
                valid.body(),
                valid.language(),
                input.audience().name(),
                valid.category(),
                valid.desk(),
                valid.tags(),
                state.name(),
                input.reviewBy(),
                revision,
                Timestamp.from(now),
                state.name(),
                Timestamp.from(now),
                id,
                current.version());
        if (changed == 0) {
            throw new ArticleRefused(409, "knowledge.error.changedConcurrently", current.version());
        }
        saveVersion(id, by, now);
        events.publishEvent(new ArticleChanged(id, revision));
        return read(id, by, false);
    }

    @Override
    @Transactional
    public Article changeState(long id, ArticleState state, CurrentUser by) {
        requireEditor(by);
        Row current = row(id, by).orElseThrow(() -> new ArticleNotFound(id));
        if (state == null) {
            throw new ArticleRefused(400, "knowledge.error.stateRequired");
        }
        if (state == current.state()) {
            return read(id, by, false);
        }
        if (!current.state().next().contains(state)) {
            throw new ArticleRefused(409, "knowledge.error.transition", current.state(), state);
        }
        Instant now = clock.instant();
        long revision = nextRevision();
        jdbc.update("""
                update kb_articles set state = ?, version = version + 1, revision = ?, updated_at = ?,
                       published_at = case when ? = 'PUBLISHED' and published_at is null then ? else published_at end
                 where id = ?""", state.name(), revision, Timestamp.from(now), state.name(), Timestamp.from(now), id);
        saveVersion(id, by, now);
        events.publishEvent(new ArticleChanged(id, revision));
        return read(id, by, false);
    }

    @Override
    @Transactional
    public Article read(long id, CurrentUser reader, boolean countView) {
        Row row = row(id, reader).orElseThrow(() -> new ArticleNotFound(id));
        if (countView) {
            jdbc.update("update kb_articles set views = views + 1 where id = ?", id);
            if (!reader.isPortalOnly()) {
                // what a rep read goes with their escalation to the expert desk
                jdbc.update(
                        "insert into kb_reads (user_id, article_id, read_at) values (?, ?, ?)",
                        reader.id(),
                        id,
                        Timestamp.from(clock.instant()));
            }
        }
        List<Long> tickets = jdbc.queryForList(
                "select ticket_id from kb_article_tickets where article_id = ? order by linked_at", Long.class, id);
        return new Article(
                row.id(),
                row.title(),
                row.body(),
                Markdown.toHtml(row.body()),
                row.language(),
                row.audience(),
                row.category(),
                row.desk(),
                row.tags(),
                row.state(),
                row.ownerId(),
                row.ownerName(),
                row.reviewBy(),
                row.version(),
                row.helpful(),
                row.notHelpful(),
                row.views() + (countView ? 1 : 0),
                row.sourceTicketId(),
                tickets,
                row.createdAt(),
                row.updatedAt(),
                row.publishedAt());
    }

    @Override
    public List<ArticleVersion> versions(long id, CurrentUser reader) {
        row(id, reader).orElseThrow(() -> new ArticleNotFound(id));
        return jdbc.query(
                """
                select v.version, v.title, v.body, v.state, u.display_name, v.changed_at
                  from kb_article_versions v join app_users u on u.id = v.changed_by
                 where v.article_id = ? order by v.version desc""",
                (rs, n) -> new ArticleVersion(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        ArticleState.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()),
                id);
    }

    @Override
    @Transactional
    public Article vote(long id, boolean helpful, CurrentUser by) {
        Row row = row(id, by).orElseThrow(() -> new ArticleNotFound(id));
        if (row.state() != ArticleState.PUBLISHED) {
            throw new ArticleRefused(409, "knowledge.error.voteUnpublished");
        }
        int updated = jdbc.update(
                "update kb_votes set helpful = ?, voted_at = ? where article_id = ? and user_id = ?",
                helpful,
                Timestamp.from(clock.instant()),
                id,
                by.id());
        if (updated == 0) {
            jdbc.update(
                    "insert into kb_votes (article_id, user_id, helpful, voted_at) values (?, ?, ?, ?)",
                    id,
                    by.id(),
                    helpful,
                    Timestamp.from(clock.instant()));
        }
        jdbc.update("""
                update kb_articles set helpful = (select count(*) from kb_votes where article_id = ? and helpful),
                       not_helpful = (select count(*) from kb_votes where article_id = ? and not helpful)
                 where id = ?""", id, id, id);
        return read(id, by, false);
    }

    @Override
    public List<ArticleSummary> list(ArticleState state, String titleContains, CurrentUser editor) {
        requireEditor(editor);
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select a.id, a.title, a.language, a.audience, a.category, a.state, u.display_name, a.review_by,
                       a.version, a.views, a.helpful, a.not_helpful, a.updated_at
                  from kb_articles a join app_users u on u.id = a.owner_id where a.audience in (""");
        sql.append(String.join(
                        ",",
                        Audience.visibleTo(editor).stream()
                                .map(a -> "'" + a.name() + "'")
                                .toList()))
                .append(')');
        if (state != null) {
            sql.append(" and a.state = ?");
            args.add(state.name());
        }
        if (titleContains != null && !titleContains.isBlank()) {
            sql.append(" and lower(a.title) like ?");
            args.add("%"
                    + titleContains.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%");
        }
        sql.append(" order by a.updated_at desc, a.id desc limit 200");
        return jdbc.query(
                sql.toString(),
                (rs, n) -> new ArticleSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        Audience.valueOf(rs.getString(4)),
                        rs.getString(5),
                        ArticleState.valueOf(rs.getString(6)),
                        rs.getString(7),
                        date(rs, 8),
                        rs.getInt(9),
                        rs.getLong(10),
                        rs.getInt(11),
                        rs.getInt(12),
                        rs.getTimestamp(13).toInstant()),
                args.toArray());
    }

    @Override
    @Transactional
    public Article captureFromTicket(long ticketId, CurrentUser by) {
        requireEditor(by);
        ArticleInput draft = capture.draftFrom(ticketId, by);
        capturedFrom(ticketId).ifPresent(existing -> {
            throw new ArticleRefused(409, "knowledge.error.alreadyCaptured", existing);
        });
        long id = insert(draft, by, ticketId);
        linkTicket(id, ticketId, "CAPTURED", by);
        return read(id, by, false);
    }

    /** The first article captured from the ticket, if any. */
    java.util.Optional<Long> capturedFrom(long ticketId) {
        return jdbc
                .queryForList("select id from kb_articles where source_ticket_id = ? order by id", Long.class, ticketId)
                .stream()
                .findFirst();
    }

    /**
     * An article from a bulk import, keyed by the source's article key: inserted, updated as a new version when
     * anything differs, or left alone. Imports are authoritative, so any state may follow any other.
     */
    /** {@code gives}: whether the file gives an optional field (desk, tags, state, review_by); if not, an update keeps it. */
    RowOutcome.Kind upsertImported(String key, ArticleInput input, CurrentUser importer, Predicate<String> gives) {
        ArticleRules.Valid valid = ArticleRules.validate(input, importer);
        ArticleState state = input.state() == null ? ArticleState.PUBLISHED : input.state();
        List<Long> existing = jdbc.queryForList("select id from kb_articles where external_key = ?", Long.class, key);
        if (existing.isEmpty()) {
            long id = insert(
                    new ArticleInput(
                            valid.title(),
                            valid.body(),
                            valid.language(),
                            input.audience(),
                            valid.category(),
                            valid.desk(),
                            input.tags(),
                            state,
                            input.reviewBy()),
                    importer,
                    null);
            jdbc.update("update kb_articles set external_key = ? where id = ?", key, id);
            return RowOutcome.Kind.INSERTED;
        }
        long id = existing.getFirst();
        Row row = jdbc.query("""
                select a.id, a.title, a.body, a.language, a.audience, a.category, a.desk, a.tags, a.state, a.owner_id,
                       u.display_name, a.review_by, a.version, a.helpful, a.not_helpful, a.views, a.source_ticket_id,
                       a.created_at, a.updated_at, a.published_at
                  from kb_articles a join app_users u on u.id = a.owner_id where a.id = ?""", ArticleService::mapRow, id).getFirst();
        valid = gives.test("desk") ? valid : valid.withDesk(row.desk());
        valid = gives.test("tags") ? valid : valid.withTags(String.join(",", row.tags()));
        state = gives.test("state") ? state : row.state();
        input = gives.test("review_by")
                ? input
                : new ArticleInput(
                        input.title(),
                        input.body(),
                        input.language(),
                        input.audience(),
                        input.category(),
                        input.desk(),
                        input.tags(),
                        input.state(),
                        row.reviewBy());
        boolean same = valid.title().equals(row.title())
                && valid.body().equals(row.body())
                && valid.language().equals(row.language())
                && input.audience() == row.audience()
                && valid.category().equals(row.category())
                && java.util.Objects.equals(valid.desk(), row.desk())
                && valid.tags().equals(String.join(",", row.tags()))
                && state == row.state()
                && java.util.Objects.equals(input.reviewBy(), row.reviewBy());
        if (same) {
            return RowOutcome.Kind.UNCHANGED;
        }
        Instant now = clock.instant();
        long revision = nextRevision();
        jdbc.update(
                """
                update kb_articles set title = ?, body = ?, language = ?, audience = ?, category = ?, desk = ?, tags = ?,
                       state = ?, review_by = ?, version = version + 1, revision = ?, updated_at = ?,
                       published_at = case when ? = 'PUBLISHED' and published_at is null then ? else published_at end
                 where id = ?""",
                valid.title(),
                valid.body(),
                valid.language(),
                input.audience().name(),
                valid.category(),
                valid.desk(),
                valid.tags(),
                state.name(),
                input.reviewBy(),
                revision,
                Timestamp.from(now),
                state.name(),
                Timestamp.from(now),
                id);
        saveVersion(id, importer, now);
        events.publishEvent(new ArticleChanged(id, revision));
        return RowOutcome.Kind.UPDATED;
    }

    void linkTicket(long articleId, long ticketId, String relation, CurrentUser by) {
        Integer exists = jdbc.queryForObject(
                "select count(*) from kb_article_tickets where article_id = ? and ticket_id = ?",
                Integer.class,
                articleId,
                ticketId);
        if (exists == null || exists == 0) {
            jdbc.update(
                    "insert into kb_article_tickets (article_id, ticket_id, relation, linked_by, linked_at) values (?, ?, ?, ?, ?)",
                    articleId,
                    ticketId,
                    relation,
                    by.id(),
                    Timestamp.from(clock.instant()));
        }
    }

    /** The article if this user may see it: published within their audiences, or any state when they may edit it. */
    java.util.Optional<Row> row(long id, CurrentUser reader) {
        List<Row> rows = jdbc.query("""
                select a.id, a.title, a.body, a.language, a.audience, a.category, a.desk, a.tags, a.state, a.owner_id,
                       u.display_name, a.review_by, a.version, a.helpful, a.not_helpful, a.views, a.source_ticket_id,
                       a.created_at, a.updated_at, a.published_at
                  from kb_articles a join app_users u on u.id = a.owner_id where a.id = ?""", ArticleService::mapRow, id);
        return rows.stream().findFirst().filter(row -> visible(row, reader));
    }

    private boolean visible(Row row, CurrentUser reader) {
        if (!Audience.visibleTo(reader).contains(row.audience())) {
            return false;
        }
        return row.state() == ArticleState.PUBLISHED || mayEdit(reader) || row.ownerId() == reader.id();
    }

    private void requireEditor(CurrentUser by) {
        if (!mayEdit(by)) {
            throw new ArticleRefused(403, "knowledge.error.notEditor");
        }
    }

    private long nextRevision() {
        return jdbc.queryForObject("select nextval('kb_revisions')", Long.class);
    }

    private void saveVersion(long id, CurrentUser by, Instant now) {
        jdbc.update("""
                insert into kb_article_versions (article_id, version, title, body, language, audience, category, tags, state,
                                                 changed_by, changed_at)
                select id, version, title, body, language, audience, category, tags, state, ?, ? from kb_articles where id = ?""", by.id(), Timestamp.from(now), id);
    }

    record Row(
            long id,
            String title,
            String body,
            String language,
            Audience audience,
            String category,
            String desk,
            List<String> tags,
            ArticleState state,
            long ownerId,
            String ownerName,
            LocalDate reviewBy,
            int version,
            int helpful,
            int notHelpful,
            long views,
            Long sourceTicketId,
            Instant createdAt,
            Instant updatedAt,
            Instant publishedAt) {}

    static Row mapRow(ResultSet rs, int n) throws SQLException {
        long source = rs.getLong(17);
        Long sourceTicket = rs.wasNull() ? null : source;
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Audience.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                tags(rs.getString(8)),
                ArticleState.valueOf(rs.getString(9)),
                rs.getLong(10),
                rs.getString(11),
                date(rs, 12),
                rs.getInt(13),
                rs.getInt(14),
                rs.getInt(15),
                rs.getLong(16),
                sourceTicket,
                rs.getTimestamp(18).toInstant(),
                rs.getTimestamp(19).toInstant(),
                rs.getTimestamp(20) == null ? null : rs.getTimestamp(20).toInstant());
    }

    static List<String> tags(String joined) {
        return joined == null || joined.isBlank()
                ? List.of()
                : Arrays.stream(joined.split(",")).toList();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
