package dev.backstop.kb;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Groups of words that mean the same thing to the people who ask ({@code 公积金 / 住房公积金},
 * {@code OT / 加班}). Applied at query time only, so an edit takes effect with the next search and
 * never needs a re-index: a query that contains a word of a group is also run with that word
 * replaced by each other word of the group, and the best-scoring variant counts.
 *
 * <p>Matching is on the query text as typed, full-width folded and lower-cased, not on analysed
 * terms: SmartChineseAnalyzer cuts {@code 年休假} into {@code 年 + 休假}, so a term-level synonym
 * filter would never see {@code 年休假}. A Latin word matches only as a whole word ({@code ot} in
 * {@code OT加班费} but not in {@code hot}).
 *
 * <p>Text form, as an admin edits it: one group per line, words separated by {@code ,}, {@code ，},
 * {@code /} or {@code 、}; blank lines and lines starting with {@code #} are ignored.
 */
public final class Synonyms {

    private static final Pattern SEPARATORS = Pattern.compile("[,，/、]");
    /** Upper bound of variants per query, so a query full of synonyms stays cheap. */
    static final int MAX_VARIANTS = 12;

    private static final Synonyms NONE = new Synonyms(List.of());

    private final List<List<String>> groups;

    private Synonyms(List<List<String>> groups) {
        this.groups = groups;
    }

    public static Synonyms none() {
        return NONE;
    }

    /** Groups from the text form; a line with fewer than two distinct words is a {@link IllegalArgumentException}. */
    public static Synonyms parse(String text) {
        List<List<String>> groups = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Set<String> words = new LinkedHashSet<>();
            for (String word : SEPARATORS.split(line)) {
                String normalized = normalize(word.strip());
                if (!normalized.isEmpty()) {
                    words.add(normalized);
                }
            }
            if (words.size() < 2) {
                throw new IllegalArgumentException("line " + (i + 1) + " needs at least two different words: " + line);
            }
            groups.add(List.copyOf(words));
        }
        return new Synonyms(List.copyOf(groups));
    }

    public static Synonyms of(List<List<String>> groups) {
        StringBuilder text = new StringBuilder();
        groups.forEach(group -> text.append(String.join(",", group)).append('\n'));
        return parse(text.toString());
    }

    /** The groups, normalised (full-width folded, lower-cased), in the order given. */
    public List<List<String>> groups() {
        return groups;
    }

    /** The text form of these groups. */
    public String text() {
        StringBuilder text = new StringBuilder();
        groups.forEach(group -> text.append(String.join(", ", group)).append('\n'));
        return text.toString();
    }

    /**
     * The query text with each synonym found replaced by each other word of its group; the
     * (normalised) text itself comes first. At most {@value #MAX_VARIANTS} variants.
     */
    List<String> variants(String query) {
        String text = normalize(query);
        Set<String> variants = new LinkedHashSet<>();
        variants.add(text);
        for (List<String> group : groups) {
            // the longest word that matches wins: 住房公积金 before 公积金
            String found = null;
            for (String word : group) {
                if ((found == null || word.length() > found.length()) && contains(text, word)) {
                    found = word;
                }
            }
            if (found == null) {
                continue;
            }
            for (String other : group) {
                if (!other.equals(found) && !found.contains(other) && variants.size() < MAX_VARIANTS) {
                    variants.add(replace(text, found, other));
                }
            }
        }
        return List.copyOf(variants);
    }

    /**
     * The other words of each group the query contains (the longest matching word of a group counts as found), in
     * group order; at most {@value #MAX_VARIANTS} - 1 of them.
     */
    List<String> alternatives(String query) {
        String text = normalize(query);
        List<String> alternatives = new ArrayList<>();
        for (List<String> group : groups) {
            String found = null;
            for (String word : group) {
                if ((found == null || word.length() > found.length()) && contains(text, word)) {
                    found = word;
                }
            }
            if (found == null) {
                continue;
            }
            // shortest first; a word that contains the found word or an alternative already taken adds nothing new
            // (带薪年休假 for 年休假): it would reward the same words twice
            List<String> chosen = new ArrayList<>();
            for (String other : group.stream()
                    .sorted(java.util.Comparator.comparingInt(String::length))
                    .toList()) {
                boolean covered = other.equals(found)
                        || found.contains(other)
                        || other.contains(found)
                        || chosen.stream().anyMatch(other::contains)
                        || alternatives.contains(other);
                if (!covered && alternatives.size() < MAX_VARIANTS - 1) {
                    chosen.add(other);
                    alternatives.add(other);
                }
            }
        }
        return List.copyOf(alternatives);
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String text, String word) {
        return indexOf(text, word, 0) >= 0;
    }

    private static String replace(String text, String word, String replacement) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        while ((at = indexOf(text, word, from)) >= 0) {
            out.append(text, from, at);
            // keep Latin words apart from the neighbouring text: "ot加班费" → "加班 加班费" stays two words
            out.append(' ').append(replacement).append(' ');
            from = at + word.length();
        }
        return out.append(text.substring(from)).toString().strip();
    }

    private static int indexOf(String text, String word, int from) {
        int at = text.indexOf(word, from);
        while (at >= 0) {
            if (!isLatin(word) || (boundary(text, at - 1) && boundary(text, at + word.length()))) {
                return at;
            }
            at = text.indexOf(word, at + 1);
        }
        return -1;
    }

    private static boolean isLatin(String word) {
        return word.chars().anyMatch(c -> c < 0x2E80 && Character.isLetterOrDigit(c));
    }

    private static boolean boundary(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        return !(c < 0x2E80 && Character.isLetterOrDigit(c));
    }
}
