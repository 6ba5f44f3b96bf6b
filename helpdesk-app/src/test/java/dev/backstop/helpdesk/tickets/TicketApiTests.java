package dev.backstop.helpdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import dev.backstop.helpdesk.testsupport.SharedPostgresContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The tickets API as users see it, on the demo data, on H2 and on a real PostgreSQL. */
class TicketApiTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        long open(String user, String json) throws Exception {
            String body = mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic(user, "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(body, "$.id")).longValue();
        }

        @Test
        void agentOpensAChannelTicketAndGetsAKeyOfTheDesk() throws Exception {
            mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"订单查询","description":"客户来电"}"""))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.key").value(org.hamcrest.Matchers.matchesPattern("CH-\\d{4}-\\d{6}")))
                    .andExpect(jsonPath("$.state").value("NEW"));
        }

        @Test
        void distributorIsTheRequesterOfWhatTheyOpenAndAnotherAccountSeesNothingOfIt() throws Exception {
            long id = open("distributor", """
                    {"desk":"CHANNEL","type":"SERVICE_REQUEST","channel":"PORTAL","subject":"加急","description":"请加急",
                     "distributorId": 999}""");
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("distributor", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.requester.kind").value("DISTRIBUTOR_CONTACT"))
                    .andExpect(jsonPath("$.distributorId").value(1));
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("distributor2", "demo")))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("tickets.error.notFound"));
            String list = mvc.perform(get("/api/v1/tickets?size=200").with(httpBasic("distributor2", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<java.util.List<Integer>>read(list, "$.items[*].id"))
                    .doesNotContain((int) id)
                    .isNotEmpty();
        }

        @Test
        void familyAndEmployeeSeeOnlyTheirOwnHrCasesAndNeverInternalNotes() throws Exception {
            long familyCase = open("family", """
                    {"desk":"HR","type":"HARDSHIP","channel":"PORTAL","subject":"困难求助","description":"老人住院"}""");
            mvc.perform(post("/api/v1/tickets/" + familyCase + "/notes")
                            .with(httpBasic("hr", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"内部：核实家庭情况\"}"))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/v1/tickets/" + familyCase).with(httpBasic("family", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(
                            jsonPath("$.timeline[?(@.kind == 'INTERNAL_NOTE')]").isEmpty());
            mvc.perform(get("/api/v1/tickets/" + familyCase).with(httpBasic("employee", "demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/tickets/" + familyCase).with(httpBasic("agent", "demo")))
                    .andExpect(status().isNotFound());
        }

        @Test
        void hrAgentDoesNotSeeConfidentialCasesButPayrollDoes() throws Exception {
            long id = open("payroll", """
                    {"desk":"HR","type":"SERVICE_REQUEST","channel":"PHONE","subject":"薪资调整","confidential":true}""");
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("hr", "demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("payroll", "demo")))
                    .andExpect(status().isOk());
        }

        @Test
        void aTicketGoesOnlyToStaffWhoServeItsDeskAndADeskTransferNamesBothDesks() throws Exception {
            long id = open("agent", """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"分派"}""");
            String candidates = mvc.perform(
                            get("/api/v1/tickets/" + id + "/assignees").with(httpBasic("agent", "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> names = JsonPath.read(candidates, "$[*].name");
            assertThat(names).contains("李坐席").doesNotContain("钱专家");
            long expertTicket = open("expert", """
                    {"desk":"EXPERT","type":"INQUIRY","channel":"PHONE","subject":"专家工单"}""");
            List<Integer> experts = JsonPath.read(
                    mvc.perform(get("/api/v1/tickets/" + expertTicket + "/assignees")
                                    .with(httpBasic("expert", "demo")))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$[?(@.name == '钱专家')].id");
            int expert = experts.getFirst();
            mvc.perform(put("/api/v1/tickets/" + id + "/assignee")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"assigneeId\":" + expert + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("tickets.error.unknownAssignee"));
            mvc.perform(get("/api/v1/tickets/" + id + "/assignees").with(httpBasic("distributor", "demo")))
                    .andExpect(status().isForbidden());

            mvc.perform(post("/api/v1/tickets/" + id + "/transfer")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"desk\":\"EXPERT\",\"reason\":\"需要专家\"}"))
                    .andExpect(status().isOk());
            // the agent no longer serves the ticket's desk but sees it as its creator; now the expert can take it
            mvc.perform(put("/api/v1/tickets/" + id + "/assignee")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"assigneeId\":" + expert + "}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.assigneeName").isNotEmpty());
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("expert", "demo")))
                    .andExpect(jsonPath("$.timeline[?(@.kind == 'TRANSFER')].fromDesk")
                            .value("CHANNEL"))
                    .andExpect(jsonPath("$.timeline[?(@.kind == 'TRANSFER')].toDesk")
                            .value("EXPERT"))
                    .andExpect(
                            jsonPath("$.timeline[?(@.kind == 'TRANSFER')].body").value("需要专家"));
        }

        @Test
        void illegalTransitionIsRefusedWithALocalizedConflict() throws Exception {
            long id = open("agent", """
                    {"desk":"CHANNEL","type":"COMPLAINT","channel":"PHONE","subject":"投诉"}""");
            mvc.perform(post("/api/v1/tickets/" + id + "/state")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"CLOSED\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot move from")));
            mvc.perform(post("/api/v1/tickets/" + id + "/state")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"CLOSED\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不能从")));
        }

        @Test
        void secondAgentSavingAStaleVersionGetsAConflictAndNothingIsOverwritten() throws Exception {
            long id = open("agent", """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"PHONE","subject":"并发"}""");
            String read = mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            int version = JsonPath.read(read, "$.version");
            mvc.perform(post("/api/v1/tickets/" + id + "/state")
                            .with(httpBasic("agent", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"RESOLVED\",\"version\":" + version + "}"))
                    .andExpect(status().isOk());
            mvc.perform(post("/api/v1/tickets/" + id + "/state")
                            .with(httpBasic("supervisor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"state\":\"PENDING_REQUESTER\",\"version\":" + version + "}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("tickets.error.concurrentChange"));
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                    .andExpect(jsonPath("$.state").value("RESOLVED"));
        }

        @Test
        void badInputGetsAClearMessageNotAStackTrace() throws Exception {
            mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"desk\":\"CHANNEL\",\"type\":\"INQUIRY\",\"channel\":\"PHONE\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.fields.subject").value("不能为空"));
            mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                    "{\"desk\":\"NOPE\",\"type\":\"INQUIRY\",\"channel\":\"PHONE\",\"subject\":\"x\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("error.badFieldChoice"))
                    .andExpect(jsonPath("$.fields.desk").value("The field \"desk\" takes one of: CHANNEL, EXPERT, HR."))
                    .andExpect(jsonPath("$.trace").doesNotExist());
        }

        @Test
        void portalUsersCannotOpenAtAnotherDeskNorWriteInternalNotes() throws Exception {
            mvc.perform(post("/api/v1/tickets")
                            .with(httpBasic("distributor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"desk\":\"HR\",\"type\":\"INQUIRY\",\"channel\":\"PORTAL\",\"subject\":\"x\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/tickets/1/notes")
                            .with(httpBasic("distributor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"body\":\"x\"}"))
                    .andExpect(status().isForbidden());
        }

        @Test
        void attachmentsAreStoredAndForbiddenTypesRefused() throws Exception {
            long id = open("agent", """
                    {"desk":"CHANNEL","type":"INQUIRY","channel":"EMAIL","subject":"附件"}""");
            mvc.perform(multipart("/api/v1/tickets/" + id + "/attachments")
                            .file(new MockMultipartFile(
                                    "file", "回单.pdf", "application/pdf", "%PDF-1.4 demo".getBytes()))
                            .with(httpBasic("agent", "demo")))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.fileName").value("回单.pdf"));
            mvc.perform(multipart("/api/v1/tickets/" + id + "/attachments")
                            .file(new MockMultipartFile(
                                    "file", "run.exe", "application/x-msdownload", new byte[] {1, 2, 3}))
                            .with(httpBasic("agent", "demo")))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.code").value("tickets.error.attachment.type"));
            mvc.perform(multipart("/api/v1/tickets/" + id + "/attachments")
                            .file(new MockMultipartFile(
                                    "file", "发票.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0, 1, 2}))
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "zh-CN"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.code").value("tickets.error.attachment.content"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("内容与其类型")));
            mvc.perform(get("/api/v1/tickets/" + id).with(httpBasic("agent", "demo")))
                    .andExpect(jsonPath("$.attachments.length()").value(1));
        }

        @Test
        void ticketsOpenedAtTheSameMomentGetDistinctConsecutiveKeys() throws Exception {
            int n = 8;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<String>> keys = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int number = i;
                    keys.add(pool.submit(() -> {
                        start.await();
                        String body = mvc.perform(post("/api/v1/tickets")
                                        .with(httpBasic("expert", "demo"))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("""
                                                {"desk":"EXPERT","type":"INQUIRY","channel":"PHONE","subject":"并发 %d"}""".formatted(number)))
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString();
                        return JsonPath.<String>read(body, "$.key");
                    }));
                }
                start.countDown();
                List<Long> numbers = new ArrayList<>();
                for (Future<String> key : keys) {
                    String value = key.get();
                    numbers.add(Long.parseLong(value.substring(value.lastIndexOf('-') + 1)));
                }
                long first = numbers.stream().mapToLong(Long::longValue).min().orElseThrow();
                assertThat(numbers)
                        .containsExactlyInAnyOrderElementsOf(
                                LongStream.range(first, first + n).boxed().toList());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @SharedH2Context
    class OnH2 extends Scenarios {}

    @Nested
    @SharedPostgresContext
    class OnPostgres extends Scenarios {}
}
