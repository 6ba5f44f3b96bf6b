package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.identity.CurrentUser;
import java.util.List;

/**
 * Reply templates and call scripts ("one voice"): per desk and language, with {@code {{variables}}} such as
 * {@code {{requester}}}, {@code {{orderNo}}} or {@code {{due}}} filled from a ticket. Staff read and render them;
 * knowledge editors ({@code KB_EDITOR}, {@code EXPERT}, {@code ADMIN}) write them. Every save is a new version;
 * an edit of a version someone else has replaced is refused (409). A body naming a variable that does not exist
 * is refused (400) with the list of the known ones.
 */
public interface ReplyTemplates {

    /** The variables a body may use, in the order editors see them. */
    List<String> variables();

    List<ReplyTemplate> list(TemplateFilter filter, CurrentUser reader);

    ReplyTemplate get(long id, CurrentUser reader);

    ReplyTemplate create(TemplateInput input, CurrentUser by);

    /** A new version; {@code expectedVersion} (when not null) guards against overwriting someone else's edit. */
    ReplyTemplate update(long id, TemplateInput input, Integer expectedVersion, CurrentUser by);

    /** Takes the template out of the composer (a new version in state ARCHIVED). */
    ReplyTemplate archive(long id, Integer expectedVersion, CurrentUser by);

    /** Newest first. */
    List<TemplateVersion> versions(long id, CurrentUser reader);

    /** Fills the template from a ticket the reader may see ({@code TicketNotFound}, 404, otherwise). */
    RenderedTemplate render(long templateId, long ticketId, CurrentUser reader);

    /** For the ticket page: the desk's active replies and rendered scripts, {@code language} ("zh"/"en") first. */
    ComposerAids forTicket(long ticketId, String language, CurrentUser reader);

    boolean mayEdit(CurrentUser user);
}
