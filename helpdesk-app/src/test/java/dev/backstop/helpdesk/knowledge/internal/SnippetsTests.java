package dev.backstop.helpdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTests {

    @Test
    void markdownIsStrippedAndTheHighlightStays() {
        assertThat(Snippets.withoutMarkdown("## 加班费\n**工作日**延时加班按 <b>150%</b> 计发"))
                .isEqualTo("加班费 工作日延时加班按 <b>150%</b> 计发");
        assertThat(Snippets.withoutMarkdown("| 工龄 | <b>年休假</b> |\n|---|---|\n| 1–10 年 | 5 天 |"))
                .isEqualTo("工龄 · <b>年休假</b> · 1–10 年 · 5 天");
        assertThat(Snippets.withoutMarkdown("- 见 [《职工带薪年休假条例》](https://example.cn/law) 第三条\n> 注意"))
                .isEqualTo("见 《职工带薪年休假条例》 第三条 注意");
        assertThat(Snippets.withoutMarkdown("plain text with <em>hit</em>")).isEqualTo("plain text with <em>hit</em>");
    }
}
