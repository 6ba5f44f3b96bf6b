package dev.backstop.helpdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The knowledge-base pages as agents, editors and portal users see them. */
@SharedH2Context
class KnowledgePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeArticles articles;

    @Autowired
    JdbcTemplate jdbc;

    private CurrentUser editor() {
        long id = jdbc.queryForObject("select id from app_users where username = 'editor'", Long.class);
        return new CurrentUser(id, "editor", "林编辑", Set.of(Role.KB_EDITOR), null, null, null, null);
    }

    private static RequestPostProcessor as(String username) {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(
                username, "demo");
    }

    private String page(String username, String path, Object... params) throws Exception {
        var request = get(path).with(as(username)).header("Accept-Language", "zh-CN");
        for (int i = 0; i < params.length; i += 2) {
            request.param((String) params[i], (String) params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private Article publish(Audience audience, String title, String body) {
        Article article = articles.create(
                new ArticleInput(title, body, "zh", audience, "faq", null, List.of(), ArticleState.PUBLISHED, null),
                editor());
        Awaitility.await()
                .atMost(Duration.ofSeconds(3))
                .until(() -> page("admin", "/workspace/kb", "q", title).contains("/articles/" + article.id()));
        return article;
    }

    @Test
    void anAgentSearchesAndReadsAnArticleRenderedSafely() throws Exception {
        Article article = publish(
                Audience.FRONTLINE,
                "zqpages 换货口径",
                "**换货**须在签收后7天内申请。\n\n<script>alert(1)</script>\n\n[点我](javascript:alert(1))");

        String results = page("agent", "/workspace/kb", "q", "zqpages 换货");
        assertThat(results).contains("zqpages 换货口径").contains("id=\"kb-facets\"");

        String html = page("agent", "/workspace/kb/articles/" + article.id());
        assertThat(html)
                .contains("<strong>换货</strong>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)")
                .doesNotContain("javascript:alert");
        assertThat(html).contains("已解决我的问题");
    }

    @Test
    void portalReadersGetTheirOwnAudienceOnlyAndA404ForTheRest() throws Exception {
        Article internal = publish(Audience.HR_INTERNAL, "zqportal 工伤认定内部流程", "内部：工伤认定材料清单。");
        Article public_ = publish(Audience.EMPLOYEES, "zqportal 工伤怎么申请", "员工：发生工伤30日内提出申请。");

        String results = page("family", "/portal/kb", "q", "zqportal 工伤");
        assertThat(results)
                .contains("zqportal 工伤怎么申请")
                .doesNotContain("工伤认定内部流程")
                .doesNotContain("材料清单");
        mvc.perform(get("/portal/kb/articles/" + internal.id()).with(as("family")))
                .andExpect(status().isNotFound());
        assertThat(page("family", "/portal/kb/suggest", "q", "zqportal"))
                .contains("工伤怎么申请")
                .doesNotContain("内部流程");

        mvc.perform(post("/portal/kb/articles/" + public_.id() + "/answered")
                        .with(as("family"))
                        .with(csrf())
                        .param("q", "工伤怎么申请"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject(
                        "select count(*) from kb_deflections where article_id = ? and context = 'PORTAL'",
                        Integer.class,
                        public_.id()))
                .isEqualTo(1);
    }

    @Test
    void theTicketFormShowsAnswersWhileTheRepTypesAndRecordsADeflection() throws Exception {
        Article article = publish(Audience.FRONTLINE, "zqform 发票抬头错误怎么办", "发票抬头错误：作废后重开，跨月需开红字发票。");

        String answers = page("frontline", "/workspace/kb/answers", "subject", "zqform 发票抬头", "description", "");
        assertThat(answers).contains("发票抬头错误怎么办");
        mvc.perform(post("/workspace/kb/answers/" + article.id() + "/answered")
                        .with(as("frontline"))
                        .with(csrf())
                        .param("subject", "zqform 发票抬头")
                        .param("description", "客户说抬头写错了"))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject(
                        "select query from kb_deflections where article_id = ? and context = 'TICKET_FORM'",
                        String.class,
                        article.id()))
                .isEqualTo("zqform 发票抬头 客户说抬头写错了");
    }

    @Test
    void anEditorWritesAnArticleInTheFormAndABadOneKeepsWhatWasTyped() throws Exception {
        String refused = mvc.perform(post("/workspace/kb/editor")
                        .with(as("editor"))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("title", "zqeditor 标题")
                        .param("body", " ")
                        .param("language", "zh")
                        .param("audience", "FRONTLINE")
                        .param("category", "faq"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("文章需要正文。").contains("value=\"zqeditor 标题\"");

        var created = mvc.perform(post("/workspace/kb/editor")
                        .with(as("editor"))
                        .with(csrf())
                        .param("title", "zqeditor 标题")
                        .param("body", "正文")
                        .param("language", "zh")
                        .param("audience", "FRONTLINE")
                        .param("category", "faq")
                        .param("tags", "发票, 红冲")
                        .param("state", "DRAFT"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(created).startsWith("/workspace/kb/editor/");
        assertThat(page("editor", created)).contains("草稿").contains("提交审核");
        mvc.perform(get("/workspace/kb/editor").with(as("agent"))).andExpect(status().isForbidden());
    }
}
