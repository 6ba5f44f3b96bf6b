package dev.backstop.helpdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Article bodies reach other people's pages: links keep only http(s), mailto and relative targets. */
class MarkdownTests {

    @Test
    void webMailAndRelativeLinksAreKept() {
        String html = Markdown.toHtml(
                "[官网](https://example.cn/a) [邮件](mailto:desk@example.cn) [文章](/workspace/kb/articles/7) [旧](http://x.cn)");
        assertThat(html)
                .contains(
                        "href=\"https://example.cn/a\"",
                        "href=\"mailto:desk@example.cn\"",
                        "href=\"/workspace/kb/articles/7\"",
                        "href=\"http://x.cn\"");
    }

    @Test
    void dataJavascriptAndOtherSchemesAreDropped() {
        String html = Markdown.toHtml("""
                [点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
                [脚本](javascript:alert(1))
                [文件](file:///etc/passwd)
                ![图](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)
                [实体](data&#58;text/html,x)
                """);
        assertThat(html).doesNotContain("data:", "javascript:", "file:").contains("点我", "脚本");
    }
}
