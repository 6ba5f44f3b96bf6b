package dev.backstop.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalysisTests {

    private static final String WORDS = Fields.BODY;
    private static final String BIGRAMS = Fields.BODY + Analysis.BIGRAM_SUFFIX;

    private final Analysis analysis = Analysis.chineseAndEnglish();

    @Test
    void fullWidthDigitsAndLettersAreFoldedToTheirAsciiForm() {
        assertThat(analysis.terms(WORDS, "５险１金")).isEqualTo(analysis.terms(WORDS, "5险1金"));
        assertThat(analysis.terms(WORDS, "ＶＰＮ账号")).containsExactly("vpn", "账号");
        assertThat(analysis.terms(BIGRAMS, "ＯＴ加班费")).isEqualTo(analysis.terms(BIGRAMS, "OT加班费"));
    }

    @Test
    void mixedChineseAndEnglishIsSegmentedLowerCasedAndStemmed() {
        assertThat(analysis.terms(WORDS, "OT加班费")).containsExactly("ot", "加班费");
        assertThat(analysis.terms(WORDS, "重置VPN passwords")).contains("vpn", "password");
        assertThat(analysis.terms(WORDS, "Resetting 密码")).containsExactly("reset", "密码");
    }

    @Test
    void punctuationIsNotATerm() {
        assertThat(analysis.terms(WORDS, "请假审批流程，请联系HR。")).containsExactly("请假", "审批", "流程", "请", "联系", "hr");
    }

    @Test
    void aWordTheSegmenterSplitsSurvivesAsAdjacentBigrams() {
        // the known SmartChineseAnalyzer pitfall (no user dictionary) ...
        assertThat(analysis.terms(WORDS, "年休假")).containsExactly("年", "休假");
        // ... is why every text field is also indexed as bigrams, matched as a phrase
        assertThat(analysis.terms(BIGRAMS, "带薪年休假")).containsExactly("带薪", "薪年", "年休", "休假");
        assertThat(analysis.terms(BIGRAMS, "OT加班费")).containsExactly("ot", "加班", "班费");
    }
}
