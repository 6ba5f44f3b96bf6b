package dev.backstop.kb;

/** Field names of the index; one place so that indexing and searching agree. */
final class Fields {
    static final String ID = "id";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String LANGUAGE = "language";
    static final String AUDIENCE = "audience";
    static final String CATEGORY = "category";
    static final String TAG = "tag";

    private Fields() {
    }
}
