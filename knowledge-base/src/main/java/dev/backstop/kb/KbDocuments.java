package dev.backstop.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

/** Maps a {@link KbDocument} to the Lucene fields of the index. */
final class KbDocuments {

    static final FacetsConfig FACETS = new FacetsConfig();

    private KbDocuments() {
    }

    static Document toLucene(KbDocument source) {
        Document document = new Document();
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

    private static void keyword(Document document, String field, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new StringField(field, value, Store.YES));
            document.add(new SortedSetDocValuesFacetField(field, value));
        }
    }
}
