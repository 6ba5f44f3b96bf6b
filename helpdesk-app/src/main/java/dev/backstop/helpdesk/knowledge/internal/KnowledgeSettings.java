package dev.backstop.helpdesk.knowledge.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this node keeps its index ({@code BACKSTOP_DATA_DIR/kb-index} by default, similar resolved tickets in
 * {@code kb-tickets-index}) and how often it checks the
 * database for changes made on other nodes. {@code dense} (BACKSTOP_KNOWLEDGE_DENSE, on by default) adds the
 * in-process embedding model to the article search (hybrid search, docs/adr/0016-knowledge-hybrid-search.md);
 * off, the search is lexical only and the model is never loaded (about 450 MB less memory). {@code lexicon}
 * (BACKSTOP_KNOWLEDGE_LEXICON, on by default) translates the English words of a question with CC-CEDICT, when the
 * build could fetch it.
 */
@ConfigurationProperties("backstop.knowledge")
record KnowledgeSettings(
        Path indexDirectory,
        Path ticketsIndexDirectory,
        @DefaultValue("1s") Duration syncInterval,
        @DefaultValue("true") boolean dense,
        @DefaultValue("true") boolean lexicon) {}
