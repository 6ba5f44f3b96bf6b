package dev.backstop.helpdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import dev.backstop.helpdesk.testsupport.SharedPostgresContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Reply templates and call scripts through the API, as editors write them and agents fill them from tickets. */
class TemplateApiTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        final String marker =
                "zq" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);

        ResultActions postTemplate(String user, Map<String, Object> body, String language) throws Exception {
            return mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/kb/templates")
                            .with(httpBasic(user, "demo"))
                            .header("Accept-Language", language)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(JsonPath.parse(body).jsonString()));
        }

        long create(String user, String kind, String name, String desk, String language, String body) throws Exception {
            String response = postTemplate(
                            user,
                            Map.of("kind", kind, "name", name, "desk", desk, "language", language, "body", body),
                            "en")
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            return ((Number) JsonPath.read(response, "$.id")).longValue();
        }

        String json(String user, String path) throws Exception {
            return mvc.perform(get(path).with(httpBasic(user, "demo")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }

        long ticket(String subject) {
            return jdbc.queryForObject("select id from tickets where subject = ?", Long.class, subject);
        }

        @Test
        void anEditorWritesATemplateThatEveryDeskReadsButOnlyEditorsWrite() throws Exception {
            long id = create(
                    "editor", "REPLY", "发票重开 " + marker, "CHANNEL", "zh", "{{requester}}您好，发票 {{invoiceNo}} 已重开。");

            String list = json("agent", "/api/v1/kb/templates?kind=REPLY&desk=CHANNEL&language=zh&state=ACTIVE");
            assertThat(JsonPath.<List<Integer>>read(list, "$[*].id")).contains((int) id);
            assertThat(JsonPath.<List<String>>read(list, "$[*].desk")).containsOnly("CHANNEL");
            assertThat(JsonPath.<List<Integer>>read(json("hr", "/api/v1/kb/templates?desk=HR"), "$[*].id"))
                    .doesNotContain((int) id);
            mvc.perform(get("/api/v1/kb/templates/" + id).with(httpBasic("frontline", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.updatedByName").value("林编辑"))
                    .andExpect(jsonPath("$.version").value(1));

            Map<String, Object> body =
                    Map.of("kind", "REPLY", "name", "x", "desk", "HR", "language", "zh", "body", "y");
            for (String user : List.of("frontline", "agent", "hr", "supervisor")) {
                postTemplate(user, body, "en").andExpect(status().isForbidden());
                mvc.perform(put("/api/v1/kb/templates/" + id)
                                .with(httpBasic(user, "demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(JsonPath.parse(body).jsonString()))
                        .andExpect(status().isForbidden());
            }
            for (String user : List.of("distributor", "employee", "family")) {
                mvc.perform(get("/api/v1/kb/templates").with(httpBasic(user, "demo")))
                        .andExpect(status().isForbidden());
                mvc.perform(get("/api/v1/kb/templates/" + id + "/render")
                                .param("ticket", "1")
                                .with(httpBasic(user, "demo")))
                        .andExpect(status().isForbidden());
                postTemplate(user, body, "en").andExpect(status().isForbidden());
            }
            create("expert", "SCRIPT", "专家脚本 " + marker, "EXPERT", "zh", "1. 问候");
            create("admin", "SCRIPT", "Admin script " + marker, "HR", "en", "1. Greet");
        }

        @Test
        void everySaveIsAVersionAndAStaleEditIsRefused() throws Exception {
            long id = create("editor", "REPLY", "退货受理 " + marker, "CHANNEL", "zh", "您的退货申请已受理。");
            String edit = """
                    {"kind":"REPLY","name":"退货受理 %s","desk":"CHANNEL","language":"zh","callType":"SERVICE_REQUEST",
                     "body":"%s","version":%d}""";
            mvc.perform(put("/api/v1/kb/templates/" + id)
                            .with(httpBasic("expert", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(edit.formatted(marker, "{{requester}}您好，订单 {{orderNo}} 的退货申请已受理。", 1)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(2))
                    .andExpect(jsonPath("$.callType").value("SERVICE_REQUEST"));
            mvc.perform(put("/api/v1/kb/templates/" + id)
                            .with(httpBasic("editor", "demo"))
                            .header("Accept-Language", "zh-CN")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(edit.formatted(marker, "旧版本上的修改", 1)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("knowledge.template.error.changedConcurrently"))
                    .andExpect(jsonPath("$.detail").value(containsString("第 2 版")));

            mvc.perform(put("/api/v1/kb/templates/" + id)
                            .with(httpBasic("editor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"kind":"REPLY","name":"退货受理 %s","desk":"CHANNEL","language":"zh","body":"停用",
                                     "state":"ARCHIVED","version":2}""".formatted(marker)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("ARCHIVED"));
            assertThat(JsonPath.<List<Integer>>read(json("agent", "/api/v1/kb/templates?state=ACTIVE"), "$[*].id"))
                    .doesNotContain((int) id);

            String versions = json("frontline", "/api/v1/kb/templates/" + id + "/versions");
            assertThat(JsonPath.<List<Integer>>read(versions, "$[*].version")).containsExactly(3, 2, 1);
            assertThat(JsonPath.<List<String>>read(versions, "$[*].changedBy")).containsExactly("林编辑", "钱专家", "林编辑");
            assertThat(JsonPath.<List<String>>read(versions, "$[*].body"))
                    .containsExactly("停用", "{{requester}}您好，订单 {{orderNo}} 的退货申请已受理。", "您的退货申请已受理。");
            assertThat(JsonPath.<List<String>>read(versions, "$[*].state"))
                    .containsExactly("ARCHIVED", "ACTIVE", "ACTIVE");
        }

        @Test
        void renderingFillsTheTicketsValuesAndMarksWhatTheTicketLacks() throws Exception {
            long ticketId = ticket("订单 SO-2026-10086 什么时候发货？");
            String ticket = json("agent", "/api/v1/tickets/" + ticketId);
            String requester = JsonPath.read(ticket, "$.requester.name");
            String key = JsonPath.read(ticket, "$.key");
            String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(Instant.parse(JsonPath.<String>read(ticket, "$.sla.resolutionDue"))
                            .atZone(ZoneId.of("Asia/Shanghai")));
            assertThat(requester).isNotBlank();

            long zh = create(
                    "editor",
                    "REPLY",
                    "发货查询 " + marker,
                    "CHANNEL",
                    "zh",
                    "{{ requester }}您好：订单 {{orderNo}} 发货单 {{shipmentNo}}，工单 {{ticket}} 将于 {{due}} 前处理。{{desk}} {{agent}}");
            mvc.perform(get("/api/v1/kb/templates/" + zh + "/render")
                            .param("ticket", String.valueOf(ticketId))
                            .with(httpBasic("agent", "demo"))
                            .header("Accept-Language", "en"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.text")
                            .value(requester + "您好：订单 SO-2026-10086 发货单 【未填写：发货单号】，工单 " + key + " 将于 " + due
                                    + " 前处理。渠道服务台 李坐席"))
                    .andExpect(jsonPath("$.missing").value(org.hamcrest.Matchers.contains("shipmentNo")));

            long en = create(
                    "editor",
                    "SCRIPT",
                    "Shipment check " + marker,
                    "CHANNEL",
                    "en",
                    "1. Greet **{{requester}}**\n2. Check order {{orderNo}} and shipment {{shipmentNo}}\n3. Call back by {{due}}");
            String rendered = json("agent", "/api/v1/kb/templates/" + en + "/render?ticket=" + ticketId);
            assertThat(JsonPath.<String>read(rendered, "$.text"))
                    .contains("[missing: shipment no.]", "SO-2026-10086", due);
            assertThat(JsonPath.<String>read(rendered, "$.html"))
                    .contains(
                            "<ol>",
                            "<strong>" + requester + "</strong>",
                            "<mark class=\"tpl-missing\">[missing: shipment no.]</mark>");
        }

        @Test
        void aTicketOutsideTheCallersScopeIsNotFound() throws Exception {
            long payslip = ticket("十月工资条加班费疑问");
            long id = create("editor", "REPLY", "工资核对 " + marker, "HR", "zh", "{{requester}}您好，工号 {{employeeNo}}。");
            mvc.perform(get("/api/v1/kb/templates/" + id + "/render")
                            .param("ticket", String.valueOf(payslip))
                            .with(httpBasic("agent", "demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/kb/templates/" + id + "/render")
                            .param("ticket", String.valueOf(payslip))
                            .with(httpBasic("payroll", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.text").value(containsString("【未填写：工号】")));
            mvc.perform(get("/api/v1/kb/templates/999999/render")
                            .param("ticket", String.valueOf(payslip))
                            .with(httpBasic("payroll", "demo")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/kb/templates/" + id + "/render").with(httpBasic("payroll", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("knowledge.template.error.ticketRequired"));
        }

        @Test
        void anUnknownVariableIsRefusedWithTheKnownOnesInTheCallersLanguage() throws Exception {
            Map<String, Object> body = Map.of(
                    "kind",
                    "REPLY",
                    "name",
                    "坏模板 " + marker,
                    "desk",
                    "CHANNEL",
                    "language",
                    "zh",
                    "body",
                    "您好，订单 {{orderNumber}} 已发货。");
            postTemplate("editor", body, "zh-CN")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("knowledge.template.error.unknownVariable"))
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.startsWith("未知变量 {{orderNumber}}。可用的变量有：{{requester}}, ")))
                    .andExpect(jsonPath("$.detail").value(containsString("{{orderNo}}")));
            postTemplate("editor", body, "en")
                    .andExpect(status().isBadRequest())
                    .andExpect(
                            jsonPath("$.detail")
                                    .value(
                                            org.hamcrest.Matchers.startsWith(
                                                    "Unknown variable {{orderNumber}}. The variables you can use are: {{requester}}, {{ticket}}")));
            postTemplate(
                            "editor",
                            Map.of(
                                    "kind",
                                    "REPLY",
                                    "name",
                                    "坏模板 " + marker,
                                    "desk",
                                    "CHANNEL",
                                    "language",
                                    "zh",
                                    "body",
                                    "订单 {{orderNo} 已发货"),
                            "zh-CN")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("knowledge.template.error.brokenVariable"));
            postTemplate(
                            "editor",
                            Map.of("kind", "LETTER", "name", "x", "desk", "CHANNEL", "language", "zh", "body", "y"),
                            "en")
                    .andExpect(status().isBadRequest())
                    .andExpect(
                            jsonPath("$.detail").value("Kind \"LETTER\" does not exist: use one of [REPLY, SCRIPT]."));
            assertThat(JsonPath.<List<String>>read(json("editor", "/api/v1/kb/templates"), "$[*].name"))
                    .doesNotContain("坏模板 " + marker);
        }

        @Test
        void theShippedTemplatesAndScriptsFillFromTheDemoTickets() throws Exception {
            String all = json("frontline", "/api/v1/kb/templates?state=ACTIVE");
            assertThat(JsonPath.<List<String>>read(all, "$[*].name"))
                    .contains(
                            "订单状态查询",
                            "Order status",
                            "回款未到账 / 未核销",
                            "工资条疑问",
                            "年休假天数",
                            "经销商投诉来电",
                            "Employee payslip question call");
            Integer script = JsonPath.<List<Integer>>read(all, "$[?(@.name == '经销商投诉来电')].id")
                    .getFirst();
            long complaint = ticket("到货数量与发货单不符");
            String rendered = json("agent", "/api/v1/kb/templates/" + script + "/render?ticket=" + complaint);
            assertThat(JsonPath.<String>read(rendered, "$.html"))
                    .contains("<ol>", "SO-2026-09977", "SH-2026-55821", "李坐席");
            assertThat(JsonPath.<List<String>>read(rendered, "$.missing")).isEmpty();
        }
    }

    @Nested
    @SharedH2Context
    class OnH2 extends Scenarios {}

    @Nested
    @SharedPostgresContext
    class OnPostgres extends Scenarios {}
}
