package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.kb.Analysis;
import dev.backstop.kb.KnowledgeBase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeSettings.class)
class KnowledgeConfiguration {

    @Bean(destroyMethod = "close")
    KnowledgeBase knowledgeBase(KnowledgeSettings settings) {
        return KnowledgeBase.open(settings.indexDirectory(), Analysis.chineseAndEnglish());
    }
}
