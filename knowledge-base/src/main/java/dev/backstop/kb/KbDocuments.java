package dev.backstop.kb;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/** Maps a {@link KbDocument} to the Lucene fields of the index. */
final class KbDocuments {

    private KbDocuments() {
    }

    static Document toLucene(KbDocument source) {
        Document document = new Document();
        document.add(new StringField(Fields.ID, source.id(), Store.YES));
        document.add(new TextField(Fields.TITLE, source.title(), Store.YES));
        document.add(new TextField(Fields.TITLE + Analysis.BIGRAM_SUFFIX, source.title(), Store.NO));
        document.add(new TextField(Fields.BODY, source.body(), Store.YES));
        document.add(new TextField(Fields.BODY + Analysis.BIGRAM_SUFFIX, source.body(), Store.NO));
        keyword(document, Fields.LANGUAGE, source.language());
        keyword(document, Fields.AUDIENCE, source.audience());
        keyword(document, Fields.CATEGORY, source.category());
        source.tags().forEach(tag -> keyword(document, Fields.TAG, tag));
        // Facets (later issue): SortedSetDocValuesFacetField for category and tags goes here.
        return document;
    }

    private static void keyword(Document document, String field, String value) {
        if (value != null && !value.isBlank()) {
            document.add(new StringField(field, value, Store.YES));
        }
    }
}
