package dev.backstop.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Maps a {@link KbDocument} to the Lucene fields of the index. */
final class KbDocuments {

    static final FacetsConfig FACETS = new FacetsConfig();

    private KbDocuments() {}

    static Document toLucene(KbDocument source) {
        return toLucene(source, null, null);
    }

    /** With the article's vector from this model, when there is one (both null: none yet). */
    static Document toLucene(KbDocument source, float[] vector, String model) {
        Document document = new Document();
        if (vector != null) {
            document.add(new KnnFloatVectorField(
                    Fields.vector(vector.length), unit(vector), VectorSimilarityFunction.DOT_PRODUCT));
            document.add(new StringField(Fields.VECTOR_MODEL, model, Store.NO));
        }
        document.add(new StringField(Fields.ID, source.id(), Store.YES));
        document.add(new TextField(Fields.TITLE, source.title(), Store.YES));
        document.add(new TextField(Fields.TITLE + Analysis.BIGRAM_SUFFIX, source.title(), Store.NO));
        document.add(new TextField(Fields.TITLE_SUGGEST, source.title(), Store.NO));
        document.add(new TextField(Fields.BODY, source.body(), Store.YES));
        document.add(new TextField(Fields.BODY + Analysis.BIGRAM_SUFFIX, source.body(), Store.NO));
        keyword(document, Fields.LANGUAGE, source.language());
        keyword(document, Fields.AUDIENCE, source.audience());
        keyword(document, Fields.CATEGORY, source.category());
        keyword(document, Fields.DESK, source.desk());
        source.tags().forEach(tag -> {
            if (tag != null && !tag.isBlank()) {
                document.add(new StringField(Fields.TAG, tag, Store.YES));
            }
        });
        String tags = String.join(" ", source.tags());
        document.add(new TextField(Fields.TAGS_TEXT, tags, Store.NO));
        document.add(new TextField(Fields.TAGS_TEXT + Analysis.BIGRAM_SUFFIX, tags, Store.NO));
        document.add(new NumericDocValuesField(Fields.REVISION, source.revision()));
        document.add(new StoredField(Fields.REVISION, source.revision()));
        try {
            return FACETS.build(document);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** What an embedder is given for a document: its title, then its body. */
    static String embeddedText(KbDocument source) {
        return source.title() + "\n" + source.body();
    }

    /** The document again from its stored fields, e.g. to add its vector later. */
    static KbDocument fromStored(Document stored) {
        return new KbDocument(
                stored.get(Fields.ID),
                stored.get(Fields.TITLE),
                stored.get(Fields.BODY),
                stored.get(Fields.LANGUAGE),
                stored.get(Fields.AUDIENCE),
                stored.get(Fields.CATEGORY),
                stored.get(Fields.DESK),
                List.of(stored.getValues(Fields.TAG)),
                stored.getField(Fields.REVISION).numericValue().longValue());
    }

    /** The vector scaled to length 1, so that a dot product is the cosine (and the query needs the same). */
    static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }

    private static void keyword(Document document, String field, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new StringField(field, value, Store.YES));
            document.add(new SortedSetDocValuesFacetField(field, value));
        }
    }
}
