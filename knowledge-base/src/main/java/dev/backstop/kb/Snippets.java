package dev.backstop.kb;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;

/**
 * Highlighted, HTML-escaped passages of the body with matches in {@code <mark>}. The stored body is
 * re-analysed into bigrams and the query text is matched against those: a document may have been
 * found through its bigrams only (the segmenter cut the same characters differently in the article
 * and in the query), and its snippet must show the match all the same.
 */
final class Snippets {

    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";
    private static final int PASSAGES = 1;

    private final Analyzer bigrams;
    private final QueryBuilder queries;

    Snippets(Analysis analysis) {
        this.bigrams = analysis.bigrams();
        this.queries = new QueryBuilder(bigrams);
    }

    String[] highlight(IndexSearcher searcher, String text, TopDocs page) throws IOException {
        Query query = queries.createBooleanQuery(Fields.BODY, text, BooleanClause.Occur.SHOULD);
        if (query == null) {
            String[] none = new String[page.scoreDocs.length];
            Arrays.fill(none, "");
            return none;
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, bigrams)
                .withFormatter(new DefaultPassageFormatter(OPEN, CLOSE, "…", true))
                .build();
        String[] snippets = highlighter.highlight(Fields.BODY, query, page, PASSAGES);
        for (int i = 0; i < snippets.length; i++) {
            // overlapping bigrams (年休 + 休假) come out as touching marks: show one
            snippets[i] = snippets[i] == null ? "" : snippets[i].replace(CLOSE + OPEN, "");
        }
        return snippets;
    }
}
