package dev.backstop.helpdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/** Every kind's downloadable template, in Chinese and in English, imports cleanly: the samples teach the format. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/import-templates",
            "spring.datasource.url=jdbc:h2:mem:importtemplates;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.imports.poll-interval=200ms"
        })
@ResourceLock("context:import-templates")
class ImportTemplatesTests {

    static final List<String> IN_DEPENDENCY_ORDER = List.of(
            "distributors",
            "distributor-contacts",
            "employees",
            "family-members",
            "orders",
            "invoices",
            "payments",
            "shipments",
            "shipment-lines",
            "stock",
            "sales-policies",
            "payslips",
            "benefit-enrolments",
            "leave-balances",
            "users",
            "kb-articles",
            "holiday-calendars");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTemplateImportsWithoutAProblemInBothLanguages() throws Exception {
        String kinds = mvc.perform(get("/api/v1/imports/kinds").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(kinds, "$[*].kind"))
                .containsExactlyInAnyOrderElementsOf(IN_DEPENDENCY_ORDER);

        for (String language : List.of("zh-CN", "en")) {
            for (String kind : IN_DEPENDENCY_ORDER) {
                byte[] template = mvc.perform(get("/api/v1/imports/kinds/" + kind + "/template")
                                .with(httpBasic("admin", "demo"))
                                .header("Accept-Language", language))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();
                var file = new MockMultipartFile("file", kind + ".csv", "text/csv", template);
                String body = mvc.perform(
                                multipart("/api/v1/imports/" + kind).file(file).with(httpBasic("admin", "demo")))
                        .andExpect(status().isAccepted())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                long id = ((Number) JsonPath.read(body, "$.id")).longValue();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> List.of("DONE", "FAILED")
                                .contains(jdbc.queryForObject(
                                        "select state from import_jobs where id = ?", String.class, id)));
                Map<String, Object> job = jdbc.queryForMap(
                        "select state, inserted, updated, unchanged, rejected from import_jobs where id = ?", id);
                List<String> problems = jdbc.queryForList(
                        "select code || ' ' || coalesce(column_name, '') from import_problems where job_id = ?",
                        String.class,
                        id);
                assertThat(problems).as(kind + " " + language).isEmpty();
                assertThat(job)
                        .as(kind + " " + language)
                        .containsEntry("state", "DONE")
                        .containsEntry("rejected", 0L);
                if (language.equals("en")) {
                    assertThat(((Number) job.get("inserted")).longValue()
                                    + ((Number) job.get("updated")).longValue()
                                    + ((Number) job.get("unchanged")).longValue())
                            .as(kind)
                            .isPositive();
                }
            }
        }
        assertThat(jdbc.queryForList("""
                select r.role from user_roles r join app_users u on u.id = r.user_id where u.username = 'e0002' order by r.role""", String.class)).containsExactly("EMPLOYEE", "FRONTLINE");
        mvc.perform(get("/api/v1/me").with(httpBasic("lisi", ""))).andExpect(status().isUnauthorized());
        assertThat(new String(
                        mvc.perform(get("/api/v1/imports/kinds/payslips/template")
                                        .with(httpBasic("admin", "demo")))
                                .andReturn()
                                .getResponse()
                                .getContentAsByteArray(),
                        StandardCharsets.UTF_8))
                .contains("工号");
    }
}
