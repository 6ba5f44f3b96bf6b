package dev.backstop.kb;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;

/**
 * One search over one index view: the lexical matches counted up to {@link KnowledgeBase#COUNT_LIMIT}, with an
 * {@link Embedder} the articles nearest in meaning fused in ({@link Fusion}), the facets of what was counted and the
 * requested page with its snippets. Stateless but for the facets' ordinal map; thread-safe.
 */
final class Ranking {

    private final Snippets snippets;
    /** Null: lexical search only. */
    private final Embedder embedder;

    private final Facets facets = new Facets();

    Ranking(Snippets snippets, Embedder embedder) {
        this.snippets = snippets;
        this.embedder = embedder;
    }

    /** The page {@code request} asks for of the documents {@code within} finds, ranked, highlighted and faceted. */
    SearchResult search(
            IndexSearcher searcher,
            Query within,
            KbQuery request,
            Synonyms current,
            List<String> translated,
            Fusion fusion)
            throws IOException {
        int wanted = request.offset() + request.limit();
        TopDocs best = searcher.search(
                within,
                new TopScoreDocCollectorManager(
                        Math.max(wanted, KnowledgeBase.FACET_SAMPLE), KnowledgeBase.COUNT_LIMIT));
        if (best.totalHits.relation() == TotalHits.Relation.EQUAL_TO
                && best.totalHits.value() > best.scoreDocs.length
                && best.totalHits.value() <= KnowledgeBase.COUNT_LIMIT) {
            // few enough to count exactly (at most KnowledgeBase.COUNT_LIMIT): the facets count all of them
            best = searcher.search(
                    within,
                    new TopScoreDocCollectorManager(
                            Math.max(wanted, KnowledgeBase.COUNT_LIMIT), KnowledgeBase.COUNT_LIMIT));
        }
        TopDocs top = request.narrowed()
                ? searcher.search(
                        Queries.narrow(within, request),
                        new TopScoreDocCollectorManager(wanted, KnowledgeBase.COUNT_LIMIT))
                : best;
        long total = top.totalHits.value();
        boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        ScoreDoc[] ranked = top.scoreDocs;
        ScoreDoc[] counted = best.scoreDocs;
        if (embedder != null) {
            ScoreDoc[] nearest =
                    searcher.search(dense(request, current, translated), Math.max(wanted, DENSE_CANDIDATES)).scoreDocs;
            ranked = fusion.combine(top.scoreDocs, nearest);
            counted = union(best.scoreDocs, nearest);
            // every lexical match is among the candidates when they were counted exactly; else a lower bound
            exact = exact && total <= top.scoreDocs.length;
            total = exact ? ranked.length : Math.max(total, ranked.length);
        }
        Map<String, Map<String, Long>> facetCounts = facets.count(searcher, counted);
        ScoreDoc[] all = ranked.length > wanted ? Arrays.copyOf(ranked, wanted) : ranked;
        if (request.offset() >= all.length) {
            return new SearchResult(total, List.of(), facetCounts, exact);
        }
        ScoreDoc[] page = Arrays.copyOfRange(all, request.offset(), all.length);
        String highlightText =
                String.join(" ", current.variants(Queries.asked(request.text()))) + " " + String.join(" ", translated);
        String[] highlighted = snippets.highlight(searcher, highlightText, new TopDocs(top.totalHits, page));
        return new SearchResult(total, KnowledgeBase.hits(searcher, page, highlighted), facetCounts, exact);
    }

    /** How many articles nearest in meaning a hybrid search considers (more when a page reaches further). */
    static final int DENSE_CANDIDATES = 50;

    /**
     * The articles nearest in meaning to the question, within the same audiences and narrowing as the words: the
     * filter is inside the kNN search (it only visits allowed articles), so no vector match can leak an article the
     * reader may not see. Only vectors of the current model are compared.
     */
    private Query dense(KbQuery request, Synonyms current, List<String> translated) {
        String asked = Queries.asked(request.text());
        StringBuilder text = new StringBuilder(asked);
        current.alternatives(asked).forEach(alternative -> text.append(' ').append(alternative));
        translated.forEach(word -> text.append(' ').append(word));
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.VECTOR_MODEL, embedder.model())), Occur.FILTER);
        Queries.audienceFilter(request.audiences()).ifPresent(audiences -> filter.add(audiences, Occur.FILTER));
        Query allowed = Queries.narrow(filter.build(), request);
        float[] vector = KbDocuments.unit(embedder.embedQuery(text.toString()));
        return new KnnFloatVectorQuery(
                Fields.vector(vector.length),
                vector,
                Math.max(request.offset() + request.limit(), DENSE_CANDIDATES),
                allowed);
    }

    private static ScoreDoc[] union(ScoreDoc[] first, ScoreDoc[] second) {
        Map<Integer, ScoreDoc> all = new LinkedHashMap<>();
        for (ScoreDoc doc : first) {
            all.putIfAbsent(doc.doc, doc);
        }
        for (ScoreDoc doc : second) {
            all.putIfAbsent(doc.doc, doc);
        }
        return all.values().toArray(ScoreDoc[]::new);
    }
}
