package dev.backstop.helpdesk.knowledge.internal;

/** Published after an article's row changed; the index catches up once the transaction has committed. */
record ArticleChanged(long id, long revision) {}
