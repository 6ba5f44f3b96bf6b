package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.ArticleNotFound;
import dev.backstop.helpdesk.knowledge.ArticleRefused;
import dev.backstop.helpdesk.knowledge.ArticleState;
import dev.backstop.helpdesk.knowledge.Audience;
import dev.backstop.helpdesk.knowledge.KnowledgeSearch;
import dev.backstop.helpdesk.knowledge.SearchPage;
import dev.backstop.kb.KbQuery;
import dev.backstop.kb.KnowledgeBase;
import dev.backstop.kb.SearchResult;
import dev.backstop.kb.Synonyms;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SearchService implements KnowledgeSearch {

    static final int MAX_QUERY = 200;
    private static final Set<String> CONTEXTS = Set.of("TICKET_FORM", "PORTAL", "PORTAL_FORM", "SEARCH", "ARTICLE");

    private final KnowledgeBase kb;
    private final ArticleService articles;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SimilarTickets tickets;
    private final KnowledgeIndex index;

    SearchService(
            KnowledgeBase kb,
            ArticleService articles,
            JdbcTemplate jdbc,
            Clock clock,
            SimilarTickets tickets,
            KnowledgeIndex index) {
        this.tickets = tickets;
        this.index = index;
        this.kb = kb;
        this.articles = articles;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public SearchPage search(CurrentUser reader, SearchRequest request, boolean recorded) {
        String text = request.query() == null ? "" : request.query().strip();
        if (text.length() > MAX_QUERY) {
            throw new ArticleRefused(400, "knowledge.error.queryTooLong", MAX_QUERY);
        }
        int limit = request.limit() <= 0 ? KbQuery.DEFAULT_LIMIT : request.limit();
        if (limit > KbQuery.MAX_LIMIT || request.offset() < 0) {
            throw new ArticleRefused(400, "knowledge.error.paging", KbQuery.MAX_LIMIT);
        }
        KbQuery query = KbQuery.of(text)
                .forAudiences(audiences(reader))
                .inLanguage(request.language())
                .inCategory(request.category())
                .forDesk(request.desk())
                .page(request.offset(), limit);
        SearchResult result = kb.search(query);
        if (recorded && !text.isEmpty() && request.offset() == 0) {
            jdbc.update(
                    "insert into kb_searches (user_id, query, normalized, results, searched_at) values (?, ?, ?, ?, ?)",
                    reader.id(),
                    text,
                    normalize(text),
                    result.total(),
                    Timestamp.from(clock.instant()));
        }
        return new SearchPage(text, result.total(), result.exact(), hits(result.hits()), result.facets());
    }

    @Override
    public List<TitleSuggestion> suggest(CurrentUser reader, String prefix, int limit) {
        if (prefix == null || prefix.isBlank() || prefix.length() > MAX_QUERY) {
            return List.of();
        }
        return kb.suggest(prefix, audiences(reader), Math.min(Math.max(limit, 1), 20)).stream()
                .map(s -> new TitleSuggestion(Long.parseLong(s.id()), s.title()))
                .toList();
    }

    @Override
    public List<SearchPage.Hit> similarTo(CurrentUser reader, long articleId, int limit) {
        articles.row(articleId, reader).orElseThrow(() -> new ArticleNotFound(articleId));
        return hits(kb.similarTo(Long.toString(articleId), audiences(reader), Math.min(Math.max(limit, 1), 20)));
    }

    @Override
    public List<SearchPage.Hit> answersFor(CurrentUser reader, String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String bounded = text.length() > 2000 ? text.substring(0, 2000) : text;
        int wanted = Math.min(Math.max(limit, 1), 20);
        // a short text is a query; a longer one (a ticket description) is matched by its most telling words
        List<SearchResult.Hit> hits = bounded.length() <= 40
                ? kb.search(KbQuery.of(bounded).forAudiences(audiences(reader)).page(0, wanted))
                        .hits()
                : kb.similarToText(bounded, audiences(reader), wanted);
        return hits(hits);
    }

    @Override
    public List<SimilarTicket> similarResolvedTickets(
            CurrentUser reader, String text, long excludeTicketId, int limit) {
        return tickets.similarTo(reader, text, excludeTicketId, Math.min(Math.max(limit, 1), 20));
    }

    @Override
    @Transactional
    public void recordDeflection(CurrentUser reader, long articleId, String context, String query) {
        var row = articles.row(articleId, reader).orElseThrow(() -> new ArticleNotFound(articleId));
        if (row.state() != ArticleState.PUBLISHED) {
            throw new ArticleNotFound(articleId);
        }
        String where = context == null ? "SEARCH" : context.strip().toUpperCase(Locale.ROOT);
        if (!CONTEXTS.contains(where)) {
            throw new ArticleRefused(400, "knowledge.error.context", String.valueOf(context));
        }
        String asked = query == null ? null : (query.length() > 500 ? query.substring(0, 500) : query);
        jdbc.update(
                "insert into kb_deflections (article_id, user_id, context, query, deflected_at) values (?, ?, ?, ?, ?)",
                articleId,
                reader.id(),
                where,
                asked,
                Timestamp.from(clock.instant()));
    }

    @Override
    public List<KnowledgeGap> gaps(int days) {
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofDays(Math.max(days, 1))));
        return jdbc.query(
                """
                select min(query), count(*), max(searched_at) from kb_searches
                 where results = 0 and searched_at >= ?
                 group by normalized order by count(*) desc, max(searched_at) desc limit 100""",
                (rs, n) -> new KnowledgeGap(
                        rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()),
                since);
    }

    String synonyms() {
        return jdbc.queryForObject("select body from kb_synonyms where id = 1", String.class);
    }

    /**
     * Saves the synonyms for every node and refuses a malformed line. This node applies them as soon as the save has
     * committed, so the admin's next search uses them; other nodes at their next sync.
     */
    @Transactional
    String saveSynonyms(String text, CurrentUser by) {
        if (text == null || text.length() > 50_000) {
            throw new ArticleRefused(400, "knowledge.error.synonymsTooLong");
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            try {
                Synonyms.parse(lines[i]);
            } catch (IllegalArgumentException ex) {
                throw new ArticleRefused(400, "knowledge.error.synonyms", i + 1, lines[i].strip());
            }
        }
        jdbc.update(
                "update kb_synonyms set body = ?, updated_by = ?, updated_at = ? where id = 1",
                text,
                by.id(),
                Timestamp.from(clock.instant()));
        index.syncAfterCommit();
        return text;
    }

    static Set<String> audiences(CurrentUser reader) {
        Set<String> names = Audience.visibleTo(reader).stream().map(Enum::name).collect(Collectors.toSet());
        // a reader without any audience must see nothing, not everything (the library reads "empty" as "all")
        return names.isEmpty() ? Set.of("-") : names;
    }

    private static List<SearchPage.Hit> hits(List<SearchResult.Hit> hits) {
        return hits.stream()
                .map(h -> new SearchPage.Hit(
                        Long.parseLong(h.id()), h.title(), Snippets.withoutMarkdown(h.snippet()), h.score()))
                .toList();
    }

    static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
        return folded.length() > 200 ? folded.substring(0, 200) : folded;
    }
}
