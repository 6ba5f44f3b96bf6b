package dev.backstop.kb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link KbQuery} into Lucene queries. Any segmented word in title or body matches; the
 * exact character sequence (a phrase over CJK bigrams) scores extra, and the title weighs more than
 * the body. Measured on 51 HR-law articles (see the tests): words alone miss 试用期间 for 试用期
 * and 加班费 for 加班, and put the article that states the minimum-wage rule fourth for 最低工资;
 * with the bigram phrase all three come out right.
 *
 * <p>With synonyms, each other word of a group the text contains (see {@link Synonyms#alternatives}) adds an
 * optional, lightly weighted clause for that word alone.
 *
 * <p>The result is one flat disjunction: every term and phrase is a clause of its own with its weight (title × 3, …)
 * pushed down onto it, not a disjunction of per-field disjunctions. The score is the same sum, but Lucene's max-score
 * pruning works clause by clause: it can skip a common bigram in a flat list, while a nested disjunction had to be
 * advanced and scored as a whole. At a million articles this took p95 from 41 to 27 ms with identical results
 * (benchmarks/kb/SCALE.md).
 */
final class Queries {

    static final float TITLE_BOOST = 3f;
    static final float PHRASE_BOOST = 2f;
    /**
     * Weight of a synonym's clause. Low, so that it finds what the asker's own word misses without outranking documents
     * that use the asker's words (0.9 → 0.3: nDCG@10 0.605 → 0.650 on the labelled queries, benchmarks/kb/RESULTS.md).
     */
    static final float SYNONYM_BOOST = 0.3f;

    private final QueryBuilder builder;
    private final Analyzer suggestAnalyzer;

    Queries(Analysis analysis) {
        this.builder = new QueryBuilder(analysis.analyzer());
        this.suggestAnalyzer = analysis.suggestions();
    }

    /**
     * The text part alone; empty when the text has no searchable term. Each other word of a synonym group the text
     * contains is one more, smaller optional clause (that word as a phrase, {@link #SYNONYM_BOOST}), not a copy of the whole
     * query per variant: a disjunction-max over whole variants made Lucene score every document matching any variant
     * (no block-max pruning), p95 250 ms at a million articles (benchmarks/kb/SCALE.md).
     */
    Optional<Query> text(String text, Synonyms synonyms) {
        return text(text, synonyms, List.of());
    }

    /** With the Chinese translations of the text's English words ({@link Lexicon}), weighted like synonyms. */
    Optional<Query> text(String text, Synonyms synonyms, List<String> translated) {
        String asked = asked(text);
        Optional<Query> main = variant(Synonyms.normalize(asked));
        List<Query> alternatives = new ArrayList<>();
        List<String> words = new ArrayList<>(synonyms.alternatives(asked));
        translated.stream().filter(word -> !words.contains(word)).forEach(words::add);
        for (String alternative : words) {
            phrase(alternative).ifPresent(q -> alternatives.add(new BoostQuery(q, SYNONYM_BOOST)));
        }
        if (alternatives.isEmpty()) {
            return main;
        }
        Disjunction any = new Disjunction();
        main.ifPresent(q -> any.add(q, 1f));
        alternatives.forEach(q -> any.add(q, 1f));
        return any.build();
    }

    /**
     * What of a text is searched: the first {@value #MAX_ASKED} characters. Someone who pastes a whole letter into the
     * search box gets the articles its beginning is about, not an error: each character adds a clause per field, and
     * Lucene refuses a query of more than 1,024 clauses.
     */
    static String asked(String text) {
        return capped(text.strip()).strip();
    }

    /** The first {@value #MAX_ASKED} characters, as typed (a trailing space still ends a suggestion's last word). */
    static String capped(String text) {
        if (text.length() <= MAX_ASKED) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(MAX_ASKED - 1)) ? MAX_ASKED - 1 : MAX_ASKED);
    }

    static final int MAX_ASKED = 150;

    /** Text within the audiences: what facets count. */
    Optional<Query> withinAudiences(KbQuery query, Synonyms synonyms) {
        return withinAudiences(query, synonyms, List.of());
    }

    Optional<Query> withinAudiences(KbQuery query, Synonyms synonyms, List<String> translated) {
        return text(query.text(), synonyms, translated).map(text -> {
            BooleanQuery.Builder result = new BooleanQuery.Builder().add(text, Occur.MUST);
            audienceFilter(query.audiences()).ifPresent(filter -> result.add(filter, Occur.FILTER));
            return result.build();
        });
    }

    /** Text within the audiences, narrowed by language, category and desk: the hits. */
    Optional<Query> hits(KbQuery query, Synonyms synonyms) {
        return withinAudiences(query, synonyms).map(base -> narrow(base, query));
    }

    static Query narrow(Query base, KbQuery query) {
        if (!query.narrowed()) {
            return base;
        }
        BooleanQuery.Builder result = new BooleanQuery.Builder().add(base, Occur.MUST);
        filter(result, Fields.LANGUAGE, query.language());
        filter(result, Fields.CATEGORY, query.category());
        filter(result, Fields.DESK, query.desk());
        return result.build();
    }

    /**
     * Titles that contain what was typed so far: every complete token must appear, the last one may
     * be the start of a token ({@code 年休} finds 年休假, {@code annu} finds annual leave).
     */
    Optional<Query> suggestions(String prefix, Set<String> audiences) {
        List<String> tokens = Analysis.terms(suggestAnalyzer, Fields.TITLE_SUGGEST, prefix);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder result = new BooleanQuery.Builder();
        for (int i = 0; i < tokens.size() - 1; i++) {
            result.add(new TermQuery(new Term(Fields.TITLE_SUGGEST, tokens.get(i))), Occur.MUST);
        }
        boolean endsInSpace = !prefix.isEmpty() && Character.isWhitespace(prefix.charAt(prefix.length() - 1));
        Term last = new Term(Fields.TITLE_SUGGEST, tokens.getLast());
        result.add(endsInSpace ? new TermQuery(last) : new PrefixQuery(last), Occur.MUST);
        audienceFilter(audiences).ifPresent(filter -> result.add(filter, Occur.FILTER));
        return Optional.of(result.build());
    }

    static Optional<Query> audienceFilter(Set<String> audiences) {
        if (audiences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TermInSetQuery(
                Fields.AUDIENCE, audiences.stream().map(BytesRef::new).toList()));
    }

    private Optional<Query> variant(String asked) {
        String text = Colloquial.topic(asked);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Disjunction anyField = new Disjunction();
        anyField.add(builder.createBooleanQuery(Fields.TITLE, text, Occur.SHOULD), TITLE_BOOST);
        anyField.add(builder.createBooleanQuery(Fields.BODY, text, Occur.SHOULD), 1f);
        anyField.add(
                builder.createPhraseQuery(Fields.TITLE + Analysis.BIGRAM_SUFFIX, text), TITLE_BOOST * PHRASE_BOOST);
        if (!severalChineseWords(text)) {
            // several Chinese words (社保基数 多少) as one body phrase would need them side by side in that order, which
            // almost no article has, while its position checks cost ~3 ms at p95 at a million articles; measured no
            // change in the labelled set (benchmarks/kb/SCALE.md). Each word's own body clause stays. An English
            // phrase (sick leave) is kept: there the words do stand side by side.
            anyField.add(builder.createPhraseQuery(Fields.BODY + Analysis.BIGRAM_SUFFIX, text), PHRASE_BOOST);
        }
        // bigrams as single terms too: a query's words rarely stand in the article as one phrase, and the segmenter
        // cuts query and article differently (measured +0.04 nDCG@10, benchmarks/kb/QUALITY.md)
        anyField.add(
                builder.createBooleanQuery(Fields.TITLE + Analysis.BIGRAM_SUFFIX, text, Occur.SHOULD), TITLE_BOOST);
        anyField.add(builder.createBooleanQuery(Fields.BODY + Analysis.BIGRAM_SUFFIX, text, Occur.SHOULD), 1f);
        anyField.add(builder.createBooleanQuery(Fields.TAGS_TEXT, text, Occur.SHOULD), TITLE_BOOST);
        anyField.add(builder.createPhraseQuery(Fields.TAGS_TEXT + Analysis.BIGRAM_SUFFIX, text), TITLE_BOOST);
        return anyField.build(); // empty: only stop words
    }

    /**
     * One synonym as an exact sequence in title, body or tags: its bigrams as single terms (as {@link #variant} adds
     * them) would match most of an HR corpus (解除劳动合同 → 劳动, 合同) and make the whole query score nearly every
     * document.
     */
    private Optional<Query> phrase(String word) {
        Disjunction anyField = new Disjunction();
        anyField.add(builder.createPhraseQuery(Fields.TITLE, word), TITLE_BOOST);
        anyField.add(builder.createPhraseQuery(Fields.BODY, word), 1f);
        anyField.add(
                builder.createPhraseQuery(Fields.TITLE + Analysis.BIGRAM_SUFFIX, word), TITLE_BOOST * PHRASE_BOOST);
        anyField.add(builder.createPhraseQuery(Fields.TAGS_TEXT + Analysis.BIGRAM_SUFFIX, word), TITLE_BOOST);
        return anyField.build();
    }

    private static void filter(BooleanQuery.Builder target, String field, String value) {
        if (value != null) {
            target.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static boolean severalChineseWords(String text) {
        String words = text.strip();
        return words.chars().anyMatch(Character::isWhitespace)
                && words.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * Optional clauses, flattened (see the class comment); a term or phrase that comes twice (a word the text repeats)
     * is one clause with the weights summed, which scores the same as two.
     */
    private static final class Disjunction {
        private final Map<Query, Float> clauses = new LinkedHashMap<>();

        void add(Query clause, float boost) {
            if (clause instanceof BoostQuery boosted) {
                add(boosted.getQuery(), boost * boosted.getBoost());
            } else if (clause instanceof BooleanQuery any
                    && any.getMinimumNumberShouldMatch() == 0
                    && any.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD)) {
                any.clauses().forEach(c -> add(c.query(), boost));
            } else if (clause != null) {
                clauses.merge(clause, boost, Float::sum);
            }
        }

        Optional<Query> build() {
            if (clauses.isEmpty()) {
                return Optional.empty();
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            clauses.forEach(
                    (clause, boost) -> any.add(boost == 1f ? clause : new BoostQuery(clause, boost), Occur.SHOULD));
            return Optional.of(any.build());
        }
    }
}
