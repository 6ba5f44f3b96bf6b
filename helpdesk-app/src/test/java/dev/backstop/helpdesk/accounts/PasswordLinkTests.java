package dev.backstop.helpdesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.TestLocks;
import dev.backstop.helpdesk.testsupport.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An account loaded by the users import has no password; the administrator sends a one-time link (real SMTP through
 * GreenMail), the user chooses a password that passes the rules on the public page and signs in; the link then dies.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/password-links",
            "spring.datasource.url=jdbc:h2:mem:passwordlinks;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.public-url=https://desk.example.cn",
            "backstop.imports.poll-interval=200ms",
            "spring.mail.host=localhost",
            "spring.mail.port=${backstop.test.smtp-port:3025}"
        })
@ResourceLock(TestLocks.MAIL_PORTS)
class PasswordLinkTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestMail.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    static final Pattern LINK = Pattern.compile("https://desk\\.example\\.cn/account/password/([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    void importUsers(String csv) throws Exception {
        var file = new MockMultipartFile("file", "users.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(multipart("/api/v1/imports/users").file(file).with(httpBasic("admin", "demo")))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DONE"
                        .equals(jdbc.queryForObject("select state from import_jobs where id = ?", String.class, id)));
    }

    String issue(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/admin/users/" + username + "/password-link")
                        .with(httpBasic("admin", "demo")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher link = LINK.matcher(JsonPath.read(body, "$.link"));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    int choose(String token, String password, String confirmation) throws Exception {
        return mvc.perform(post("/account/password/" + token)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("password", password)
                        .param("confirmation", confirmation))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void anImportedAccountGetsItsPasswordThroughAnEmailedOneTimeLink() throws Exception {
        importUsers("用户名,姓名,角色,邮箱\nwangwu,王五,一线服务代表,wangwu@example.com\n");
        mvc.perform(get("/api/v1/me").with(httpBasic("wangwu", "demo"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/users").param("q", "wangwu").with(httpBasic("admin", "demo")))
                .andExpect(jsonPath("$[0].username").value("wangwu"))
                .andExpect(jsonPath("$[0].hasPassword").value(false));

        String body = mvc.perform(
                        post("/api/v1/admin/users/wangwu/password-link").with(httpBasic("admin", "demo")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.emailedTo").value("wangwu@example.com"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("wangwu@example.com");
        assertThat(mail.getSubject()).contains("设置您的 Backstop 密码", "Set your Backstop password");
        Matcher link = LINK.matcher((String) mail.getContent()); // decoded: the raw body wraps long lines
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(JsonPath.<String>read(body, "$.link")).endsWith(token);

        mvc.perform(get("/account/password/" + token).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("王五")));
        assertThat(choose(token, "short", "short")).isEqualTo(400);
        String refused = mvc.perform(post("/account/password/" + token)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("password", "wangwu-2026-spring")
                        .param("confirmation", "wangwu-2026-spring"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("此密码太容易被猜到");
        String mismatch = mvc.perform(post("/account/password/" + token)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("password", "Lotus-pond-2026")
                        .param("confirmation", "Lotus-pond-2027"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(mismatch).contains("The two passwords are not the same.");
        mvc.perform(get("/api/v1/me").with(httpBasic("wangwu", "Lotus-pond-2026")))
                .andExpect(status().isUnauthorized());

        assertThat(choose(token, "Lotus-pond-2026", "Lotus-pond-2026")).isEqualTo(200);
        mvc.perform(get("/api/v1/me").with(httpBasic("wangwu", "Lotus-pond-2026")))
                .andExpect(status().isOk());
        mvc.perform(get("/account/password/" + token).header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("此链接无效")));
        assertThat(choose(token, "Another-pass-99", "Another-pass-99"))
                .as("a used link sets nothing")
                .isEqualTo(404);
        mvc.perform(get("/api/v1/me").with(httpBasic("wangwu", "Lotus-pond-2026")))
                .andExpect(status().isOk());
    }

    @Test
    void aNewLinkVoidsTheOldOneAndAnAccountWithoutAnAddressGetsTheLinkHandedOver() throws Exception {
        importUsers("用户名,姓名,角色\nzhaoliu,赵六,渠道坐席\n");
        String first = issue("zhaoliu");
        String second = issue("zhaoliu");
        mvc.perform(get("/account/password/" + first)).andExpect(status().isNotFound());
        mvc.perform(get("/account/password/" + second)).andExpect(status().isOk());
        String page = mvc.perform(post("/admin/users/zhaoliu/password-link")
                        .with(csrf())
                        .with(httpBasic("admin", "demo"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("it was not e-mailed").contains("https://desk.example.cn/account/password/");
        mvc.perform(get("/account/password/" + second)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/admin/users/nobody-here/password-link")
                        .with(httpBasic("admin", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("没有用户“nobody-here”。"));
        mvc.perform(post("/api/v1/admin/users/zhaoliu/password-link").with(httpBasic("supervisor", "demo")))
                .andExpect(status().isForbidden());
        assertThat(List.of(jdbc.queryForObject(
                        "select count(*) from password_links l join app_users u on u.id = l.user_id "
                                + "where u.username = 'zhaoliu' and l.used_at is null and l.expires_at > current_timestamp",
                        Long.class)))
                .containsExactly(1L);
    }

    @Test
    void anAdminSetsAnAgentsCapacityAndSkillsOnThePageAndThroughTheApi() throws Exception {
        String refused = mvc.perform(put("/api/v1/admin/agents/expert")
                        .with(httpBasic("admin", "demo"))
                        .header("Accept-Language", "zh-CN")
                        .contentType("application/json")
                        .content("{\"capacity\":3,\"skills\":[\"PRODUCT\",\"FORKLIFT\"]}"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("没有技能队列“FORKLIFT”", "PRODUCT").doesNotContain("{0}");
        mvc.perform(put("/api/v1/admin/agents/expert")
                        .with(httpBasic("admin", "demo"))
                        .contentType("application/json")
                        .content("{\"capacity\":0,\"skills\":[]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/admin/agents/distributor")
                        .with(httpBasic("admin", "demo"))
                        .contentType("application/json")
                        .content("{\"capacity\":3,\"skills\":[]}"))
                .andExpect(status().isNotFound());

        mvc.perform(put("/api/v1/admin/agents/expert")
                        .with(httpBasic("admin", "demo"))
                        .contentType("application/json")
                        .content("{\"capacity\":3,\"skills\":[\"product\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capacity").value(3))
                .andExpect(jsonPath("$.skills[0]").value("PRODUCT"));
        // the agent's own profile (what routing reads) has it
        mvc.perform(get("/api/v1/me/agent-profile").with(httpBasic("expert", "demo")))
                .andExpect(jsonPath("$.capacity").value(3))
                .andExpect(jsonPath("$.skills[0]").value("PRODUCT"));

        mvc.perform(post("/admin/agents/hr")
                        .with(httpBasic("admin", "demo"))
                        .with(csrf())
                        .param("capacity", "7")
                        .param("skills", "PAYROLL"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "workspace.saved"));
        String page = mvc.perform(
                        get("/admin/agents").with(httpBasic("admin", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"agent-hr\"", "人事专员", "薪酬个税", "value=\"7\"")
                .doesNotContain("id=\"agent-distributor\"", ">HR_AGENT<");
        mvc.perform(get("/admin/agents").with(httpBasic("supervisor", "demo"))).andExpect(status().isForbidden());

        // the SLA policies page: criteria in words, each policy's targets editable
        String policies = mvc.perform(get("/admin/sla-policies")
                        .with(httpBasic("admin", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(policies)
                .contains(
                        "VIP 经销商投诉",
                        "<span>渠道服务台</span>",
                        "<span>投诉</span>",
                        "任意类型",
                        "name=\"resolutionMinutes\"",
                        "停用")
                .doesNotContain("CHANNEL / COMPLAINT", ">OFFICE<", ">24X7<");
        long hrDesk =
                jdbc.queryForObject("select id from sla_policies where name = 'HR 服务台' and active = true", Long.class);
        mvc.perform(post("/admin/sla-policies/" + hrDesk)
                        .with(httpBasic("admin", "demo"))
                        .with(csrf())
                        .param("name", "HR 服务台")
                        .param("calendar", "OFFICE")
                        .param("firstResponseMinutes", "480")
                        .param("resolutionMinutes", "60")
                        .param("atRiskPercent", "80"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorKey", "sla.policy.error.firstAfterResolution"));
    }
}
