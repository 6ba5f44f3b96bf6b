package dev.backstop.helpdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.kb.KbDocument;
import dev.backstop.kb.KbQuery;
import dev.backstop.kb.KnowledgeBase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * BACKSTOP_KNOWLEDGE_DENSE: on by default (the embedded default gets hybrid search with the real model), off gives the
 * lexical search alone without loading the model. The test profile turns it off for the other contexts
 * ({@code src/test/resources/config/application.properties}); this runner starts from the main defaults.
 */
class KnowledgeDenseSwitchTests {

    private final ApplicationContextRunner knowledge =
            new ApplicationContextRunner().withUserConfiguration(KnowledgeConfiguration.class);

    @Test
    void denseSearchIsOnByDefaultAndFindsAnArticleByWhatItMeans(@TempDir Path index) {
        knowledge
                .withPropertyValues(
                        "backstop.knowledge.index-directory=" + index,
                        "backstop.knowledge.tickets-index-directory=" + index.resolve("tickets"))
                .run(context -> {
                    KnowledgeBase kb = context.getBean(KnowledgeBase.class);
                    assertThat(kb.dense()).isTrue();
                    kb.indexAll(List.of(
                            article("rest", "每周休息", "用人单位应当保证劳动者每周至少休息一日。"), article("wage", "最低工资", "国家实行最低工资保障制度。")));
                    assertThat(kb.awaitVectors(Duration.ofMinutes(2))).isTrue();
                    assertThat(kb.search(KbQuery.of("礼拜六礼拜天要歇"))
                                    .hits()
                                    .getFirst()
                                    .id())
                            .isEqualTo("rest");
                });
    }

    @Test
    void denseFalseGivesTheLexicalSearchAlone(@TempDir Path index) {
        knowledge
                .withPropertyValues(
                        "backstop.knowledge.index-directory=" + index,
                        "backstop.knowledge.tickets-index-directory=" + index.resolve("tickets"),
                        "backstop.knowledge.dense=false")
                .run(context -> {
                    KnowledgeBase kb = context.getBean(KnowledgeBase.class);
                    assertThat(kb.dense()).isFalse();
                    kb.index(article("rest", "每周休息", "用人单位应当保证劳动者每周至少休息一日。"));
                    assertThat(kb.withoutVector()).isZero();
                    assertThat(kb.search(KbQuery.of("礼拜六礼拜天要歇")).hits()).isEmpty();
                });
    }

    private static KbDocument article(String id, String title, String body) {
        return new KbDocument(id, title, body, "zh", "EMPLOYEES", "law", List.of());
    }
}
