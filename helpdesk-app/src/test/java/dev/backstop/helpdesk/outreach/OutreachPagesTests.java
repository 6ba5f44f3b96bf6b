package dev.backstop.helpdesk.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.testsupport.SharedH2Context;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The outreach pages as a supervisor uses them, on the demo data, on a server with no mail or SMS configured. */
@SharedH2Context
class OutreachPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private String page(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theSupervisorSeesTheDemoCampaignWithItsFiguresAndTheTicketItsAnswerOpened() throws Exception {
        assertThat(page("supervisor", get("/workspace"))).contains("id=\"nav-outreach\"");
        assertThat(page("agent", get("/workspace"))).doesNotContain("id=\"nav-outreach\"");
        mvc.perform(get("/workspace/outreach").with(httpBasic("agent", "demo"))).andExpect(status().isForbidden());

        String list = page("supervisor", get("/workspace/outreach"));
        assertThat(list).contains("2026 春季返利政策说明", "已发送", "25.0 %");
        long demo = jdbc.queryForObject("select min(id) from outreach_campaigns", Long.class);
        String campaign = page("admin", get("/workspace/outreach/" + demo));
        assertThat(campaign)
                .contains(
                        "id=\"fig-targeted\">4<",
                        "id=\"fig-sent\">4<",
                        "id=\"fig-responded\">1<",
                        "id=\"fig-tickets\">1<",
                        "短信")
                .containsPattern("CH-\\d{4}-\\d{6}");
        assertThat(campaign).doesNotContain("id=\"campaign-send\"");
    }

    @Test
    void aNewCampaignIsPreviewedSavedAndSentAndAnUnconfiguredChannelSkipsEveryoneWithTheReason() throws Exception {
        String form = page("supervisor", get("/workspace/outreach/new"));
        assertThat(form).contains("新建活动", "华东大区", "上海分公司", "{{responseLink}}");
        String preview = page(
                "supervisor",
                get("/workspace/outreach/preview")
                        .param("audience", "DISTRIBUTORS")
                        .param("regions", "EAST")
                        .param("tiers", "VIP")
                        .param("channel", "SMS"));
        assertThat(preview).contains("共 2 个目标：本渠道可送达 2 个，跳过 0 个。");
        assertThat(page(
                        "supervisor",
                        get("/workspace/outreach/preview")
                                .param("audience", "EMPLOYEES")
                                .param("regions", "NOWHERE")
                                .param("branches", "SH")
                                .param("channel", "EMAIL")))
                .as("a distributor filter left ticked does not count for employees")
                .contains("共 3 个目标");

        mvc.perform(post("/workspace/outreach")
                        .with(httpBasic("supervisor", "demo"))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("name", "上海员工通知")
                        .param("audience", "EMPLOYEES")
                        .param("branches", "SH")
                        .param("channel", "EMAIL")
                        .param("subjectZh", "通知")
                        .param("bodyZh", "{{name}}您好")
                        .param("subjectEn", "Notice"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("缺少英文正文")));
        String location = mvc.perform(post("/workspace/outreach")
                        .with(httpBasic("supervisor", "demo"))
                        .with(csrf())
                        .param("name", "上海员工通知")
                        .param("audience", "EMPLOYEES")
                        .param("branches", "SH")
                        .param("channel", "EMAIL")
                        .param("subjectZh", "通知 {{employeeNo}}")
                        .param("bodyZh", "{{name}}您好")
                        .param("subjectEn", "Notice")
                        .param("bodyEn", "Hello {{name}}"))
                .andExpect(redirectedUrlPattern("/workspace/outreach/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String draft = page("supervisor", get(location));
        assertThat(draft).contains("草稿", "id=\"fig-targeted\">3<", "id=\"campaign-send\"", "排队中");

        mvc.perform(post(location + "/send")
                        .with(httpBasic("supervisor", "demo"))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/workspace/outreach/*"))
                .andExpect(flash().attribute("successKey", "outreach.sent"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> page("supervisor", get(location)).contains("id=\"fig-pending\">0<"));
        String sent = page("supervisor", get(location));
        assertThat(sent).contains("id=\"fig-skipped\">3<", "id=\"fig-sent\">0<", "服务器未配置该发送渠道");
        mvc.perform(post(location + "/send")
                        .with(httpBasic("supervisor", "demo"))
                        .with(csrf()))
                .andExpect(flash().attribute("errorKey", "outreach.error.alreadySent"));
    }
}
