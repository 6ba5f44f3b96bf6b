package dev.backstop.helpdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.testsupport.SharedH2Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Templates and scripts where agents use them (the ticket page) and where editors write them. On the shared H2 context:
 * it reads demo tickets and demo templates, which no other class there changes; the templates other classes add
 * (TemplateApiTests: scripts and replies for no ticket type, a script on the expert desk) only add entries after the
 * ones of the ticket's type, which is what the ordering assertions compare (ADR "fast build").
 */
@SharedH2Context
class TemplatePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private String page(String user, String path, String language) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo")).header("Accept-Language", language))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long ticket(String subject) {
        return jdbc.queryForObject("select id from tickets where subject = ?", Long.class, subject);
    }

    private long template(String name) {
        return jdbc.queryForObject("select id from kb_templates where name = ?", Long.class, name);
    }

    @Test
    void theTicketPageOffersTheDesksReplyTemplatesAndItsCallScripts() throws Exception {
        long complaint = ticket("到货数量与发货单不符");
        String html = page("agent", "/workspace/tickets/" + complaint, "zh-CN");

        assertThat(html).contains("id=\"reply-template\"", "id=\"insert-template\"", "hx-on::after-request");
        String select = html.substring(
                html.indexOf("id=\"reply-template\""),
                html.indexOf("</select>", html.indexOf("id=\"reply-template\"")));
        assertThat(select).contains("订单状态查询", "Order status").doesNotContain("工资条疑问");
        assertThat(select.indexOf("订单状态查询"))
                .as("the reader's language first")
                .isLessThan(select.indexOf("Order status"));

        String scripts = html.substring(html.indexOf("id=\"call-scripts\""), html.indexOf("class=\"actions\""));
        assertThat(scripts).contains("经销商投诉来电", "<ol>", "SH-2026-55821", "李坐席").doesNotContain("员工工资条疑问来电");
        assertThat(scripts)
                .as("the script for the ticket's type comes first, open")
                .startsWith("id=\"call-scripts\"")
                .contains("<details id=\"call-script-" + template("经销商投诉来电") + "\" open=\"open\">");
        assertThat(scripts.indexOf("经销商投诉来电")).isLessThan(scripts.indexOf("Distributor complaint call"));

        String english = page("agent", "/workspace/tickets/" + complaint, "en");
        String englishSelect = english.substring(english.indexOf("id=\"reply-template\""));
        assertThat(englishSelect.indexOf("Order status")).isLessThan(englishSelect.indexOf("订单状态查询"));

        String hr = page("payroll", "/workspace/tickets/" + ticket("十月工资条加班费疑问"), "zh-CN");
        assertThat(hr).contains("工资条疑问", "员工工资条疑问来电").doesNotContain("经销商投诉来电");
    }

    private static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        return html.substring(start, html.indexOf(to, start));
    }

    @Test
    void aTicketGetsTheScriptsOfItsTypeAndTheBestFittingRepliesFirst() throws Exception {
        // a family member's hardship call: the hardship script, never the payslip script
        String hardship = page("hr", "/workspace/tickets/" + ticket("家中老人住院，申请困难帮扶"), "zh-CN");
        String scripts = between(hardship, "id=\"call-scripts\"", "class=\"actions\"");
        assertThat(scripts)
                .contains("员工家属困难求助来电", "<details id=\"call-script-" + template("员工家属困难求助来电") + "\" open=\"open\">")
                .doesNotContain("员工工资条疑问来电", "Employee payslip question call");
        String hrReplies = between(hardship, "id=\"reply-template\"", "</select>");
        assertThat(hrReplies.indexOf("困难帮扶受理"))
                .as("the reply made for hardship first")
                .isLessThan(hrReplies.indexOf("工资条疑问"));

        // an order-status question: the order-status reply first (not "payment not received"), the order-status script
        String order = page("agent", "/workspace/tickets/" + ticket("订单 SO-2026-10086 什么时候发货？"), "zh-CN");
        String replies = between(order, "id=\"reply-template\"", "</select>");
        assertThat(replies.indexOf("订单状态查询")).isLessThan(replies.indexOf("回款未到账"));
        assertThat(between(order, "id=\"call-scripts\"", "class=\"actions\""))
                .contains("订单状态查询来电", "SO-2026-10086")
                .doesNotContain("经销商投诉来电");
    }

    @Test
    void theTicketPageSuggestsArticlesForTheTicketBesideSimilarTickets() throws Exception {
        String panel = page("payroll", "/workspace/kb/similar-tickets?ticket=" + ticket("十月工资条加班费疑问"), "zh-CN");
        assertThat(panel).contains("与本工单相关的知识", "id=\"ticket-article-", "id=\"similar-tickets\"");
    }

    @Test
    void aReplyThatStillHoldsATemplatesGapIsRefusedAndStaysInTheBox() throws Exception {
        long order = ticket("订单 SO-2026-10086 什么时候发货？");
        long version = jdbc.queryForObject("select version from tickets where id = ?", Long.class, order);
        int articles =
                jdbc.queryForObject("select count(*) from ticket_articles where ticket_id = ?", Integer.class, order);
        String body = "您好，您的订单目前状态为【请填写：已拣货 / 已发货 / 运输中】，请留意短信。";

        mvc.perform(post("/workspace/tickets/" + order + "/reply")
                        .with(httpBasic("agent", "demo"))
                        .with(csrf())
                        .param("body", body)
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorKey", "tickets.error.unfilledMarker"))
                .andExpect(flash().attribute("errorArgs", new Object[] {"【请填写：已拣货 / 已发货 / 运输中】"}))
                .andExpect(flash().attribute("replyText", body));

        String problem = mvc.perform(post("/api/v1/tickets/" + order + "/replies")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "en")
                        .contentType("application/json")
                        .content("{\"body\":\"Dear customer, your order is [missing: shipment no.] on its way.\"}"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(problem).contains("[missing: shipment no.]").doesNotContain("{0}");
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_articles where ticket_id = ?", Integer.class, order))
                .as("nothing was sent")
                .isEqualTo(articles);
    }

    @Test
    void insertingATemplateFillsItFromTheTicketWithAndWithoutJavaScript() throws Exception {
        long order = ticket("订单 SO-2026-10086 什么时候发货？");
        long template = template("订单状态查询");

        String text = mvc.perform(get("/workspace/tickets/" + order + "/reply-template")
                        .param("template", String.valueOf(template))
                        .with(httpBasic("agent", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("您咨询的订单 SO-2026-10086", "【未填写：发货单号】", "李坐席").doesNotContain("{{");

        String html = page("agent", "/workspace/tickets/" + order + "?template=" + template, "zh-CN");
        String box = html.substring(
                html.indexOf("id=\"reply-body\""), html.indexOf("</textarea>", html.indexOf("id=\"reply-body\"")));
        assertThat(box).contains("您咨询的订单 SO-2026-10086");

        mvc.perform(get("/workspace/tickets/" + ticket("十月工资条加班费疑问") + "/reply-template")
                        .param("template", String.valueOf(template))
                        .with(httpBasic("agent", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anEditorWritesAScriptWithPreviewAndHistory() throws Exception {
        assertThat(page("editor", "/workspace/kb/editor", "zh-CN")).contains("href=\"/workspace/kb/templates\"");
        String list = page("editor", "/workspace/kb/templates?kind=SCRIPT&desk=HR", "zh-CN");
        assertThat(list).contains("员工工资条疑问来电", "系统预置").doesNotContain("经销商投诉来电", "工资条疑问<");
        assertThat(page("editor", "/workspace/kb/templates/new?kind=SCRIPT", "zh-CN"))
                .contains("新建通话脚本", "{{orderNo}}", "订单号");

        String refused = mvc.perform(post("/workspace/kb/templates")
                        .with(httpBasic("editor", "demo"))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("kind", "SCRIPT")
                        .param("name", "退款来电 zqpage")
                        .param("desk", "CHANNEL")
                        .param("language", "zh")
                        .param("state", "ACTIVE")
                        .param("body", "1. 核对退款单 {{refundNo}}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("未知变量 {{refundNo}}", "退款来电 zqpage");

        String location = mvc.perform(post("/workspace/kb/templates")
                        .with(httpBasic("editor", "demo"))
                        .with(csrf())
                        .param("kind", "SCRIPT")
                        .param("name", "退款来电 zqpage")
                        .param("desk", "CHANNEL")
                        .param("language", "zh")
                        .param("callType", "SERVICE_REQUEST")
                        .param("state", "ACTIVE")
                        .param("body", "1. 核对订单 {{orderNo}}"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String edit = page("editor", location, "zh-CN");
        assertThat(edit)
                .contains(
                        "编辑“退款来电 zqpage”（第 1 版）",
                        "id=\"tpl-versions\"",
                        "第 1 版 · 林编辑",
                        "<mark class=\"tpl-var\" title=\"{{orderNo}}\">订单号</mark>");

        String preview = mvc.perform(post("/workspace/kb/templates/preview")
                        .with(httpBasic("editor", "demo"))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("kind", "SCRIPT")
                        .param("body", "1. **Check** {{due}}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(preview).contains("id=\"tpl-preview\"", "<strong>Check</strong>", ">resolution due</mark>");

        mvc.perform(get("/workspace/kb/templates").with(httpBasic("agent", "demo")))
                .andExpect(status().isForbidden());
    }
}
