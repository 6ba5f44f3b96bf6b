package dev.backstop.helpdesk.knowledge;

import java.util.List;

/**
 * What the ticket page offers beside the reply box: the active reply templates of the ticket's desk (the reader's
 * language first) and the desk's call scripts filled from the ticket (the one for the ticket's type first).
 */
public record ComposerAids(List<ReplyTemplate> replies, List<RenderedTemplate> scripts) {

    public ComposerAids {
        replies = List.copyOf(replies);
        scripts = List.copyOf(scripts);
    }
}
