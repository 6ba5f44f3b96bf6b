package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.ArticleInput;
import dev.backstop.helpdesk.knowledge.ArticleRefused;
import dev.backstop.helpdesk.knowledge.Audience;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an article must be before it is saved, by an editor or an import: a title and a body within their limits, a
 * known language and desk, an audience the author may write for, a category slug and at most
 * {@value ArticleService#MAX_TAGS} short tags. A refusal is an {@link ArticleRefused} with the message key of why.
 */
final class ArticleRules {

    private static final Set<String> LANGUAGES = Set.of("zh", "en");
    private static final Set<String> DESKS = Set.of("CHANNEL", "EXPERT", "HR");
    private static final Pattern CATEGORY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,63}");

    private ArticleRules() {}

    /** The input cleaned (stripped, language lower-cased, desk upper-cased, tags joined), or refused with why. */
    static Valid validate(ArticleInput input, CurrentUser by) {
        String title = input.title() == null ? "" : input.title().strip();
        if (title.isEmpty()) {
            throw new ArticleRefused(400, "knowledge.error.titleRequired");
        }
        if (title.length() > ArticleService.MAX_TITLE) {
            throw new ArticleRefused(400, "knowledge.error.titleTooLong", ArticleService.MAX_TITLE);
        }
        String body = input.body() == null ? "" : input.body().strip();
        if (body.isEmpty()) {
            throw new ArticleRefused(400, "knowledge.error.bodyRequired");
        }
        if (body.length() > ArticleService.MAX_BODY) {
            throw new ArticleRefused(400, "knowledge.error.bodyTooLong", ArticleService.MAX_BODY);
        }
        String language =
                input.language() == null ? "" : input.language().strip().toLowerCase(java.util.Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new ArticleRefused(400, "knowledge.error.language", String.valueOf(input.language()));
        }
        if (input.audience() == null) {
            throw new ArticleRefused(400, "knowledge.error.audienceRequired");
        }
        if (!Audience.visibleTo(by).contains(input.audience())) {
            throw new ArticleRefused(
                    403, "knowledge.error.audienceNotAllowed", input.audience().name());
        }
        String category = input.category() == null ? "" : input.category().strip();
        if (!CATEGORY.matcher(category).matches()) {
            throw new ArticleRefused(400, "knowledge.error.category", category);
        }
        String desk = input.desk() == null || input.desk().isBlank()
                ? null
                : input.desk().strip().toUpperCase(java.util.Locale.ROOT);
        if (desk != null && !DESKS.contains(desk)) {
            throw new ArticleRefused(400, "knowledge.error.desk", desk);
        }
        List<String> tags = input.tags().stream()
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .toList();
        if (tags.size() > ArticleService.MAX_TAGS) {
            throw new ArticleRefused(400, "knowledge.error.tooManyTags", ArticleService.MAX_TAGS);
        }
        for (String tag : tags) {
            if (tag.length() > ArticleService.MAX_TAG || tag.contains(",")) {
                throw new ArticleRefused(400, "knowledge.error.tag", tag, ArticleService.MAX_TAG);
            }
        }
        return new Valid(title, body, language, category, desk, String.join(",", tags));
    }

    record Valid(String title, String body, String language, String category, String desk, String tags) {

        Valid withDesk(String stored) {
            return new Valid(title, body, language, category, stored, tags);
        }

        Valid withTags(String stored) {
            return new Valid(title, body, language, category, desk, stored);
        }
    }
}
