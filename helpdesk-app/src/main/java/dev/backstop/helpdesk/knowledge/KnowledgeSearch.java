package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.identity.CurrentUser;
import java.util.List;

/** Finding published articles, always within the reader's audiences. */
public interface KnowledgeSearch {

    /**
     * One page of hits. {@code recorded} searches (typed by a person, not live suggestions) are kept so that those
     * which found nothing show up as knowledge gaps.
     */
    SearchPage search(CurrentUser reader, SearchRequest request, boolean recorded);

    List<TitleSuggestion> suggest(CurrentUser reader, String prefix, int limit);

    List<SearchPage.Hit> similarTo(CurrentUser reader, long articleId, int limit);

    /** The articles that best answer a free text, e.g. a ticket description being typed. */
    List<SearchPage.Hit> answersFor(CurrentUser reader, String text, int limit);

    /**
     * Resolved tickets like {@code text} (a ticket being typed, or another ticket's subject and description), of the
     * desks the reader works, best first, without {@code excludeTicketId} (0: none). Confidential cases never appear.
     */
    List<SimilarTicket> similarResolvedTickets(CurrentUser reader, String text, long excludeTicketId, int limit);

    /** "This answered it": the article settled the question in this context (TICKET_FORM, PORTAL, SEARCH). */
    void recordDeflection(CurrentUser reader, long articleId, String context, String query);

    /** Searches that found nothing in the last {@code days} days, most asked first. */
    List<KnowledgeGap> gaps(int days);

    record SearchRequest(String query, String language, String category, String desk, int offset, int limit) {}

    record TitleSuggestion(long id, String title) {}

    /** A resolved ticket; {@code snippet} is escaped HTML with the shared words in {@code <mark>}. */
    record SimilarTicket(long id, String key, String subject, String snippet, float score) {}

    record KnowledgeGap(String query, long times, java.time.Instant lastAsked) {}
}
