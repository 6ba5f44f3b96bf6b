package dev.backstop.helpdesk.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An article as a reader or editor sees it; {@code html} is the body rendered safely from Markdown. */
public record Article(
        long id,
        String title,
        String body,
        String html,
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
        List<Long> ticketIds,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    public Article {
        tags = List.copyOf(tags);
        ticketIds = List.copyOf(ticketIds);
    }

    /** Past its review-by date: the page asks an editor to check it is still right. */
    public boolean reviewDue(LocalDate today) {
        return reviewBy != null && !reviewBy.isAfter(today);
    }
}
