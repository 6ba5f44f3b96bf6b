package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.Article;
import dev.backstop.helpdesk.knowledge.ArticleInput;
import dev.backstop.helpdesk.knowledge.ArticleRefused;
import dev.backstop.helpdesk.knowledge.ArticleState;
import dev.backstop.helpdesk.knowledge.ArticleSummary;
import dev.backstop.helpdesk.knowledge.ArticleVersion;
import dev.backstop.helpdesk.knowledge.Audience;
import dev.backstop.helpdesk.knowledge.KnowledgeArticles;
import dev.backstop.helpdesk.knowledge.KnowledgeFigures;
import dev.backstop.helpdesk.knowledge.KnowledgeSearch;
import dev.backstop.helpdesk.knowledge.SearchPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge base for machines and scripts: articles for editors, search for every signed-in reader. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "knowledge-base")
class KnowledgeApi {

    /** An article as sent by an editor; enums as text so that a wrong value gets a clear message. */
    record ArticleBody(
            String title,
            String body,
            String language,
            String audience,
            String category,
            String desk,
            List<String> tags,
            String state,
            LocalDate reviewBy,
            Integer version) {

        ArticleInput toInput() {
            return new ArticleInput(
                    title,
                    body,
                    language,
                    audience == null || audience.isBlank()
                            ? null
                            : parse(Audience.class, audience, "knowledge.error.audience"),
                    category,
                    desk,
                    tags,
                    state == null || state.isBlank() ? null : parse(ArticleState.class, state, "knowledge.error.state"),
                    reviewBy);
        }
    }

    record StateBody(String state) {}

    record VoteBody(Boolean helpful) {}

    record DeflectionBody(Long articleId, String context, String query) {}

    record SynonymsBody(String text) {}

    private final KnowledgeArticles articles;
    private final SearchService search;
    private final KnowledgeIndex index;
    private final KnowledgeFigures figures;

    KnowledgeApi(KnowledgeArticles articles, SearchService search, KnowledgeIndex index, KnowledgeFigures figures) {
        this.figures = figures;
        this.articles = articles;
        this.search = search;
        this.index = index;
    }

    @PostMapping("/kb/articles")
    @Operation(summary = "Write an article (ADMIN, EXPERT, KB_EDITOR); PUBLISHED ones are searchable within a second")
    ResponseEntity<Article> create(@RequestBody ArticleBody body, CurrentUser user) {
        Article article = articles.create(body.toInput(), user);
        return ResponseEntity.created(URI.create("/api/v1/kb/articles/" + article.id()))
                .body(article);
    }

    @GetMapping("/kb/articles")
    @Operation(summary = "The editors' list of articles in every state")
    List<ArticleSummary> list(
            @RequestParam(required = false) String state, @RequestParam(required = false) String q, CurrentUser user) {
        return articles.list(
                state == null || state.isBlank() ? null : parse(ArticleState.class, state, "knowledge.error.state"),
                q,
                user);
    }

    @GetMapping("/kb/articles/{id}")
    @Operation(summary = "One article, if the caller's audiences include it (404 otherwise)")
    Article read(@PathVariable long id, CurrentUser user) {
        return articles.read(id, user, true);
    }

    @PutMapping("/kb/articles/{id}")
    @Operation(summary = "Save a new version; send the version you edited to be told (409) if someone saved in between")
    Article update(@PathVariable long id, @RequestBody ArticleBody body, CurrentUser user) {
        return articles.update(id, body.toInput(), body.version(), user);
    }

    @PostMapping("/kb/articles/{id}/state")
    @Operation(summary = "Move an article: DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED")
    Article changeState(@PathVariable long id, @RequestBody StateBody body, CurrentUser user) {
        if (body.state() == null || body.state().isBlank()) {
            throw new ArticleRefused(400, "knowledge.error.stateRequired");
        }
        return articles.changeState(id, parse(ArticleState.class, body.state(), "knowledge.error.state"), user);
    }

    @GetMapping("/kb/articles/{id}/versions")
    @Operation(summary = "The article's version history, newest first")
    List<ArticleVersion> versions(@PathVariable long id, CurrentUser user) {
        return articles.versions(id, user);
    }

