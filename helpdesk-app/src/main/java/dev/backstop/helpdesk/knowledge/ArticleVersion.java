package dev.backstop.helpdesk.knowledge;

import java.time.Instant;

/** One saved version of an article: who changed it when, and what it said. */
public record ArticleVersion(
        int version, String title, String body, ArticleState state, String changedBy, Instant changedAt) {}
