package dev.backstop.kb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * The facet counts of a search ({@link Fields#FACETS}: audience, category …) over the documents it counted, by the
 * global ordinals of the facet doc values; the ordinal map is built once per index view. Thread-safe.
 */
final class Facets {

    private volatile FacetState facetState;

    /** Facet values of these documents (global ordinals of the facet doc values), most frequent first. */
    Map<String, Map<String, Long>> count(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        Optional<SortedSetDocValuesReaderState> state = facetState(searcher.getIndexReader());
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        if (state.isEmpty()) {
            return result;
        }
        SortedSetDocValues values = state.get().getDocValues();
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
        }
        Arrays.sort(ids);
        long[] counts = new long[Math.toIntExact(values.getValueCount())];
        for (int doc : ids) {
            if (values.advanceExact(doc)) {
                for (int i = 0; i < values.docValueCount(); i++) {
                    counts[Math.toIntExact(values.nextOrd())]++;
                }
            }
        }
        for (String dimension : Fields.FACETS) {
            List<LabelAndValue> labels = new ArrayList<>();
            SortedSetDocValuesReaderState.OrdRange range =
                    hasDimension(state.get(), dimension) ? state.get().getOrdRange(dimension) : null;
            if (range != null) {
                for (int ord = range.start(); ord <= range.end(); ord++) {
                    if (counts[ord] > 0) {
                        String[] path =
                                FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
                        labels.add(new LabelAndValue(path[path.length - 1], counts[ord]));
                    }
                }
            }
            labels.sort((a, b) -> a.value.longValue() != b.value.longValue()
                    ? Long.compare(b.value.longValue(), a.value.longValue())
                    : a.label.compareTo(b.label));
            Map<String, Long> top = new LinkedHashMap<>();
            for (LabelAndValue label : labels.subList(0, Math.min(50, labels.size()))) {
                top.put(label.label, label.value.longValue());
            }
            result.put(dimension, top);
        }
        return result;
    }

    private static boolean hasDimension(SortedSetDocValuesReaderState state, String dimension) {
        return state.getOrdRange(dimension) != null;
    }

    /** The ordinal map for facets is built once per index view, not per search. */
    private Optional<SortedSetDocValuesReaderState> facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader == reader) {
            return current.state;
        }
        Optional<SortedSetDocValuesReaderState> state;
        try {
            state = Optional.of(new DefaultSortedSetDocValuesReaderState(reader, KbDocuments.FACETS));
        } catch (IllegalArgumentException noFacetsYet) {
            state = Optional.empty(); // an empty index has no facet field
        }
        facetState = new FacetState(reader, state);
        return state;
    }

    private record FacetState(IndexReader reader, Optional<SortedSetDocValuesReaderState> state) {}
}
