package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.Article;
import dev.backstop.helpdesk.knowledge.ArticleInput;
import dev.backstop.helpdesk.knowledge.ArticleState;
import dev.backstop.helpdesk.knowledge.Audience;
import dev.backstop.helpdesk.knowledge.ExpertEscalations;
import dev.backstop.helpdesk.knowledge.KnowledgeArticles;
import dev.backstop.helpdesk.knowledge.KnowledgeFigures;
import dev.backstop.helpdesk.knowledge.KnowledgeSearch;
import dev.backstop.helpdesk.knowledge.SearchPage;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base in the browser: search with facets and suggestions, articles with votes and "this answered
 * it", the live answers beside the ticket form, and the editors' pages. Agents use {@code /workspace/kb}, portal
 * users {@code /portal/kb}: the same pages, each showing only the reader's audiences.
 *
 * <p>About 370 lines on purpose: one short handler per page, and the reader's, the live-answer and the editor's pages
 * share how a page finds the reader's audiences and desk; the work is in the services.
 */
@Controller
class KnowledgePages {

    static final int PAGE_SIZE = 10;

    private final KnowledgeArticles articles;
    private final KnowledgeSearch search;
    private final ExpertEscalations escalations;
    private final DeskTime deskTime;
    private final TicketManagement tickets;
    private final KnowledgeFigures figures;

    KnowledgePages(
            KnowledgeArticles articles,
            KnowledgeSearch search,
            ExpertEscalations escalations,
            DeskTime deskTime,
            TicketManagement tickets,
            KnowledgeFigures figures) {
        this.figures = figures;
        this.tickets = tickets;
        this.articles = articles;
        this.search = search;
        this.escalations = escalations;
        this.deskTime = deskTime;
    }

