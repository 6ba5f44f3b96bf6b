package dev.backstop.kb;

import static dev.backstop.kb.KnowledgeBaseTests.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Searches over 51 real labour-law articles; see {@link HrLawArticles}. */
class HrLawSearchTests {

    private static KnowledgeBase kb;

    @BeforeAll
    static void indexArticles() {
        kb = KnowledgeBase.inMemory(Analysis.chineseAndEnglish());
        kb.indexAll(HrLawArticles.all("employee"));
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @Test
    void annualLeaveFindsTheArticleThatGrantsIt() {
        SearchResult result = kb.search(KbQuery.of("年休假"));

        assertThat(result.hits().getFirst().id()).isEqualTo("ldf-45"); // 国家实行带薪年休假制度
        assertThat(result.hits().getFirst().snippet()).contains("<mark>年休假</mark>");
    }

    @Test
    void overtimePayFindsTheLabourContractLawArticle() {
        SearchResult.Hit top = kb.search(KbQuery.of("加班费")).hits().getFirst();

        assertThat(top.id()).isEqualTo("ldhtf-31");
        assertThat(top.title()).isEqualTo("中华人民共和国劳动合同法 第三十一条");
        assertThat(top.snippet()).contains("<mark>加班费</mark>");
    }

    @Test
    void theArticleStatingTheMinimumWageRuleComesFirst() {
        // with segmented words alone this article ranked fourth, behind longer ones mentioning 工资
        assertThat(kb.search(KbQuery.of("最低工资")).hits().getFirst().id()).isEqualTo("ldf-48");
    }

    @Test
    void severalWordsFindTheArticleThatHasEachOfThem() {
        // several Chinese words get no whole-text body phrase (they rarely stand side by side): each word still counts
        assertThat(ids(kb.search(KbQuery.of("最低工资 标准"))).subList(0, 2)).contains("ldf-48");
        assertThat(ids(kb.search(KbQuery.of("试用期 解除"))).subList(0, 3)).contains("ldhtf-39");
    }

    @Test
    void aQueryFindsTheSameCharactersSegmentedDifferently() {
        // 试用期间 is segmented as 试用 + 期间, so the word 试用期 alone misses ldhtf-39
        assertThat(ids(kb.search(KbQuery.of("试用期")))).contains("ldhtf-37", "ldhtf-39");
    }

    @Test
    void articlesForAnotherAudienceAreExcluded() {
        kb.index(new KbDocument(
                "hr-note-1", "年休假内部口径", "年休假未休的，按日工资的300%支付，先核对考勤。", "zh", "hr-agent", "policy", List.of("年休假")));
        try {
            assertThat(ids(kb.search(KbQuery.of("年休假")))).first().isEqualTo("hr-note-1");
            assertThat(ids(kb.search(KbQuery.of("年休假").forAudiences(Set.of("employee")))))
                    .isNotEmpty()
                    .doesNotContain("hr-note-1");
        } finally {
            kb.delete("hr-note-1");
        }
    }
}
