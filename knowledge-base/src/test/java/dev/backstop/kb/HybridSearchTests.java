package dev.backstop.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid search with the real bge-small-zh-v1.5 model over real law articles (the 51 of {@link HrLawArticles}).
 */
class HybridSearchTests {

    private static final Duration WAIT = Duration.ofMinutes(2);
    /** 劳动法 第三十八条: 用人单位应当保证劳动者每周至少休息一日。 */
    private static final String WEEKLY_REST = "ldf-38";
    /** Shares no word with 第三十八条 (nor any character): the lexical search finds nothing for it. */
    private static final String PARAPHRASE = "礼拜六礼拜天要歇";

    @Test
    void anArticleIsFoundByAParaphraseThatSharesNoWordWithIt() {
        try (KnowledgeBase lexical = KnowledgeBase.inMemory(Analysis.chineseAndEnglish());
                KnowledgeBase hybrid = KnowledgeBase.inMemory(Analysis.chineseAndEnglish(), BgeSmallZh.shared())) {
            lexical.indexAll(HrLawArticles.all("EMPLOYEES"));
            hybrid.indexAll(HrLawArticles.all("EMPLOYEES"));
            assertThat(hybrid.awaitVectors(WAIT)).isTrue();

            assertThat(ids(lexical.search(KbQuery.of(PARAPHRASE)))).doesNotContain(WEEKLY_REST);
            assertThat(ids(hybrid.search(KbQuery.of(PARAPHRASE))).getFirst()).isEqualTo(WEEKLY_REST);
        }
    }

    @Test
    void aQuestionAboutNothingInTheIndexStillFindsNothingSoItShowsAsAKnowledgeGap() {
        try (KnowledgeBase hybrid = KnowledgeBase.inMemory(Analysis.chineseAndEnglish(), BgeSmallZh.shared())) {
            hybrid.indexAll(HrLawArticles.all("EMPLOYEES"));
            assertThat(hybrid.awaitVectors(WAIT)).isTrue();

            SearchResult printer = hybrid.search(KbQuery.of("打印机卡纸"));

            assertThat(printer.total()).isZero();
            assertThat(printer.hits()).isEmpty();
        }
    }

    @Test
    void aHybridQueryNeverReturnsAnArticleOutsideTheReadersAudienceEvenWhenOnlyItsVectorMatches() {
        try (KnowledgeBase hybrid = KnowledgeBase.inMemory(Analysis.chineseAndEnglish(), BgeSmallZh.shared())) {
            hybrid.indexAll(HrLawArticles.all("EMPLOYEES").stream()
                    .map(a -> a.id().equals(WEEKLY_REST) ? withAudience(a, "HR_ONLY") : a)
                    .toList());
            assertThat(hybrid.awaitVectors(WAIT)).isTrue();

            SearchResult forHr = hybrid.search(KbQuery.of(PARAPHRASE).forAudiences(Set.of("HR_ONLY")));
            SearchResult forEmployees = hybrid.search(
                    KbQuery.of(PARAPHRASE).forAudiences(Set.of("EMPLOYEES")).page(0, 100));

            assertThat(ids(forHr))
                    .containsExactly(WEEKLY_REST); // only its vector matches, and it is the only HR article
            assertThat(ids(forEmployees)).isNotEmpty().doesNotContain(WEEKLY_REST);
            assertThat(forEmployees.facets().get("audience")).containsOnlyKeys("EMPLOYEES");
        }
    }

    @Test
    void anEnglishQuestionFindsItsChineseArticleThroughTheLexicon() {
        try (KnowledgeBase hybrid = KnowledgeBase.inMemory(Analysis.chineseAndEnglish(), BgeSmallZh.shared())) {
            hybrid.indexAll(HrLawArticles.all("EMPLOYEES"));
            assertThat(hybrid.awaitVectors(WAIT)).isTrue();
            String question = "is there a minimum wage in China";
            assertThat(ids(hybrid.search(KbQuery.of(question))).stream().limit(3))
                    .doesNotContain("ldf-48");

            // as CC-CEDICT has it: several words for one sense; the one the articles use is searched
            hybrid.useLexicon(
                    Lexicon.of(Map.of("minimum wage", List.of("最低工资", "最低工资标准", "底薪"), "china", List.of("中国", "华夏"))));

            // 劳动法 第四十八条: 国家实行最低工资保障制度
            assertThat(ids(hybrid.search(KbQuery.of(question))).getFirst()).isEqualTo("ldf-48");
        }
    }

