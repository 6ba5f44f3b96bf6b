package dev.backstop.helpdesk.workspace;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The workspace pages render for the people who use them, in both languages, with the SLA and routing parts. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"backstop.data-dir=target/test-data/workspace-pages", "backstop.sla.escalation.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:workspacepages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "backstop.security.login.delay-per-failure=0ms"})
class WorkspacePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAgentsHomeHasPresenceAndNextAndNextAssignsTheBestTicket() throws Exception {
        mvc.perform(get("/workspace").with(httpBasic("agent", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("领取下一张工单")))
                .andExpect(content().string(containsString("id=\"presence\"")))
                .andExpect(content().string(not(containsString("escalated-tickets"))));
        mvc.perform(post("/workspace/next").with(httpBasic("agent", "demo")).with(csrf()))
                .andExpect(redirectedUrlPattern("/workspace/tickets/*"));
        mvc.perform(post("/workspace/presence").param("presence", "AWAY").with(httpBasic("agent", "demo")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/workspace/next").with(httpBasic("agent", "demo")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/workspace")).andExpect(flash().attribute("errorKey", "tickets.routing.notAvailable"));
    }

    @Test
    void theSupervisorSeesTheQueueWithTheScoreExplained() throws Exception {
        mvc.perform(get("/workspace/queue?desk=CHANNEL").with(httpBasic("supervisor", "demo")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Score = segment")))
                .andExpect(content().string(containsString("CH-")));
    }

    @Test
    void aTicketPageShowsItsSlaInTheReadersLanguage() throws Exception {
        long id = jdbc.queryForObject("select min(id) from tickets where desk = 'CHANNEL' and state in ('NEW', 'OPEN')", Long.class);
        mvc.perform(get("/workspace/tickets/" + id).with(httpBasic("agent", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"sla-status\"")))
                .andExpect(content().string(containsString("解决截止")));
        mvc.perform(get("/workspace/tickets/" + id).with(httpBasic("agent", "demo")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Resolution due")));
        mvc.perform(get("/workspace/tickets?sla=BREACHED").with(httpBasic("agent", "demo")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Any SLA state")));
        mvc.perform(get("/workspace/tickets/new").with(httpBasic("agent", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("订单与发货")));
    }

    @Test
    void notificationsPageRendersForAnyone() throws Exception {
        mvc.perform(get("/notifications").with(httpBasic("family", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("暂无通知")));
    }
}
