package dev.backstop.helpdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What a careless or hostile client sends is refused with a 4xx in the caller's language that names what is wrong —
 * never a 500, a class name or the parser's own text.
 */
@SharedH2Context
class BadInputTests {

    @Autowired
    MockMvc mvc;

    MvcResult open(String json, String language) throws Exception {
        return mvc.perform(post("/api/v1/tickets")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", language)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static void noJavaInside(String body) {
        assertThat(body)
                .doesNotContain(
                        "java.",
                        "$",
                        "TicketApi",
                        "NewTicket",
                        "Exception",
                        "Failed to convert",
                        "Cannot deserialize",
                        "tools.jackson");
    }

    @Test
    void anUnknownDistributorOrEmployeeIsA400NamingTheFieldNotAForeignKeyViolation() throws Exception {
        MvcResult distributor = open("""
                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"未知经销商","distributorId":987654}""", "zh-CN");
        assertThat(distributor.getResponse().getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(distributor), "$.detail")).isEqualTo("distributorId：不存在编号为 987654 的经销商。");
        MvcResult employee = open("""
                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"unknown employee","employeeId":987654}""", "en");
        assertThat(employee.getResponse().getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(employee), "$.detail"))
                .isEqualTo("employeeId: there is no employee with the id 987654.");
    }

    @Test
    void aValueOfTheWrongKindNamesTheFieldAndWhatItTakesWithoutJavaText() throws Exception {
        MvcResult number = open("""
                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"x","distributorId":"abc"}""", "zh-CN");
        assertThat(number.getResponse().getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(number), "$.detail")).isEqualTo("字段“distributorId”的值类型不对：应为数字。");
        noJavaInside(body(number));

        MvcResult choice = open("""
                {"desk":"SALES","type":"INQUIRY","channel":"PHONE","subject":"x"}""", "en");
        assertThat(choice.getResponse().getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(choice), "$.detail"))
                .isEqualTo("The field \"desk\" takes one of: CHANNEL, EXPERT, HR.");
        noJavaInside(body(choice));

        MvcResult broken = open("{\"desk\":\"CHANNEL\",\n\"subject\": }", "en");
        assertThat(broken.getResponse().getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(broken), "$.detail"))
                .startsWith("The request body is not valid JSON (line 2");
        noJavaInside(body(broken));

        MvcResult nested = open("""
                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"x","tags":[{"a":1}]}""", "en");
        assertThat(nested.getResponse().getStatus()).isEqualTo(400);
        noJavaInside(body(nested));
    }

    @Test
    void aTicketTakesAtMostTwentyTags() throws Exception {
        String twenty = IntStream.range(0, 20).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
        assertThat(open("""
                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"标签","tags":[%s]}""".formatted(twenty), "zh-CN").getResponse().getStatus())
                .isEqualTo(201);
        String many = IntStream.range(0, 50_000).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
        MvcResult refused = open("""
                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"标签","tags":[%s]}""".formatted(many), "zh-CN");
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(body(refused), "$.detail")).isEqualTo("tags：一张工单最多 20 个标签，而不是 50000 个。");
    }

    long newTicket() throws Exception {
        return ((Number) JsonPath.read(body(open("""
                {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"坏输入"}""", "zh-CN")), "$.id")).longValue();
    }

    @Test
    void waitingForABackOfficeNeedsADepartment() throws Exception {
        long id = newTicket();
        mvc.perform(post("/api/v1/tickets/" + id + "/state")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"PENDING_BACK_OFFICE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("tickets.error.departmentFirst"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("须先转给某个部门")));
        mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                .andExpect(jsonPath("$.state").value(Matchers.not("PENDING_BACK_OFFICE")));
    }

    @Test
    void aSatisfactionOutsideOneToFiveIsABadRequest() throws Exception {
        long id = newTicket();
        mvc.perform(post("/api/v1/tickets/" + id + "/callback")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"ok\",\"satisfaction\":6}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Satisfaction must be between 1 and 5, not 6."));
    }

    @Test
    void idsInMessagesAreWrittenAsIdsNotAsGroupedNumbers() throws Exception {
        mvc.perform(get("/api/v1/tickets/99999")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("未找到工单 99999。"));
    }

    @Test
    void aPageFarBeyondTheEndIsABadRequestOnTheApiAndOnThePage() throws Exception {
        mvc.perform(get("/api/v1/tickets?page=100000000")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("tickets.error.page"));
        mvc.perform(get("/workspace/tickets?page=100000000")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("页码最大为 10000")));
        mvc.perform(get("/api/v1/tickets?page=abc")
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("\"page\"")));
    }

    @Test
    void aMissingFilePartIsAProblemInTheCallersLanguage() throws Exception {
        long id = newTicket();
        MvcResult missing = mvc.perform(multipart("/api/v1/tickets/" + id + "/attachments")
                        .file(new MockMultipartFile("other", "a.txt", "text/plain", "x".getBytes()))
                        .with(httpBasic("agent", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(missing.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(body(missing), "$.detail")).isEqualTo("参数“file”缺失或取值无效。");
    }

    @Test
    void aNulByteInAnUploadedFileNameIsReplacedNotA500() throws Exception {
        MvcResult upload = mvc.perform(multipart("/api/v1/imports/distributors")
                        .file(new MockMultipartFile(
                                "file",
                                "dist\u0000ributors.csv",
                                "text/csv",
                                "经销商编码,经销商名称\nNUL-1,空字节商贸\n".getBytes(StandardCharsets.UTF_8)))
                        .param("dryRun", "true")
                        .with(httpBasic("admin", "demo"))
                        .header("Accept-Language", "zh-CN"))
                .andReturn();
        assertThat(upload.getResponse().getStatus()).as(body(upload)).isEqualTo(202);
        assertThat(JsonPath.<String>read(body(upload), "$.fileName")).isEqualTo("dist_ributors.csv");
    }

    @Test
    void aWrongValueInAPageFormIsShownInThePagesLanguageNotAsSpringsConversionText() throws Exception {
        String page = mvc.perform(
                        post("/workspace/tickets/new")
                                .with(httpBasic("agent", "demo"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .header("Accept-Language", "zh-CN")
                                .param("desk", "CHANNEL")
                                .param("type", "NO_SUCH_TYPE")
                                .param("channel", "PHONE")
                                .param("subject", "表单"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("此值的格式不正确。").doesNotContain("Failed to convert", "java.lang", "TicketType");
    }

    @Test
    void openingHoursAreABoundedList() throws Exception {
        String rows = IntStream.range(0, 29)
                .mapToObj(i -> "{\"dayOfWeek\":\"MONDAY\",\"opens\":\"09:00\",\"closes\":\"10:00\"}")
                .collect(Collectors.joining(",", "[", "]"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/admin/calendars/OFFICE/hours")
                        .with(httpBasic("admin", "demo"))
                        .header("Accept-Language", "zh-CN")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rows))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("营业时间段最多 28 个，而不是 29 个。"));
    }
}