    @Test
    void anArticleWithoutItsVectorYetIsFoundByItsWords() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Embedder held = new Held(BgeSmallZh.shared(), release);
        try (KnowledgeBase hybrid = KnowledgeBase.inMemory(Analysis.chineseAndEnglish(), held)) {
            hybrid.index(HrLawArticles.all("EMPLOYEES").getFirst()); // 劳动法 第三十六条, 每日工作时间不超过八小时

            assertThat(hybrid.withoutVector()).isEqualTo(1);
            assertThat(ids(hybrid.search(KbQuery.of("工作时间 八小时")))).containsExactly("ldf-36");

            release.countDown();
            assertThat(hybrid.awaitVectors(WAIT)).isTrue();
            assertThat(ids(hybrid.search(KbQuery.of("工作时间 八小时"))).getFirst()).isEqualTo("ldf-36");
        }
    }

    @Test
    void vectorsOfAnotherModelAreComputedAgainAndNotSearchedMeanwhile(@TempDir Path index) {
        try (KnowledgeBase first = KnowledgeBase.open(index, Analysis.chineseAndEnglish(), BgeSmallZh.shared())) {
            first.indexAll(HrLawArticles.all("EMPLOYEES").subList(0, 5));
            assertThat(first.awaitVectors(WAIT)).isTrue();
            first.commit(5);
        }
        CountDownLatch release = new CountDownLatch(1);
        Embedder nextModel = new Held(BgeSmallZh.shared(), release) {
            @Override
            public String model() {
                return "bge-small-zh-v1.5-q with another prefix";
            }
        };
        try (KnowledgeBase reopened = KnowledgeBase.open(index, Analysis.chineseAndEnglish(), nextModel)) {
            assertThat(reopened.withoutVector()).isEqualTo(5);
            assertThat(ids(reopened.search(KbQuery.of(PARAPHRASE)))).isEmpty(); // old vectors are not compared
            release.countDown();
            assertThat(reopened.awaitVectors(WAIT)).isTrue();
            assertThat(reopened.indexedRevision()).isEqualTo(5);
        }
    }

    @Test
    void withDenseSearchOffTheResultsAreTodaysLexicalResults(@TempDir Path index) {
        List<String> questions = List.of("加班费怎么算", "试用期 工资", "年休假", "OT加班费", PARAPHRASE, "解除劳动合同 经济补偿");
        try (KnowledgeBase withVectors = KnowledgeBase.open(index, Analysis.chineseAndEnglish(), BgeSmallZh.shared())) {
            withVectors.indexAll(HrLawArticles.all("EMPLOYEES"));
            assertThat(withVectors.awaitVectors(WAIT)).isTrue();
        }
        try (KnowledgeBase switchedOff = KnowledgeBase.open(index, Analysis.chineseAndEnglish());
                KnowledgeBase lexicalOnly = KnowledgeBase.inMemory(Analysis.chineseAndEnglish())) {
            lexicalOnly.indexAll(HrLawArticles.all("EMPLOYEES"));
            assertThat(switchedOff.dense()).isFalse();
            for (String question : questions) {
                SearchResult off = switchedOff.search(KbQuery.of(question));
                SearchResult today = lexicalOnly.search(KbQuery.of(question));
                assertThat(off.hits()).as(question).isEqualTo(today.hits());
                assertThat(off.total()).isEqualTo(today.total());
                assertThat(off.facets()).isEqualTo(today.facets());
            }
        }
    }

    private static KbDocument withAudience(KbDocument a, String audience) {
        return new KbDocument(
                a.id(), a.title(), a.body(), a.language(), audience, a.category(), a.desk(), a.tags(), a.revision());
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    /** The real model, but documents wait until released: an article whose vector is still being computed. */
    private static class Held implements Embedder {
        private final Embedder real;
        private final CountDownLatch release;

        Held(Embedder real, CountDownLatch release) {
            this.real = real;
            this.release = release;
        }

        @Override
        public String model() {
            return real.model();
        }

        @Override
        public int dimensions() {
            return real.dimensions();
        }

        @Override
        public float[] embedQuery(String text) {
            return real.embedQuery(text);
        }

        @Override
        public List<float[]> embedDocuments(List<String> texts) {
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return real.embedDocuments(texts);
        }
    }
}
