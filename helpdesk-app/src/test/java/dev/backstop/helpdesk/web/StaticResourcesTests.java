package dev.backstop.helpdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.testsupport.SharedH2Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The static files a page links to are served from their folders (ADR "fast build": Spring Boot's {@code /**} mapping is
 * off), the webjars' links carry their versions, and links to pages are left as they are.
 */
@SharedH2Context
class StaticResourcesTests {

    @Autowired
    MockMvc mvc;

    @Test
    void everyStaticFileAPageLinksToIsServedWithoutSigningIn() throws Exception {
        for (String path : new String[] {
            "/css/backstop.css",
            "/js/calls.js",
            "/js/chat.js",
            "/js/wallboard.js",
            "/webjars/htmx.org/dist/htmx.min.js",
            "/webjars/htmx-ext-sse/sse.js",
            "/webjars/echarts/dist/echarts.min.js",
            "/swagger-ui/index.html"
        }) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
                    .as(path)
                    .isEqualTo(200);
        }
        mvc.perform(get("/css/no-such-file.css")).andExpect(status().isNotFound());
    }

    @Test
    void aPageLinksToTheWebjarsByVersionAndToPagesAsWritten() throws Exception {
        String page = mvc.perform(get("/workspace").with(httpBasic("agent", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .containsPattern("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js")
                .contains("/css/backstop.css")
                .contains("href=\"/workspace/tickets\"");
        String versioned =
                page.replaceAll("(?s).*(/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js).*", "$1");
        mvc.perform(get(versioned)).andExpect(status().isOk());
    }
}
