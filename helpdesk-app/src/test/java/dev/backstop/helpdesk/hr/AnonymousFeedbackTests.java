package dev.backstop.helpdesk.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Anonymous feedback about a branch cannot be traced back to whoever gave it: after a signed-in employee submits
 * anonymously (through the API and the portal page, from a distinctive address) and the case is answered, no response
 * any role gets — API, page, search, export, oversight — carries the submitter's username, name, e-mail, employee number
 * or address; no text column of any table holds one more occurrence of them than before; and the application log of
 * the whole exchange holds none; the submitter's own "my data" export does not hold the feedback either. The token opens
 * the case; a wrong one is 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            HrFeedbackContext.DATA_DIR,
            HrFeedbackContext.DEMO,
            HrFeedbackContext.DATABASE,
            HrFeedbackContext.NO_LOGIN_DELAY
        })
@ResourceLock("context:hr-feedback")
class AnonymousFeedbackTests {

    static final String USERNAME = "fbwriter";
    static final String NAME = "钟离匿名";
    static final String EMPLOYEE_NO = "E9917";
    static final String EMAIL = "fbwriter@feedback.test";
    static final String ADDRESS = "203.0.113.77";
    static final List<String> IDENTITY = List.of(USERNAME, NAME, EMPLOYEE_NO, EMAIL, ADDRESS);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void submitter() {
        if (jdbc.queryForObject("select count(*) from app_users where username = ?", Long.class, USERNAME) > 0) {
            return;
        }
        long branch = jdbc.queryForObject("select min(id) from branches", Long.class);
        jdbc.update(
                "insert into employees (employee_no, name, branch_id, email) values (?, ?, ?, ?)",
                EMPLOYEE_NO,
                NAME,
                branch,
                EMAIL);
        long employee = jdbc.queryForObject("select id from employees where employee_no = ?", Long.class, EMPLOYEE_NO);
        jdbc.update("""
                insert into app_users (username, password_hash, display_name, email, employee_id, created_at)
                values (?, '{noop}demo', ?, ?, ?, ?)""", USERNAME, NAME, EMAIL, employee, Timestamp.from(Instant.now()));
        long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, USERNAME);
        jdbc.update("insert into user_roles (user_id, role) values (?, 'EMPLOYEE')", id);
    }

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(ADDRESS);
            return r;
        });
    }

    private String branchCode() {
        return jdbc.queryForObject("select code from branches order by code fetch first 1 rows only", String.class);
    }

    @Test
    void nobodyCanFindTheAnonymousSubmitterInAnyResponseColumnOrLogLine(CapturedOutput output) throws Exception {
        Map<String, Long> before = occurrences();
        int logStart = output.getAll().length();
        String text = "分行经理经常在周末安排加班却不登记 " + System.nanoTime();

        String json = """
                {"branch":"%s","topic":"MANAGEMENT","text":"%s","anonymous":true}""".formatted(branchCode(), text);
        var created = mvc.perform(from(post("/api/v1/feedback"))
                        .with(httpBasic(USERNAME, "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        String token = JsonPath.read(created.getContentAsString(), "$.token");
        assertThat(token).hasSize(22);
        assertThat((Boolean) JsonPath.read(created.getContentAsString(), "$.anonymous"))
                .isTrue();

        var page = mvc.perform(from(post("/portal/feedback"))
                        .with(httpBasic(USERNAME, "demo"))
                        .with(csrf())
                        .param("branch", branchCode())
                        .param("topic", "WORKLOAD")
                        .param("text", text + " (portal)")
                        .param("anonymous", "true"))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("feedback-token");

        var replied = mvc.perform(from(post("/api/v1/feedback/" + token + "/replies"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"补充：上个月有三次\"}"))
                .andReturn()
                .getResponse();
        assertThat(replied.getStatus()).isEqualTo(200);
        long id = jdbc.queryForObject("select max(id) from hr_feedback where body = ?", Long.class, text);
        var answered = mvc.perform(post("/api/v1/hr/feedback/" + id + "/replies")
                        .with(httpBasic("hr", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"已转分行负责人核实\"}"))
                .andReturn()
                .getResponse();
        assertThat(answered.getStatus()).isEqualTo(200);

        var followed = mvc.perform(get("/api/v1/feedback/" + token)).andReturn().getResponse();
        assertThat(followed.getStatus()).isEqualTo(200);
        assertThat(followed.getContentAsString()).contains("已转分行负责人核实", "补充：上个月有三次", text);

        String q = URLEncoder.encode(text.substring(0, 8), StandardCharsets.UTF_8);
        List<String> paths = List.of(
                "/api/v1/hr/feedback",
                "/api/v1/hr/feedback?q=" + q,
                "/api/v1/hr/feedback/" + id,
                "/api/v1/hr/feedback/oversight",
                "/workspace/hr/feedback",
                "/workspace/hr/feedback?q=" + q,
                "/workspace/hr/feedback/" + id,
                "/workspace/hr/oversight",
                "/api/v1/tickets?q=" + q,
                "/workspace/tickets?q=" + q,
                "/api/v1/kb/search?q=" + q,
                "/api/v1/feedback/" + token);
        List<String> leaks = new ArrayList<>();
        int served = 0;
        for (String role : List.of("admin", "supervisor", "hr", "payroll")) {
            for (String path : paths) {
                MockHttpServletResponse response = mvc.perform(get(path).with(httpBasic(role, "demo")))
                        .andReturn()
                        .getResponse();
                if (response.getStatus() == 200) {
                    served++;
                }
                String body = response.getContentAsString(StandardCharsets.UTF_8);
                for (String trace : IDENTITY) {
                    if (body.contains(trace)) {
                        leaks.add(role + " " + path + " shows " + trace);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(served)
                .as("the pages and APIs each role may open were really served")
                .isGreaterThan(20);

        // the HR agent sees the case and its conversation, and "anonymous" where a name would be
        String staffPage = mvc.perform(get("/workspace/hr/feedback/" + id).with(httpBasic("hr", "demo")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(staffPage).contains(text, "补充：上个月有三次", "匿名");

        assertThat(occurrences())
                .as("text columns holding the submitter's traces")
                .isEqualTo(before);
        assertThat(jdbc.queryForList(
                        "select submitter_user_id from hr_feedback where body like ?", Long.class, text + "%"))
                .hasSize(2)
                .containsOnlyNulls();

        String log = output.getAll().substring(logStart);
        for (String trace : IDENTITY) {
            assertThat(log).as("the log of the exchange").doesNotContain(trace);
        }
        assertThat(log).doesNotContain(token);

        // the submitter's own "my data" export: anonymous feedback is linked to nobody, so not to them either
        byte[] export = mvc.perform(get("/api/v1/me/data").with(httpBasic(USERNAME, "demo")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        StringBuilder exported = new StringBuilder();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(export), StandardCharsets.UTF_8)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                exported.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(exported.toString()).contains(EMPLOYEE_NO).doesNotContain(text.substring(0, 8));
    }

    @Test
    void namedFeedbackKeepsItsSubmitterForHr() throws Exception {
        var created = mvc.perform(post("/api/v1/feedback")
                        .with(httpBasic("employee", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"branch":"%s","topic":"SUGGESTION","text":"建议增加班车","anonymous":false}""".formatted(branchCode())))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        String employeeName =
                jdbc.queryForObject("select display_name from app_users where username = 'employee'", String.class);
        String list = mvc.perform(get("/api/v1/hr/feedback?q=班车").with(httpBasic("payroll", "demo")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(employeeName).contains("\"anonymous\":false");
    }

    @Test
    void theTokenOpensTheCaseAndAWrongTokenIsNotFound() throws Exception {
        var created = mvc.perform(post("/api/v1/feedback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"branch":"%s","topic":"SAFETY","text":"仓库消防通道被堵"}""".formatted(branchCode())))
                .andReturn()
                .getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        String token = JsonPath.read(created.getContentAsString(), "$.token");
        assertThat(jdbc.queryForObject("select count(*) from hr_feedback where token_hash = ?", Long.class, token))
                .as("the token itself is never stored")
                .isZero();

        assertThat(mvc.perform(get("/api/v1/feedback/" + token))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("仓库消防通道被堵");
        String wrong = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        for (String path : List.of("/api/v1/feedback/" + wrong, "/api/v1/feedback/x")) {
            var response = mvc.perform(get(path).header("Accept-Language", "zh-CN"))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Exception");
        }
        assertThat(mvc.perform(post("/feedback/follow").with(csrf()).param("token", wrong))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        var page = mvc.perform(post("/feedback/follow").with(csrf()).param("token", token))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("仓库消防通道被堵");
    }

    @Test
    void aBotFillingTheHiddenFieldStoresNothingAndBadInputIsALocalizedRefusal() throws Exception {
        long before = jdbc.queryForObject("select count(*) from hr_feedback", Long.class);
        var bot = mvc.perform(post("/feedback")
                        .with(csrf())
                        .param("branch", branchCode())
                        .param("topic", "OTHER")
                        .param("text", "cheap watches")
                        .param("website", "http://spam.example"))
                .andReturn()
                .getResponse();
        assertThat(bot.getStatus()).isEqualTo(200);
        assertThat(bot.getContentAsString()).contains("feedback-token");
        assertThat(jdbc.queryForObject("select count(*) from hr_feedback", Long.class))
                .isEqualTo(before);

        var bad = mvc.perform(post("/api/v1/feedback")
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"branch\":\"NOPE\",\"topic\":\"OTHER\",\"text\":\"x\"}"))
                .andReturn()
                .getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("“NOPE”不是分支机构");
    }

    /** Every occurrence of a trace of the submitter, per table and text column, over the whole database. */
    private Map<String, Long> occurrences() throws Exception {
        Map<String, Long> found = new TreeMap<>();
        List<String[]> columns = new ArrayList<>();
        Set<Integer> textTypes = Set.of(
                Types.VARCHAR,
                Types.CHAR,
                Types.LONGVARCHAR,
                Types.CLOB,
                Types.NVARCHAR,
                Types.NCHAR,
                Types.LONGNVARCHAR,
                Types.NCLOB,
                Types.OTHER);
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.getMetaData().getColumns(null, "public", "%", "%")) {
            while (rs.next()) {
                if (textTypes.contains(rs.getInt("DATA_TYPE"))) {
                    columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                }
            }
        }
        assertThat(columns).as("text columns scanned").hasSizeGreaterThan(100);
        for (String[] column : columns) {
            for (String trace : IDENTITY) {
                Long count = jdbc.queryForObject(
                        "select count(*) from \"%s\" where lower(cast(\"%s\" as varchar)) like ?"
                                .formatted(column[0], column[1]),
                        Long.class,
                        "%" + trace.toLowerCase() + "%");
                if (count > 0) {
                    found.put(column[0] + "." + column[1] + " ~ " + trace, count);
                }
            }
        }
        assertThat(found)
                .as("the submitter's own records are found, so the search works")
                .isNotEmpty();
        return found;
    }
}
