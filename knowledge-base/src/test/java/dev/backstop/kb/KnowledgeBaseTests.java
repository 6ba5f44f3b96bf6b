package dev.backstop.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTests {

    private final KnowledgeBase kb = KnowledgeBase.inMemory(Analysis.chineseAndEnglish());

    @AfterEach
    void close() {
        kb.close();
    }

    @Test
    void anIndexedArticleIsFoundByTheVeryNextSearch() {
        kb.index(article("vpn-1", "VPN 无法连接", "请先重置VPN密码，再重新登录。"));

        assertThat(ids(kb.search(KbQuery.of("重置密码")))).containsExactly("vpn-1");
    }

    @Test
    void indexingTheSameIdAgainReplacesTheArticle() {
        kb.index(article("a-1", "打印机", "打印机卡纸时请联系行政。"));
        kb.index(article("a-1", "打印机", "打印机缺墨时请提交工单。"));

        assertThat(kb.search(KbQuery.of("卡纸")).total()).isZero();
        assertThat(kb.search(KbQuery.of("缺墨")).total()).isEqualTo(1);
    }

    @Test
    void aDeletedArticleIsNoLongerFound() {
        kb.index(article("a-1", "报销流程", "差旅报销需在30天内提交。"));
        kb.delete("a-1");

        assertThat(kb.search(KbQuery.of("报销")).total()).isZero();
    }

    @Test
    void mixedAndFullWidthTextIsFoundWhicheverWayTheCallerTypesIt() {
        kb.index(article("ot", "周末加班", "周末OT加班费按200%计算。"));
        kb.index(article("benefits", "福利", "公司为员工缴纳５险１金。"));

        assertThat(ids(kb.search(KbQuery.of("加班")))).containsExactly("ot");
        assertThat(ids(kb.search(KbQuery.of("ot")))).containsExactly("ot");
        assertThat(ids(kb.search(KbQuery.of("ＯＴ加班费")))).containsExactly("ot");
        assertThat(ids(kb.search(KbQuery.of("5险1金")))).containsExactly("benefits");
    }

    @Test
    void aMatchInTheTitleRanksAboveAMatchInTheBody() {
        kb.index(article("body", "办公用品", "领取办公用品前，先在系统里查看考勤记录。"));
        kb.index(article("title", "考勤记录", "每月五日前核对上月数据。"));

        assertThat(ids(kb.search(KbQuery.of("考勤记录")))).containsExactly("title", "body");
    }

    @Test
    void anAudienceFilterHidesArticlesForOtherAudiences() {
        kb.index(new KbDocument("internal", "退款口径", "内部：退款超过5000元需主管审批。", "zh", "frontline", "faq", List.of()));
        kb.index(new KbDocument("public", "退款说明", "退款将在7个工作日内到账。", "zh", "distributor", "faq", List.of()));

        assertThat(ids(kb.search(KbQuery.of("退款").forAudiences(Set.of("distributor")))))
                .containsExactly("public");
        assertThat(ids(kb.search(KbQuery.of("退款")))).containsExactlyInAnyOrder("internal", "public");
    }

    @Test
    void pagesShareOneTotal() {
        for (int i = 1; i <= 7; i++) {
            kb.index(article("n-" + i, "通知 " + i, "系统维护通知第" + i + "号。"));
        }

        SearchResult second = kb.search(KbQuery.of("维护").page(5, 5));

        assertThat(second.total()).isEqualTo(7);
        assertThat(second.hits()).hasSize(2);
        assertThat(kb.search(KbQuery.of("维护").page(10, 5)).hits()).isEmpty();
    }

    @Test
    void snippetsAreEscapedHtmlWithTheMatchMarked() {
        kb.index(article("xss", "脚本", "不要在工单里粘贴<script>代码，请上传附件。"));

        String snippet = kb.search(KbQuery.of("附件")).hits().getFirst().snippet();

        assertThat(snippet)
                .contains("<mark>附件</mark>")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(kb.search(KbQuery.of("脚本")).hits().getFirst().snippet())
                .as("only the title matched: the escaped start of the body, nothing marked")
                .startsWith("不要在工单里粘贴&lt;script&gt;")
                .doesNotContain("<mark>");
    }

    @Test
    void blankOrPunctuationOnlyQueriesFindNothing() {
        kb.index(article("a-1", "标题", "正文。"));

        assertThat(kb.search(KbQuery.of("  ")).total()).isZero();
        assertThat(kb.search(KbQuery.of("，。")).total()).isZero();
    }

    @Test
    void anIndexOnDiskSurvivesClosingAndReopening(@TempDir Path directory) {
        try (KnowledgeBase first = KnowledgeBase.open(directory, Analysis.chineseAndEnglish())) {
            first.index(article("a-1", "年假", "年休假按工龄计算。"));
        }
        try (KnowledgeBase reopened = KnowledgeBase.open(directory, Analysis.chineseAndEnglish())) {
            assertThat(ids(reopened.search(KbQuery.of("年休假")))).containsExactly("a-1");
        }
    }

    @Test
    void aClosedIndexAddedToAnotherIsSearchableThereWithItsRevisions(@TempDir Path built, @TempDir Path fresh) {
        try (KnowledgeBase first = KnowledgeBase.open(built, Analysis.chineseAndEnglish())) {
            first.indexAll(List.of(
                    new KbDocument("a-1", "年假", "年休假按工龄计算。", "zh", "frontline", "faq", null, List.of(), 7),
                    new KbDocument("a-2", "报销流程", "差旅报销需在30天内提交。", "zh", "frontline", "faq", null, List.of(), 9)));
            first.commit("db-1", 9);
        }
        try (KnowledgeBase second = KnowledgeBase.open(fresh, Analysis.chineseAndEnglish())) {
            second.addAllFrom(built);

            assertThat(ids(second.search(KbQuery.of("年休假")))).containsExactly("a-1");
            assertThat(second.count()).isEqualTo(2);
            assertThat(second.revisionOf("a-2")).hasValue(9);
            assertThat(second.indexedRevision()).isZero();
            second.index(article("a-3", "打印机", "打印机卡纸时请联系行政。"));
            assertThat(ids(second.search(KbQuery.of("卡纸")))).containsExactly("a-3");
        }
        try (KnowledgeBase first = KnowledgeBase.open(built, Analysis.chineseAndEnglish())) {
            assertThat(first.count()).isEqualTo(2); // the copy's writes stay in the copy
        }
    }

    private static KbDocument article(String id, String title, String body) {
        return new KbDocument(id, title, body, "zh", "frontline", "faq", List.of());
    }

    static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }
}
