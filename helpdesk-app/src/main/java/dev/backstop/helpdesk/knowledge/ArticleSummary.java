package dev.backstop.helpdesk.knowledge;

import java.time.Instant;
import java.time.LocalDate;

/** A row of the editors' list. */
public record ArticleSummary(
        long id,
        String title,
        String language,
        Audience audience,
        String category,
        ArticleState state,
        String ownerName,
        LocalDate reviewBy,
        int version,
        long views,
        int helpful,
        int notHelpful,
        Instant updatedAt) {}
