package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.identity.CurrentUser;
import java.util.List;

/**
 * Writing and reading articles. Editors ({@code KB_EDITOR}, {@code ADMIN}, {@code EXPERT}) write within the
 * audiences they may see; readers get a published article of their audiences, and drafts only when they may edit.
 * Every change is a new version and a new revision, which every node's index follows.
 */
public interface KnowledgeArticles {

    Article create(ArticleInput input, CurrentUser by);

    /** Creates all in one transaction (bulk loads, demo data): all or nothing. */
    int createAll(List<ArticleInput> inputs, CurrentUser by);

    /** A new version; {@code expectedVersion} (when not null) guards against overwriting someone else's edit. */
    Article update(long id, ArticleInput input, Integer expectedVersion, CurrentUser by);

    Article changeState(long id, ArticleState state, CurrentUser by);

    /** The article for this reader, or {@link ArticleNotFound}; {@code countView} adds one to its views. */
    Article read(long id, CurrentUser reader, boolean countView);

    List<ArticleVersion> versions(long id, CurrentUser reader);

    /** One vote per reader per article; voting again changes the vote. */
    Article vote(long id, boolean helpful, CurrentUser by);

    /** The editors' list: newest first, optionally one state, optionally a title filter. */
    List<ArticleSummary> list(ArticleState state, String titleContains, CurrentUser editor);

    boolean mayEdit(CurrentUser user);

    /**
     * "Capture as article": a DRAFT prefilled from a ticket the editor may see (an expert-desk ticket, or any resolved
     * one): title = the question, body = the question and the experts' answers from the timeline, category from the
     * skill. The article names the ticket as its source and is linked to it ({@code CAPTURED}); a ticket is captured
     * once ({@link ArticleRefused} 409 with the existing article's id).
     */
    Article captureFromTicket(long ticketId, CurrentUser by);
}
