package dev.backstop.helpdesk.hr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.hr.internal.HrRetention;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Headquarters' oversight never shows a count under 5 nor a total it could be subtracted from; the retention job deletes
 * what is past its period, in batches, and records each deletion; "my data" gives the employee their payslip items and
 * nothing of another employee, and is itself logged as an export.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            HrFeedbackContext.DATA_DIR,
            HrFeedbackContext.DEMO,
            HrFeedbackContext.DATABASE,
            HrFeedbackContext.NO_LOGIN_DELAY
        })
@ResourceLock("context:hr-feedback")
class HrOversightRetentionAndMyDataTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HrRetention retention;

    private long branch(String code) {
        if (jdbc.queryForObject("select count(*) from branches where code = ?", Long.class, code) == 0) {
            long region = jdbc.queryForObject("select min(id) from regions", Long.class);
            jdbc.update(
                    "insert into branches (code, name, name_en, region_id) values (?, ?, ?, ?)",
                    code,
                    "测试分行" + code,
                    "Test branch " + code,
                    region);
        }
        return jdbc.queryForObject("select id from branches where code = ?", Long.class, code);
    }

    private void feedback(long branch, String topic, int count, LocalDate on) {
        for (int i = 0; i < count; i++) {
            jdbc.update(
                    """
                    insert into hr_feedback (token_hash, branch_id, topic, body, anonymous, state, submitted_on,
                                             last_activity_on) values (?, ?, ?, 'x', true, 'OPEN', ?, ?)""",
                    java.util.UUID.randomUUID().toString().replace("-", ""),
                    branch,
                    topic,
                    Date.valueOf(on),
                    Date.valueOf(on));
        }
    }

    @Test
    void oversightShowsSmallCellsAsUnderFiveAndNoTotalGivesThemBack() throws Exception {
        long branch = branch("ZZ-OVERSIGHT");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        feedback(branch, "MANAGEMENT", 7, today);
        feedback(branch, "CONDUCT", 2, today);

        String json = mvc.perform(get("/api/v1/hr/feedback/oversight?months=3").with(httpBasic("supervisor", "demo")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> topics = JsonPath.read(json, "$.byTopic.columns");
        List<String> cells = JsonPath.read(json, "$.byTopic.rows[?(@.branchCode == 'ZZ-OVERSIGHT')].cells[*]");
        assertThat(cells.get(topics.indexOf("MANAGEMENT"))).isEqualTo("7");
        assertThat(cells.get(topics.indexOf("CONDUCT"))).isEqualTo("<5");
        List<String> totals = JsonPath.read(json, "$.byTopic.rows[?(@.branchCode == 'ZZ-OVERSIGHT')].total");
        assertThat(totals).containsExactly("≥7");
        List<String> monthCells = JsonPath.read(json, "$.byMonth.rows[?(@.branchCode == 'ZZ-OVERSIGHT')].cells[*]");
        assertThat(monthCells).contains("9").doesNotContain("2", "1", "3", "4");
        List<String> allFigures = JsonPath.read(json, "$..cells[*]");
        assertThat(allFigures).as("no published cell is a count from 1 to 4").doesNotContain("1", "2", "3", "4");
        String conductTotal = JsonPath.read(json, "$.byTopic.columnTotals[" + topics.indexOf("CONDUCT") + "]");
        assertThat(conductTotal).matches("<5|≥\\d+");

        var page = mvc.perform(get("/workspace/hr/oversight").with(httpBasic("admin", "demo")))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("测试分行ZZ-OVERSIGHT", "&lt;5", "≥7");

        for (String refused : List.of("hr", "payroll", "employee", "agent")) {
            assertThat(mvc.perform(get("/api/v1/hr/feedback/oversight").with(httpBasic(refused, "demo")))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(refused)
                    .isEqualTo(403);
        }
    }

    @Test
    void theRetentionJobDeletesWhatIsPastItsPeriodInBatchesAndRecordsEachDeletion() {
        long employee = jdbc.queryForObject("select id from employees where employee_no = 'E0007'", Long.class);
        long reader = jdbc.queryForObject("select id from app_users where username = 'hr'", Long.class);
        String oldPeriod = YearMonth.now(ZoneOffset.UTC).minusYears(6).toString();
        jdbc.update(
                "insert into hr_payslips (employee_id, period, gross_pay, deductions, net_pay) values (?, ?, 1, 0, 1)",
                employee,
                oldPeriod);
        long payslip = jdbc.queryForObject(
                "select id from hr_payslips where employee_id = ? and period = ?", Long.class, employee, oldPeriod);
        jdbc.update("insert into hr_payslip_items (payslip_id, item_code, amount) values (?, 'BASE', 1)", payslip);
        Instant longAgo = Instant.now().minus(4 * 366, ChronoUnit.DAYS);
        for (int i = 0; i < 3; i++) {
            jdbc.update("""
                    insert into hr_access_log (employee_id, reader_user_id, reader_name, reader_role, what, read_at)
                    values (?, ?, '孙人事', 'HR_AGENT', 'PAYSLIP', ?)""", employee, reader, Timestamp.from(longAgo));
        }
        long branch = branch("ZZ-RETENTION");
        feedback(branch, "OTHER", 2, LocalDate.now(ZoneOffset.UTC).minusYears(3));
        long recentPayslips = jdbc.queryForObject(
                "select count(*) from hr_payslips where employee_id = ? and period <> ?",
                Long.class,
                employee,
                oldPeriod);
        long logBefore = jdbc.queryForObject("select count(*) from hr_retention_log", Long.class);

        Map<String, Integer> deleted = retention.run();

        assertThat(deleted.get(HrRetention.PAYSLIPS)).isGreaterThanOrEqualTo(1);
        assertThat(deleted.get(HrRetention.ACCESS_LOG)).isGreaterThanOrEqualTo(3);
        assertThat(deleted.get(HrRetention.FEEDBACK)).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from hr_payslips where id = ?", Long.class, payslip))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from hr_payslip_items where payslip_id = ?", Long.class, payslip))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from hr_access_log where read_at < ?",
                        Long.class,
                        Timestamp.from(longAgo.plusSeconds(1))))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from hr_payslips where employee_id = ?", Long.class, employee))
                .as("the demo's twelve recent months stay")
                .isEqualTo(recentPayslips);

        Map<String, Integer> recorded = new HashMap<>();
        jdbc.query(
                "select kind, deleted, cutoff from hr_retention_log where id > (select coalesce(max(id), 0) - ? from hr_retention_log)",
                rs -> {
                    recorded.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                    assertThat(rs.getTimestamp(3)).isNotNull();
                },
                jdbc.queryForObject("select count(*) from hr_retention_log", Long.class) - logBefore);
        assertThat(recorded)
                .containsAllEntriesOf(Map.of(
                        HrRetention.PAYSLIPS, deleted.get(HrRetention.PAYSLIPS),
                        HrRetention.ACCESS_LOG, deleted.get(HrRetention.ACCESS_LOG),
                        HrRetention.FEEDBACK, deleted.get(HrRetention.FEEDBACK)));

        assertThat(retention.run().values())
                .as("a second pass finds nothing left")
                .containsOnly(0);
    }

    @Test
    void myDataHoldsTheEmployeesPayslipItemsAndNothingOfAnotherEmployeeAndIsLoggedAsAnExport() throws Exception {
        long employee = jdbc.queryForObject("select id from employees where employee_no = 'E0007'", Long.class);
        long exportsBefore = jdbc.queryForObject(
                "select count(*) from hr_access_log where employee_id = ? and what = 'EXPORT'", Long.class, employee);
        var response = mvc.perform(get("/api/v1/me/data").with(httpBasic("employee", "demo")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        Map<String, String> files = unzip(response.getContentAsByteArray());
        assertThat(files)
                .containsKeys(
                        "profile.csv",
                        "payslips.csv",
                        "payslip_items.csv",
                        "benefits.csv",
                        "leave.csv",
                        "tickets.csv",
                        "ticket_messages.csv",
                        "delegations.csv",
                        "access_log.csv");
        String items = files.get("payslip_items.csv");
        assertThat(items).startsWith("\uFEFF");
        String period = jdbc.queryForObject(
                "select max(period) from hr_payslips where employee_id = ?", String.class, employee);
        List<BigDecimal> amounts = jdbc.queryForList("""
                select i.amount from hr_payslip_items i join hr_payslips p on p.id = i.payslip_id
                 where p.employee_id = ? and p.period = ?""", BigDecimal.class, employee, period);
        assertThat(amounts).isNotEmpty();
        for (BigDecimal amount : amounts) {
            assertThat(items).contains("\"" + period + "\"").contains(amount.toPlainString());
        }
        assertThat(items).contains("个人所得税");
        assertThat(files.get("profile.csv")).contains("E0007");

        String all = String.join("\n", files.values());
        for (String other : jdbc.queryForList(
                "select employee_no from employees where id <> ? and employee_no <> 'E0007'", String.class, employee)) {
            assertThat(all).doesNotContain("\"" + other + "\"");
        }
        long other = jdbc.queryForObject("select id from employees where employee_no = 'E0004'", Long.class);
        String otherNet = jdbc.queryForObject(
                        "select net_pay from hr_payslips where employee_id = ? order by period desc fetch first 1 rows only",
                        BigDecimal.class,
                        other)
                .toPlainString();
        assertThat(files.get("payslips.csv")).doesNotContain(otherNet);

        assertThat(jdbc.queryForObject(
                        "select count(*) from hr_access_log where employee_id = ? and what = 'EXPORT'",
                        Long.class,
                        employee))
                .isEqualTo(exportsBefore + 1);
        assertThat(mvc.perform(get("/api/v1/me/data").with(httpBasic("family", "demo")))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a family member gets nothing")
                .isEqualTo(404);
        var page = mvc.perform(get("/portal/hr/my-data").with(httpBasic("employee", "demo")))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("my-data-export", "retention");
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
