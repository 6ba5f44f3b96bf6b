package dev.backstop.kb;

import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link KbQuery} into a Lucene query. Any segmented word in title or body matches; the
 * exact character sequence (a phrase over CJK bigrams) scores extra, and the title weighs more than
 * the body. Measured on 51 HR-law articles (see the tests): words alone miss 试用期间 for 试用期
 * and 加班费 for 加班, and put the article that states the minimum-wage rule fourth for 最低工资;
 * with the bigram phrase all three come out right.
 */
final class Queries {

    static final float TITLE_BOOST = 3f;
    static final float PHRASE_BOOST = 2f;

    private final QueryBuilder builder;

    Queries(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
    }

    Optional<Query> toLucene(KbQuery query) {
        String text = query.text().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        add(anyField, builder.createBooleanQuery(Fields.TITLE, text, Occur.SHOULD), TITLE_BOOST);
        add(anyField, builder.createBooleanQuery(Fields.BODY, text, Occur.SHOULD), 1f);
        add(anyField, builder.createPhraseQuery(Fields.TITLE + Analysis.BIGRAM_SUFFIX, text),
                TITLE_BOOST * PHRASE_BOOST);
        add(anyField, builder.createPhraseQuery(Fields.BODY + Analysis.BIGRAM_SUFFIX, text), PHRASE_BOOST);
        BooleanQuery matching = anyField.build();
        if (matching.clauses().isEmpty()) {
            return Optional.empty(); // only stop words or punctuation
        }
        BooleanQuery.Builder result = new BooleanQuery.Builder().add(matching, Occur.MUST);
        audienceFilter(query.audiences()).ifPresent(filter -> result.add(filter, Occur.FILTER));
        return Optional.of(result.build());
    }

    private static Optional<Query> audienceFilter(Set<String> audiences) {
        if (audiences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TermInSetQuery(Fields.AUDIENCE, audiences.stream().map(BytesRef::new).toList()));
    }

    private static void add(BooleanQuery.Builder target, Query clause, float boost) {
        if (clause != null) {
            target.add(boost == 1f ? clause : new BoostQuery(clause, boost), Occur.SHOULD);
        }
    }
}
