package dev.backstop.helpdesk.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/security",
            "spring.datasource.url=jdbc:h2:mem:security;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.security.login.max-failures=3"
        })
class SecurityTests {

    @Autowired
    MockMvc mvc;

    @Test
    void apiAnswers401AsJsonNeverALoginPage() throws Exception {
        mvc.perform(get("/api/v1/me").header("Accept-Language", "en").accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnauthorized())
                .andExpect(
                        header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("sign in")));
    }

    @Test
    void meShowsTheAccountADistributorIsBoundTo() throws Exception {
        mvc.perform(get("/api/v1/me").with(httpBasic("distributor", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("DISTRIBUTOR"))
                .andExpect(jsonPath("$.distributorId").value(1))
                .andExpect(jsonPath("$.distributorName").isNotEmpty());
        mvc.perform(get("/api/v1/me").with(httpBasic("family", "demo")))
                .andExpect(jsonPath("$.familyMemberId").isNumber())
                .andExpect(jsonPath("$.employeeId").isNumber());
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("expert", "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic("expert", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("identity.login.locked"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("锁定")));
    }

    @Test
    void browserIsSentToTheLoginPageAndFormLoginLandsOnTheRolesHome() throws Exception {
        mvc.perform(get("/workspace").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        var session = mvc.perform(
                        post("/login")
                                .param("username", "distributor")
                                .param("password", "demo")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getRequest()
                .getSession();
        mvc.perform(get("/").session((org.springframework.mock.web.MockHttpSession) session))
                .andExpect(header().string("Location", "/portal"));
        mvc.perform(post("/login").param("username", "distributor").param("password", "demo"))
                .andExpect(status().isForbidden()); // no CSRF token
    }

    @Test
    void apiTokensWorkUntilRevokedAndOnlyAdminsManageThem() throws Exception {
        String issued = mvc.perform(post("/api/v1/admin/api-tokens")
                        .with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ERP 中间件\",\"username\":\"agent\",\"expiresInDays\":30}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(issued, "$.token");
        int id = JsonPath.read(issued, "$.id");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("agent"));
        mvc.perform(get("/api/v1/admin/api-tokens").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$[0].name").value("ERP 中间件"))
                .andExpect(jsonPath("$[0].token").doesNotExist());
        mvc.perform(get("/api/v1/admin/api-tokens").with(httpBasic("agent", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("identity.api.forbidden"));
        mvc.perform(delete("/api/v1/admin/api-tokens/" + id).with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer bst_garbage"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void healthIsPublicAndMetricsNeedAnAdmin() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("supervisor", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk());
    }
}
