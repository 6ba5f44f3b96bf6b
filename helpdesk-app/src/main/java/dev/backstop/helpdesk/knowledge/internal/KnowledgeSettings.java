package dev.backstop.helpdesk.knowledge.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this node keeps its index ({@code BACKSTOP_DATA_DIR/kb-index} by default, similar resolved tickets in
 * {@code kb-tickets-index}) and how often it checks the
 * database for changes made on other nodes.
 */
@ConfigurationProperties("backstop.knowledge")
record KnowledgeSettings(Path indexDirectory, Path ticketsIndexDirectory, @DefaultValue("1s") Duration syncInterval) {
}
