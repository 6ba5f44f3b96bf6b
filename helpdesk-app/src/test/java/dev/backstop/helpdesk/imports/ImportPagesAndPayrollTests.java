package dev.backstop.helpdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The imports pages, and payroll data kept from everyone but payroll staff and admins. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/import-pages",
            "spring.datasource.url=jdbc:h2:mem:importpages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.imports.poll-interval=200ms"
        })
class ImportPagesAndPayrollTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    long upload(String user, String kind, String csv, String params) throws Exception {
        var file = new MockMultipartFile("file", kind + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(
                        multipart("/api/v1/imports/" + kind + params).file(file).with(httpBasic(user, "demo")))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> List.of("DONE", "FAILED", "REJECTED")
                        .contains(jdbc.queryForObject("select state from import_jobs where id = ?", String.class, id)));
        return id;
    }

    String jobJson(String user, long id) throws Exception {
        return mvc.perform(get("/api/v1/imports/jobs/" + id).with(httpBasic(user, "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anAdminUploadsThroughThePageAndSeesProgressPreviewAndProblemsInChinese() throws Exception {
        var file = new MockMultipartFile(
                "file",
                "employees.csv",
                "text/csv",
                "工号,姓名,入职日期\nE8001,韩梅梅,2025-03-01\nE8002,李雷,2025-02-30\n".getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/workspace/imports")
                        .file(file)
                        .param("kind", "employees")
                        .param("dryRun", "true")
                        .with(httpBasic("admin", "demo"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "DONE"
                        .equals(jdbc.queryForObject("select state from import_jobs where id = ?", String.class, id)));

        String page = mvc.perform(get(location).with(httpBasic("admin", "demo")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("韩梅梅", "“2025-02-30”不是日期", "正式导入此文件", "下载错误报告");
        String progress = mvc.perform(get(location + "/progress").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(progress).contains("job-progress");
        String home = mvc.perform(get("/workspace/imports")
                        .with(httpBasic("admin", "demo"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("Payslips with items", "Orders with lines", "employees.csv");
        mvc.perform(get("/workspace/imports").with(httpBasic("agent", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void onlyPayrollAndAdminsImportPayslipsAndAnHrAgentCannotEvenSeeTheJob() throws Exception {
        String csv = """
                工号,工资期间,应发合计,扣款合计,实发工资,项目编码,项目名称,项目金额
                E0001,2026年11月,"12,000.00","2,350.00","9,650.00",BASE,基本工资,10000
                E0001,2026年11月,"12,000.00","2,350.00","9,650.00",BONUS,绩效奖金,2000
                E0002,2026-13,"8,000.00",0,"8,000.00",BASE,基本工资,8000
                """;
        long id = upload("payroll", "payslips", csv, "");
        String job = jobJson("payroll", id);
        assertThat((Integer) JsonPath.read(job, "$.inserted")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(job, "$.rejected")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(job, "$.preview.rows[0].cells")).contains("12,000.00");
        // E0001's only: the demo data has payslips of its own (issue 15)
        assertThat(jdbc.queryForObject(
                        "select count(*) from hr_payslip_items i join hr_payslips p on p.id = i.payslip_id "
                                + "join employees e on e.id = p.employee_id where p.period = '2026-11' and e.employee_no = 'E0001'",
                        Integer.class))
                .isEqualTo(2);

        mvc.perform(get("/api/v1/imports/jobs/" + id).with(httpBasic("hr", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/workspace/imports/jobs/" + id).with(httpBasic("hr", "demo")))
                .andExpect(status().isNotFound());
        var file = new MockMultipartFile("file", "p.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/imports/payslips").file(file).with(httpBasic("hr", "demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anHrAgentDryRunsBenefitsWithoutSeeingTheContributionBaseThatPayrollSees() throws Exception {
        String csv = "工号,险种,起始日期,缴费基数,个人比例\nE0001,养老保险,2026-01-01,\"8,500.00\",8%\nE0002,住房公积金,2026-01-01,abc,7%\n";
        long id = upload("hr", "benefit-enrolments", csv, "?dryRun=true");

        String hrView = jobJson("hr", id);
        assertThat(JsonPath.<List<String>>read(hrView, "$.preview.rows[0].cells"))
                .contains("***")
                .doesNotContain("8,500.00");
        assertThat(hrView).doesNotContain("abc").contains("imports.value.amount");
        byte[] report = mvc.perform(
                        get("/api/v1/imports/jobs/" + id + "/errors").with(httpBasic("hr", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(report, StandardCharsets.UTF_8))
                .doesNotContain("abc")
                .contains("***");

        String payrollView = jobJson("payroll", id);
        assertThat(JsonPath.<List<String>>read(payrollView, "$.preview.rows[0].cells"))
                .contains("8,500.00");
        assertThat(payrollView).contains("abc");
    }
}
