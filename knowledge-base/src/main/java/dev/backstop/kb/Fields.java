package dev.backstop.kb;

/** Field names of the index; one place so that indexing and searching agree. */
final class Fields {
    static final String ID = "id";
    static final String TITLE = "title";
    static final String BODY = "body";
    /** The title again, as bigrams and words without stemming, for suggestions while typing. */
    static final String TITLE_SUGGEST = "title_suggest";

    static final String LANGUAGE = "language";
    static final String AUDIENCE = "audience";
    static final String CATEGORY = "category";
    static final String DESK = "desk";
    static final String TAG = "tag";
    /** The tags again as searchable text: editors put the words people use there (年假, 红冲, OT). */
    static final String TAGS_TEXT = "tags_text";

    static final String REVISION = "revision";
    /** Which {@link Embedder#model()} computed the document's vector; absent while it has none. */
    static final String VECTOR_MODEL = "vector_model";

    /** The dense vector of title and body; one field per length, so that a model of another length never clashes. */
    static String vector(int dimensions) {
        return "vector_" + dimensions;
    }

    /** The facet dimensions, in the order a page shows them. */
    static final String[] FACETS = {CATEGORY, AUDIENCE, LANGUAGE, DESK};

    private Fields() {}
}