    @GetMapping({"/workspace/kb", "/portal/kb"})
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String fragment,
            CurrentUser user,
            Model model,
            jakarta.servlet.http.HttpServletRequest request) {
        String base = base(request);
        int offset = Math.max(page, 0) * PAGE_SIZE;
        SearchPage result = q.isBlank()
                ? new SearchPage("", 0, true, List.of(), java.util.Map.of())
                : search.search(
                        user, new KnowledgeSearch.SearchRequest(q, lang, category, null, offset, PAGE_SIZE), true);
        model.addAttribute("base", base);
        model.addAttribute("q", q);
        model.addAttribute("lang", lang);
        model.addAttribute("category", category);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("staff", base.startsWith("/workspace"));
        model.addAttribute("editor", articles.mayEdit(user));
        model.addAttribute("mayEscalate", base.startsWith("/workspace") && escalations.mayEscalate(user));
        return "htmx".equals(fragment) ? "knowledge/search :: results" : "knowledge/search";
    }

    @GetMapping({"/workspace/kb/suggest", "/portal/kb/suggest"})
    String suggest(
            @RequestParam(defaultValue = "") String q,
            CurrentUser user,
            Model model,
            jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("base", base(request));
        model.addAttribute("suggestions", search.suggest(user, q, 8));
        return "knowledge/search :: suggestions";
    }

    @GetMapping({"/workspace/kb/articles/{id}", "/portal/kb/articles/{id}"})
    String article(
            @PathVariable long id,
            @RequestParam(required = false) String q,
            CurrentUser user,
            Model model,
            jakarta.servlet.http.HttpServletRequest request) {
        String base = base(request);
        Article article = articles.read(id, user, true);
        model.addAttribute("base", base);
        model.addAttribute("article", article);
        model.addAttribute("q", q);
        model.addAttribute(
                "similar", article.state() == ArticleState.PUBLISHED ? search.similarTo(user, id, 5) : List.of());
        model.addAttribute("editor", articles.mayEdit(user));
        model.addAttribute("reviewDue", article.reviewDue(deskTime.today()));
        return "knowledge/article";
    }

    @PostMapping({"/workspace/kb/articles/{id}/vote", "/portal/kb/articles/{id}/vote"})
    String vote(
            @PathVariable long id,
            @RequestParam boolean helpful,
            CurrentUser user,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletRequest request) {
        articles.vote(id, helpful, user);
        redirect.addFlashAttribute("successKey", "knowledge.vote.thanks");
        return "redirect:" + base(request) + "/articles/" + id;
    }

    @PostMapping({"/workspace/kb/articles/{id}/answered", "/portal/kb/articles/{id}/answered"})
    String answered(
            @PathVariable long id,
            @RequestParam(required = false) String q,
            CurrentUser user,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletRequest request) {
        String base = base(request);
        search.recordDeflection(user, id, base.startsWith("/portal") ? "PORTAL" : "SEARCH", q);
        redirect.addFlashAttribute("successKey", "knowledge.deflection.thanks");
        return "redirect:" + base + "/articles/" + id;
    }

    /** Beside the ticket form: the best articles for what the rep has typed so far. */
    @GetMapping("/workspace/kb/answers")
    String answers(
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String description,
            CurrentUser user,
            Model model) {
        String text = (subject + " " + description).strip();
        model.addAttribute("answers", search.answersFor(user, text, 5));
        model.addAttribute("similarTickets", search.similarResolvedTickets(user, text, 0, 5));
        model.addAttribute("text", text);
        return "knowledge/answers :: answers";
    }

    /**
     * Beside the portal's new-ticket form: the published articles of the reader's own audiences that best answer what
     * they typed so far (never resolved tickets: those are staff's).
     */
    @GetMapping("/portal/kb/answers")
    String portalAnswers(
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String description,
            CurrentUser user,
            Model model) {
        model.addAttribute("answers", search.answersFor(user, (subject + " " + description).strip(), 5));
        return "knowledge/answers :: portalAnswers";
    }

    /** "This answered my question" on the portal's form: a deflection (context PORTAL_FORM), and no ticket is opened. */
    @PostMapping("/portal/kb/answers/{id}/answered")
    String answeredFromPortalForm(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String description,
            CurrentUser user,
            Model model) {
        search.recordDeflection(user, id, "PORTAL_FORM", (subject + " " + description).strip());
        model.addAttribute("articleId", id);
        return "knowledge/answers :: portalRecorded";
    }

    /** On a ticket's page: the articles that answer it and resolved tickets like it (404 when the reader may not see it). */
    @GetMapping("/workspace/kb/similar-tickets")
    String similarTickets(@RequestParam long ticket, CurrentUser user, Model model) {
        TicketDetails shown = tickets.get(ticket, user);
        String text = shown.subject() + "\n" + (shown.description() == null ? "" : shown.description());
        model.addAttribute("ticketArticles", search.answersFor(user, text, 5));
        model.addAttribute("similarTickets", search.similarResolvedTickets(user, text, ticket, 5));
        return "knowledge/answers :: ticketSuggestions";
    }

    @PostMapping("/workspace/kb/answers/{id}/answered")
    String answeredFromTicketForm(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String description,
            CurrentUser user,
            Model model) {
        search.recordDeflection(user, id, "TICKET_FORM", (subject + " " + description).strip());
        model.addAttribute("articleId", id);
        return "knowledge/answers :: recorded";
    }

    @GetMapping("/workspace/kb/figures")
    String figures(@RequestParam(defaultValue = "30") int days, Model model) {
        model.addAttribute("days", days);
        model.addAttribute("figures", figures.figures(days));
        return "knowledge/figures";
    }

    @GetMapping("/workspace/kb/gaps")
    String gaps(@RequestParam(defaultValue = "30") int days, CurrentUser user, Model model) {
        model.addAttribute("days", days);
        model.addAttribute("gaps", search.gaps(days));
        model.addAttribute("unmatched", escalations.unmatched(days, user));
        model.addAttribute("skills", EscalationPages.skillsByCode(escalations));
        return "knowledge/gaps";
    }

    @GetMapping("/workspace/kb/editor")
    String editorList(
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "") String q,
            CurrentUser user,
            Model model) {
        ArticleState filter = state == null || state.isBlank()
                ? null
                : KnowledgeApi.parse(ArticleState.class, state, "knowledge.error.state");
        model.addAttribute("articles", articles.list(filter, q, user));
        model.addAttribute("states", ArticleState.values());
        model.addAttribute("state", filter);
        model.addAttribute("q", q);
        return "knowledge/editor-list";
    }

    @GetMapping("/workspace/kb/editor/new")
    String newArticle(CurrentUser user, Model model) {
        return form(
                model,
                user,
                null,
                new ArticleForm(
                        null, "", "", "zh", Audience.FRONTLINE.name(), "", null, "", ArticleState.DRAFT.name(), null),
                null);
    }

    @PostMapping("/workspace/kb/editor")
    String create(ArticleForm form, CurrentUser user, Model model, RedirectAttributes redirect) {
        try {
            Article article = articles.create(form.toInput(), user);
            redirect.addFlashAttribute("successKey", "knowledge.editor.saved");
            return "redirect:/workspace/kb/editor/" + article.id();
        } catch (BackstopException refused) {
            return form(model, user, null, form, refused);
        }
    }

    @GetMapping("/workspace/kb/editor/{id}")
    String edit(@PathVariable long id, CurrentUser user, Model model) {
        Article article = articles.read(id, user, false);
        model.addAttribute("versions", articles.versions(id, user));
        return form(model, user, article, ArticleForm.of(article), null);
    }

    @PostMapping("/workspace/kb/editor/{id}")
    String update(@PathVariable long id, ArticleForm form, CurrentUser user, Model model, RedirectAttributes redirect) {
        try {
            articles.update(id, form.toInput(), form.version(), user);
            redirect.addFlashAttribute("successKey", "knowledge.editor.saved");
            return "redirect:/workspace/kb/editor/" + id;
        } catch (BackstopException refused) {
            Article article = articles.read(id, user, false);
            model.addAttribute("versions", articles.versions(id, user));
            return form(model, user, article, form, refused);
        }
    }

    @PostMapping("/workspace/kb/editor/{id}/state")
    String changeState(
            @PathVariable long id, @RequestParam String state, CurrentUser user, RedirectAttributes redirect) {
        try {
            articles.changeState(id, KnowledgeApi.parse(ArticleState.class, state, "knowledge.error.state"), user);
            redirect.addFlashAttribute("successKey", "knowledge.editor.stateChanged");
        } catch (BackstopException refused) {
            redirect.addFlashAttribute("errorKey", refused.code());
            redirect.addFlashAttribute("errorArgs", refused.arguments());
        }
        return "redirect:/workspace/kb/editor/" + id;
    }

    private String form(Model model, CurrentUser user, Article article, ArticleForm form, BackstopException refused) {
        model.addAttribute("article", article);
        model.addAttribute("action", article == null ? "/workspace/kb/editor" : "/workspace/kb/editor/" + article.id());
        model.addAttribute("form", form);
        model.addAttribute("audiences", Audience.visibleTo(user));
        model.addAttribute("states", article == null ? ArticleState.values() : null);
        model.addAttribute(
                "nextStates", article == null ? List.of() : article.state().next());
        model.addAttribute("preview", Markdown.toHtml(form.body()));
        if (refused != null) {
            model.addAttribute("errorKey", refused.code());
            model.addAttribute("errorArgs", refused.arguments());
        }
        return "knowledge/editor-form";
    }

    private static String base(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/portal")
                ? "/portal/kb"
                : "/workspace/kb";
    }

    /** The editor form as posted; tags comma separated. */
    record ArticleForm(
            Integer version,
            String title,
            String body,
            String language,
            String audience,
            String category,
            String desk,
            String tags,
            String state,
            LocalDate reviewBy) {

        ArticleInput toInput() {
            List<String> tagList = tags == null
                    ? List.of()
                    : Arrays.stream(tags.split("[,，]"))
                            .map(String::strip)
                            .filter(tag -> !tag.isEmpty())
                            .toList();
            return new ArticleInput(
                    title,
                    body,
                    language,
                    audience == null || audience.isBlank()
                            ? null
                            : KnowledgeApi.parse(Audience.class, audience, "knowledge.error.audience"),
                    category,
                    desk,
                    tagList,
                    state == null || state.isBlank()
                            ? null
                            : KnowledgeApi.parse(ArticleState.class, state, "knowledge.error.state"),
                    reviewBy);
        }

        static ArticleForm of(Article article) {
            return new ArticleForm(
                    article.version(),
                    article.title(),
                    article.body(),
                    article.language(),
                    article.audience().name(),
                    article.category(),
                    article.desk(),
                    String.join(", ", article.tags()),
                    null,
                    article.reviewBy());
        }
    }
}
