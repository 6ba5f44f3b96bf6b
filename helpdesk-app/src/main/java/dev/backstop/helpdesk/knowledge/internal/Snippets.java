package dev.backstop.helpdesk.knowledge.internal;

import java.util.regex.Pattern;

/**
 * Search snippets are cut from an article's Markdown source by the highlighter; a reader should see words, not
 * {@code **}, {@code |} or {@code ###}. The highlight tags ({@code <b>}, {@code <em>}) stay.
 */
final class Snippets {

    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("\\*{1,3}|_{2,3}|~~|`+");
    private static final Pattern LINE_MARKERS =
            Pattern.compile("(?m)^\\s*(?:#{1,6}\\s+|>\\s*|[-*+]\\s+(?=\\S)|\\d+\\.\\s+)");
    private static final Pattern TABLE_RULE = Pattern.compile("\\|?\\s*:?-{3,}:?\\s*(?:\\|\\s*:?-{3,}:?\\s*)*\\|?");
    private static final Pattern PIPES = Pattern.compile("\\s*\\|\\s*");
    private static final Pattern HEADING_HASHES = Pattern.compile("(?<=^|\\s)#{1,6}\\s+");
    private static final Pattern SEPARATORS = Pattern.compile("(?:\\s*·\\s*)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Snippets() {}

    static String withoutMarkdown(String snippet) {
        if (snippet == null) {
            return null;
        }
        String text = LINK.matcher(snippet).replaceAll("$1");
        text = LINE_MARKERS.matcher(text).replaceAll("");
        text = TABLE_RULE.matcher(text).replaceAll(" ");
        text = PIPES.matcher(text).replaceAll(" · ");
        text = HEADING_HASHES.matcher(text).replaceAll("");
        text = EMPHASIS.matcher(text).replaceAll("");
        text = SEPARATORS.matcher(text).replaceAll(" · ");
        text = SPACES.matcher(text).replaceAll(" ");
        text = text.strip();
        while (text.startsWith("·")) {
            text = text.substring(1).strip();
        }
        while (text.endsWith("·")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }
}
