package dev.backstop.helpdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.sla.SlaPolicies;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The State Council's holiday schedule arrives as a GBK spreadsheet export: the days land in the business calendar,
 * the SLA clocks count them at once, an unknown calendar is reported by line, and the same file again changes nothing.
 * Same configuration as {@link ImportTemplatesTests}, so the application context is shared.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/import-templates",
            "spring.datasource.url=jdbc:h2:mem:importtemplates;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.imports.poll-interval=200ms"
        })
@ResourceLock("context:import-templates")
class HolidayCalendarImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SlaPolicies policies;

    static final String SCHEDULE = """
            日历代码,日期,类型,名称
            OFFICE,2031年2月19日,放假,春节
            OFFICE,2031/02/20,放假,春节
            office,2031-02-22,调休上班,春节调休
            NOWHERE,2031-02-21,放假,春节
            """;

    Map<String, Object> importSchedule() throws Exception {
        var file =
                new MockMultipartFile("file", "2031年节假日安排.csv", "text/csv", SCHEDULE.getBytes(Charset.forName("GBK")));
        String body = mvc.perform(multipart("/api/v1/imports/holiday-calendars")
                        .file(file)
                        .with(httpBasic("admin", "demo")))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> List.of("DONE", "FAILED")
                        .contains(jdbc.queryForObject("select state from import_jobs where id = ?", String.class, id)));
        Map<String, Object> job = new java.util.HashMap<>(jdbc.queryForMap(
                "select state, inserted, updated, unchanged, rejected from import_jobs where id = ?", id));
        job.put("id", id);
        return job;
    }

    @Test
    void holidaysAndMakeUpDaysReachTheClocksAndAnUnknownCalendarIsReported() throws Exception {
        var office = ZoneId.of("Asia/Shanghai");
        var before = policies.calendar("OFFICE");
        assertThat(before.hoursOn(LocalDate.of(2031, 2, 19)))
                .as("a Wednesday, open before the import")
                .isNotEmpty();

        Map<String, Object> first = importSchedule();
        assertThat(first)
                .containsEntry("state", "DONE")
                .containsEntry("inserted", 3L)
                .containsEntry("rejected", 1L);

        var calendar = policies.calendar("OFFICE");
        assertThat(calendar.hoursOn(LocalDate.of(2031, 2, 19)))
                .as("春节 is a holiday now")
                .isEmpty();
        assertThat(calendar.hoursOn(LocalDate.of(2031, 2, 22)))
                .as("the make-up Saturday is a working day")
                .isNotEmpty();
        assertThat(calendar.isOpen(LocalDate.of(2031, 2, 20)
                        .atTime(LocalTime.of(10, 0))
                        .atZone(office)
                        .toInstant()))
                .isFalse();

        String days = mvc.perform(get("/api/v1/admin/calendars/OFFICE/days")
                        .param("year", "2031")
                        .with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(days, "$[*].kind")).containsExactly("HOLIDAY", "HOLIDAY", "WORKDAY");

        String errors = mvc.perform(get("/api/v1/imports/jobs/" + first.get("id") + "/errors")
                        .with(httpBasic("admin", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(errors).contains("NOWHERE").contains("没有代码为“NOWHERE”的日历").contains("OFFICE");

        Map<String, Object> again = importSchedule();
        assertThat(again)
                .as("the same file again changes nothing")
                .containsEntry("inserted", 0L)
                .containsEntry("updated", 0L)
                .containsEntry("unchanged", 3L);
    }

    @Test
    void theAdminCalendarPageShowsTheWeekAndAddsAndRemovesADay() throws Exception {
        String page = mvc.perform(get("/admin/calendars")
                        .param("code", "OFFICE")
                        .param("year", "2032")
                        .with(httpBasic("admin", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("总部办公时间")
                .contains("09:00–12:00")
                .contains("13:30–18:00")
                .contains("休息")
                .contains("本年度尚未设置节假日");
        mvc.perform(post("/admin/calendars/OFFICE/days")
                        .with(csrf())
                        .with(httpBasic("admin", "demo"))
                        .param("date", "2032-10-01")
                        .param("kind", "HOLIDAY")
                        .param("name", "国庆节"))
                .andExpect(status().is3xxRedirection());
        assertThat(policies.calendar("OFFICE").hoursOn(LocalDate.of(2032, 10, 1)))
                .as("the clocks see it at once")
                .isEmpty();
        assertThat(mvc.perform(get("/admin/calendars")
                                .param("code", "OFFICE")
                                .param("year", "2032")
                                .with(httpBasic("admin", "demo"))
                                .header("Accept-Language", "zh-CN"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("day-2032-10-01")
                .contains("国庆节");
        mvc.perform(post("/admin/calendars/OFFICE/days/2032-10-01/remove")
                        .with(csrf())
                        .with(httpBasic("admin", "demo")))
                .andExpect(status().is3xxRedirection());
        assertThat(policies.calendar("OFFICE").hoursOn(LocalDate.of(2032, 10, 1)))
                .isNotEmpty();
        mvc.perform(post("/admin/calendars/NOWHERE/days")
                        .with(csrf())
                        .with(httpBasic("admin", "demo"))
                        .header("Accept-Language", "en")
                        .param("date", "2032-10-02")
                        .param("kind", "HOLIDAY"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/calendars").with(httpBasic("supervisor", "demo")))
                .andExpect(status().isForbidden());
    }
}
