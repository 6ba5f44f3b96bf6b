package dev.backstop.kb;

import static dev.backstop.kb.KnowledgeBaseTests.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchFeaturesTests {

    private final KnowledgeBase kb = KnowledgeBase.inMemory(Analysis.chineseAndEnglish());

    @AfterEach
    void close() {
        kb.close();
    }

    @Test
    void synonymsFindTheArticleWhateverWordTheCallerUses() {
        kb.index(doc("leave", "带薪年休假天数", "职工累计工作已满10年不满20年的，年休假10天。", "EMPLOYEES", "leave"));
        kb.index(doc("fund", "住房公积金提取", "购房、租房可以提取住房公积金。", "EMPLOYEES", "housing-fund"));
        kb.index(doc("si", "社会保险缴费比例", "养老保险单位缴纳16%，个人缴纳8%。", "EMPLOYEES", "social-insurance"));
        kb.index(doc("ot", "加班工资标准", "休息日安排加班又不能安排补休的，支付不低于工资200%的报酬。", "EMPLOYEES", "overtime"));

        assertThat(kb.search(KbQuery.of("社保交多少")).total())
                .as("without synonyms 社保 is in no article")
                .isZero();

        kb.useSynonyms(Synonyms.parse("""
                # 年假
                年假, 年休假, 带薪年休假
                公积金 / 住房公积金
                OT、加班
                社保, 社会保险
                """));

        assertThat(ids(kb.search(KbQuery.of("社保交多少")))).containsExactly("si");
        assertThat(ids(kb.search(KbQuery.of("年假有几天")))).first().isEqualTo("leave");
        assertThat(ids(kb.search(KbQuery.of("OT工资怎么算")))).first().isEqualTo("ot");
        assertThat(ids(kb.search(KbQuery.of("ＯＴ工资")))).first().isEqualTo("ot");
        assertThat(ids(kb.search(KbQuery.of("公积金怎么取")))).first().isEqualTo("fund");
        assertThat(kb.search(KbQuery.of("OT工资怎么算")).hits().getFirst().snippet())
                .as("the synonym the article uses is marked")
                .contains("<mark>加班</mark>");
    }

    @Test
    void aWholePastedTextStillSearchesAndFindsTheArticleItCameFrom() {
        String body = "用人单位与劳动者协商一致，可以解除劳动合同。".repeat(3)
                + "劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同。劳动者在试用期内提前三日通知用人单位，可以解除劳动合同。".repeat(12);
        kb.index(doc("resign", "劳动者解除劳动合同", body, "EMPLOYEES", "contract"));
        kb.index(doc("leave", "带薪年休假天数", "职工累计工作已满10年不满20年的，年休假10天。", "EMPLOYEES", "leave"));
        String pasted = body + " please check the notice period for resignation during probation " + body;

        SearchResult result = kb.search(KbQuery.of(pasted));

        assertThat(pasted.length()).isGreaterThan(1_500);
        assertThat(ids(result)).first().isEqualTo("resign");
        assertThat(result.hits().getFirst().snippet()).contains("<mark>");
        assertThat(kb.suggest(pasted, Set.of(), 5)).isEmpty(); // no title starts like a whole letter; no error either
    }

    @Test
    void aLatinSynonymMatchesOnlyAWholeWord() {
        Synonyms synonyms = Synonyms.parse("OT, 加班");

        assertThat(synonyms.variants("OT加班费")).contains("加班 加班费");
        assertThat(synonyms.variants("hot water")).containsExactly("hot water");
    }

    @Test
    void aSynonymLineWithOneWordIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> Synonyms.parse("年假, 年休假\n社保"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void facetsCountOnlyWhatTheAudienceMaySee() {
        kb.index(doc("e1", "年休假规定", "年休假天数按工龄计算。", "EMPLOYEES", "leave"));
        kb.index(doc("e2", "病假工资", "病假期间工资按规定支付，年休假另计。", "EMPLOYEES", "payroll"));
        kb.index(doc("h1", "年休假审批内部流程", "HR内部：年休假审批须核对工龄档案。", "HR_INTERNAL", "procedure"));

        SearchResult employees = kb.search(KbQuery.of("年休假").forAudiences(Set.of("EMPLOYEES")));

        assertThat(employees.total()).isEqualTo(2);
        assertThat(employees.facets().get("category")).containsOnlyKeys("leave", "payroll");
        assertThat(employees.facets().get("audience")).containsExactly(java.util.Map.entry("EMPLOYEES", 2L));
        assertThat(employees.hits()).extracting(SearchResult.Hit::snippet).noneMatch(s -> s.contains("HR内部"));

        SearchResult everyone = kb.search(KbQuery.of("年休假"));
        assertThat(everyone.total()).isEqualTo(3);
        assertThat(everyone.facets().get("audience")).containsEntry("HR_INTERNAL", 1L);
    }

    @Test
    void facetsCountEveryMatchUpToTheCountLimitAndTheBestHundredBeyond() {
        java.util.List<KbDocument> documents = new java.util.ArrayList<>();
        for (int i = 0; i < 1_200; i++) { // 300 about 调休, 900 more about 年假: 1,200 match 年假
            documents.add(doc(
                    "a-" + i,
                    i < 300 ? "调休与年假 " + i : "年假规定 " + i,
                    "年假按工龄计算。",
                    "EMPLOYEES",
                    i < 300 ? "swap" : "leave"));
        }
        kb.indexAll(documents);

        SearchResult few = kb.search(KbQuery.of("调休"));
        assertThat(few.exact()).isTrue();
        assertThat(few.total()).isEqualTo(300);
        assertThat(few.facets().get("category")).containsExactly(java.util.Map.entry("swap", 300L));

        SearchResult many = kb.search(KbQuery.of("年假"));
        assertThat(many.exact()).isFalse();
        assertThat(many.total()).isGreaterThanOrEqualTo(KnowledgeBase.COUNT_LIMIT);
        assertThat(many.facets().get("category").values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(KnowledgeBase.FACET_SAMPLE);
    }

    @Test
    void narrowingByCategoryLanguageOrDeskKeepsTheFacetsOfTheWholeQuery() {
        kb.index(new KbDocument(
                "zh", "退货政策", "质量问题30天内可以退货。", "zh", "DISTRIBUTORS", "returns", "CHANNEL", List.of(), 1));
        kb.index(new KbDocument(
                "en",
                "Returns policy",
                "Goods with a quality defect may be returned (退货) within 30 days.",
                "en",
                "DISTRIBUTORS",
                "returns",
                "CHANNEL",
                List.of(),
                2));
        kb.index(new KbDocument(
                "rebate", "返利与退货", "退货会冲减当季返利。", "zh", "DISTRIBUTORS", "rebate", "CHANNEL", List.of(), 3));

        SearchResult english = kb.search(KbQuery.of("退货").inLanguage("en"));
        assertThat(ids(english)).containsExactly("en");
        assertThat(english.total()).isEqualTo(1);
        assertThat(english.facets().get("language")).containsEntry("zh", 2L).containsEntry("en", 1L);

        assertThat(ids(kb.search(KbQuery.of("退货").inCategory("rebate")))).containsExactly("rebate");
        assertThat(kb.search(KbQuery.of("退货").forDesk("HR")).total()).isZero();
    }

    @Test
    void suggestionsCompleteWhatIsTypedWithinTheAudience() {
        kb.index(doc("leave", "年休假天数怎么算", "……", "EMPLOYEES", "leave"));
        kb.index(doc("internal", "年休假审批内部流程", "……", "HR_INTERNAL", "procedure"));
        kb.index(doc("en", "Annual leave after ten years", "……", "EMPLOYEES", "leave"));

        assertThat(kb.suggest("年休", Set.of("EMPLOYEES"), 5))
                .extracting(Suggestion::id)
                .containsExactly("leave");
        assertThat(kb.suggest("年休", Set.of(), 5))
                .extracting(Suggestion::id)
                .containsExactlyInAnyOrder("leave", "internal");
        assertThat(kb.suggest("annu", Set.of("EMPLOYEES"), 5))
                .extracting(Suggestion::title)
                .containsExactly("Annual leave after ten years");
        assertThat(kb.suggest("annual lea", Set.of("EMPLOYEES"), 5)).hasSize(1);
        assertThat(kb.suggest("", Set.of(), 5)).isEmpty();

        kb.delete("leave");
        assertThat(kb.suggest("年休", Set.of("EMPLOYEES"), 5))
                .as("a removed article is not suggested")
                .isEmpty();
    }

    @Test
    void similarArticlesShareTheTopicAndRespectTheAudience() {
        kb.index(doc("fund-withdraw", "住房公积金提取条件", "购买自住住房、偿还购房贷款本息、租房可以提取住房公积金账户存储余额。", "EMPLOYEES", "housing-fund"));
        kb.index(doc("fund-loan", "住房公积金贷款", "连续足额缴存住房公积金6个月以上的职工可以申请住房公积金贷款，断缴会影响贷款。", "EMPLOYEES", "housing-fund"));
        kb.index(doc("fund-internal", "住房公积金基数调整内部操作", "每年7月调整住房公积金缴存基数，HR在系统中批量更新。", "HR_INTERNAL", "housing-fund"));
        kb.index(doc("sick", "病假工资", "病假工资不得低于最低工资标准的80%。", "EMPLOYEES", "payroll"));

        List<String> similar = kb.similarTo("fund-withdraw", Set.of("EMPLOYEES"), 5).stream()
                .map(SearchResult.Hit::id)
                .toList();
        assertThat(similar).startsWith("fund-loan").doesNotContain("fund-withdraw", "fund-internal");

        List<String> forText = kb.similarToText("我公积金断缴了两个月，还能贷款买房吗", Set.of("EMPLOYEES"), 3).stream()
                .map(SearchResult.Hit::id)
                .toList();
        assertThat(forText).first().isEqualTo("fund-loan");
    }

    @Test
    void theIndexRemembersUpToWhichRevisionItIsComplete(@TempDir Path directory) {
        try (KnowledgeBase first = KnowledgeBase.open(directory, Analysis.chineseAndEnglish())) {
            assertThat(first.indexedRevision()).isZero();
            first.index(new KbDocument("a-1", "年假", "年休假按工龄计算。", "zh", "EMPLOYEES", "leave", null, List.of(), 41));
            first.commit("db-1", 41);
        }
        try (KnowledgeBase reopened = KnowledgeBase.open(directory, Analysis.chineseAndEnglish())) {
            assertThat(reopened.recovered()).isFalse();
            assertThat(reopened.source()).isEqualTo("db-1");
            assertThat(reopened.indexedRevision()).isEqualTo(41);
            assertThat(reopened.revisionOf("a-1")).hasValue(41);
            assertThat(reopened.revisionOf("missing")).isEmpty();
            assertThat(reopened.count()).isEqualTo(1);
        }
    }

    @Test
    void aCorruptIndexIsDiscardedAndStartsEmptyAtRevisionZero(@TempDir Path directory) throws IOException {
        try (KnowledgeBase first = KnowledgeBase.open(directory, Analysis.chineseAndEnglish())) {
            first.index(doc("a-1", "年假", "年休假按工龄计算。", "EMPLOYEES", "leave"));
            first.commit(7);
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock"))
                    .toList()) {
                Files.write(file, new byte[] {1, 2, 3}); // every index file garbled
            }
        }

        try (KnowledgeBase reopened = KnowledgeBase.open(directory, Analysis.chineseAndEnglish())) {
            assertThat(reopened.recovered()).isTrue();
            assertThat(reopened.indexedRevision()).isZero();
            assertThat(reopened.count()).isZero();
            reopened.index(doc("a-1", "年假", "年休假按工龄计算。", "EMPLOYEES", "leave"));
            assertThat(ids(reopened.search(KbQuery.of("年假")))).containsExactly("a-1");
        }
    }

    private static KbDocument doc(String id, String title, String body, String audience, String category) {
        return new KbDocument(id, title, body, "zh", audience, category, null, List.of(), 0);
    }
}