    @PostMapping("/kb/articles/{id}/votes")
    @Operation(summary = "Helpful or not: one vote per reader, voting again changes it")
    Article vote(@PathVariable long id, @RequestBody VoteBody body, CurrentUser user) {
        if (body.helpful() == null) {
            throw new ArticleRefused(400, "knowledge.error.voteRequired");
        }
        return articles.vote(id, body.helpful(), user);
    }

    @GetMapping("/kb/articles/{id}/similar")
    @Operation(summary = "Published articles like this one, within the caller's audiences")
    List<SearchPage.Hit> similar(@PathVariable long id, @RequestParam(defaultValue = "5") int limit, CurrentUser user) {
        return search.similarTo(user, id, limit);
    }

    @GetMapping("/kb/figures")
    @Operation(
            summary =
                    "Supervisors' figures of the last `days` days: first-contact resolution, escalation rate, expert time to answer, articles from tickets, reuse, deflections")
    KnowledgeFigures.Figures figures(@RequestParam(defaultValue = "30") int days) {
        return figures.figures(days);
    }

    @GetMapping("/kb/similar-tickets")
    @Operation(
            summary = "Resolved tickets like a text, of the desks the caller works (staff); confidential cases never")
    List<KnowledgeSearch.SimilarTicket> similarTickets(
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "0") long exclude,
            @RequestParam(defaultValue = "5") int limit,
            CurrentUser user) {
        return search.similarResolvedTickets(user, text, exclude, limit);
    }

    @GetMapping("/kb/search")
    @Operation(summary = "Search published articles within the caller's audiences, best first, with facets")
    SearchPage search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String desk,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "0") int offset,
            CurrentUser user) {
        return search.search(user, new KnowledgeSearch.SearchRequest(q, lang, category, desk, offset, limit), true);
    }

    @GetMapping("/kb/suggest")
    @Operation(summary = "Titles completing what was typed so far, within the caller's audiences")
    List<KnowledgeSearch.TitleSuggestion> suggest(
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "8") int limit, CurrentUser user) {
        return search.suggest(user, q, limit);
    }

    @PostMapping("/kb/deflections")
    @Operation(summary = "Record that an article answered the question (no ticket needed)")
    ResponseEntity<Void> deflection(@RequestBody DeflectionBody body, CurrentUser user) {
        if (body.articleId() == null) {
            throw new ArticleRefused(400, "knowledge.error.articleRequired");
        }
        search.recordDeflection(user, body.articleId(), body.context(), body.query());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/kb/gaps")
    @Operation(summary = "Searches that found nothing, most asked first (editors and supervisors)")
    List<KnowledgeSearch.KnowledgeGap> gaps(@RequestParam(defaultValue = "30") int days) {
        return search.gaps(days);
    }

    @GetMapping("/admin/kb/synonyms")
    @Operation(summary = "The synonym groups applied to every search")
    SynonymsBody synonyms() {
        return new SynonymsBody(search.synonyms());
    }

    @PutMapping("/admin/kb/synonyms")
    @Operation(summary = "Replace the synonym groups: one group per line, words separated by , ， / or 、")
    SynonymsBody saveSynonyms(@RequestBody SynonymsBody body, CurrentUser user) {
        return new SynonymsBody(search.saveSynonyms(body.text(), user));
    }

    @PostMapping("/admin/kb/reindex")
    @Operation(
            summary =
                    "Re-index every article of this node from the database in the background; searches go on meanwhile")
    ResponseEntity<Map<String, Object>> reindex() {
        boolean started = index.rebuildInBackground();
        return ResponseEntity.accepted().body(Map.of("started", started, "articles", index.count()));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String code) {
        if (value == null || value.isBlank()) {
            throw new ArticleRefused(
                    400,
                    code,
                    String.valueOf(value),
                    List.of(type.getEnumConstants()).toString());
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new ArticleRefused(
                    400, code, value, List.of(type.getEnumConstants()).toString());
        }
    }
}
