package dev.backstop.kb;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Articles like a text (an article's own, a ticket being typed): Lucene's more-like-this within the audiences. */
final class Similar {

    private static final int MAX_QUERY_TERMS = 25;

    private final Analysis analysis;
    private final Snippets snippets;

    Similar(Analysis analysis, Snippets snippets) {
        this.analysis = analysis;
        this.snippets = snippets;
    }

    /** Up to {@code limit} articles about what {@code text} is about, within the audiences (empty: all), without {@code excludedId}. */
    List<SearchResult.Hit> find(
            IndexSearcher searcher, String text, Set<String> audiences, int limit, String excludedId)
            throws IOException {
        MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
        like.setAnalyzer(analysis.analyzer());
        like.setFieldNames(new String[] {Fields.TITLE, Fields.BODY});
        like.setMinTermFreq(1);
        like.setMinDocFreq(1);
        if (searcher.getIndexReader().numDocs() >= 1000) {
            like.setMaxDocFreqPct(30); // words in a third of all articles say nothing about this one
        }
        like.setMinWordLen(1);
        like.setMaxQueryTerms(MAX_QUERY_TERMS);
        Query terms = like.like(Fields.BODY, new StringReader(text));
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(terms, Occur.MUST);
        Queries.audienceFilter(audiences).ifPresent(filter -> query.add(filter, Occur.FILTER));
        if (excludedId != null) {
            query.add(new TermQuery(new Term(Fields.ID, excludedId)), Occur.MUST_NOT);
        }
        TopDocs top = searcher.search(query.build(), limit);
        String[] highlighted = snippets.highlight(searcher, text.length() > 200 ? text.substring(0, 200) : text, top);
        return KnowledgeBase.hits(searcher, top.scoreDocs, highlighted);
    }
}
