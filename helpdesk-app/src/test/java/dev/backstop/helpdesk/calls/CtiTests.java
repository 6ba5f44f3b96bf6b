package dev.backstop.helpdesk.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.backstop.helpdesk.testsupport.PostgresTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The PBX speaks Zammad's Generic CTI format to {@code /api/v1/cti/{token}}: Zammad's own example payloads are taken
 * as they are (JSON and form); events that come late, twice or out of order end in the right call record; the answer
 * to newCall steers a key distributor to their available account manager and rejects a blocked number.
 */
class CtiTests {

    abstract static class Scenarios {

        @Autowired
        MockMvc mvc;

        @Autowired
        JdbcTemplate jdbc;

        ResultActions json(String body) throws Exception {
            return mvc.perform(post("/api/v1/cti/demo-pbx")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body));
        }

        ResultActions form(String... pairs) throws Exception {
            var request = post("/api/v1/cti/demo-pbx").contentType(MediaType.APPLICATION_FORM_URLENCODED);
            for (int i = 0; i < pairs.length; i += 2) {
                request.param(pairs[i], pairs[i + 1]);
            }
            return mvc.perform(request);
        }

        ResultActions call(String callId, String user) throws Exception {
            return mvc.perform(
                    get("/api/v1/calls/" + callId).with(httpBasic(user, "demo")).header("Accept-Language", "en"));
        }

        static String id() {
            return UUID.randomUUID().toString();
        }

        @Test
        void zammadsJsonExamplesAreTakenAsTheyAreAndMakeOneEndedCall() throws Exception {
            // Zammad's documentation, inbound: newCall with user as an array, answer and hangup with user as a string
            String callId = "307fa962-de8d-4ffc-817b-7f6993204159";
            json("""
                    {
                       "event": "newCall",
                       "from": "493023125741",
                       "to": "492214710334",
                       "direction": "in",
                       "callId": "307fa962-de8d-4ffc-817b-7f6993204159",
                       "user": ["Christopher Miller", "Emma Taylor"]
                    }""").andExpect(status().isOk()).andExpect(content().json("{}"));
            json("""
                    {
                       "event": "answer",
                       "from": "493023125741",
                       "to": "492214710334",
                       "direction": "in",
                       "callId": "307fa962-de8d-4ffc-817b-7f6993204159",
                       "user": "Emma Taylor",
                       "answeringNumber": "emma@chrispresso.com"
                    }""").andExpect(status().isOk()).andExpect(content().json("{}"));
            json("""
                    {
                       "event": "hangup",
                       "from": "493023125741",
                       "to": "492214710334",
                       "direction": "in",
                       "callId": "307fa962-de8d-4ffc-817b-7f6993204159",
                       "user": "Emma Taylor",
                       "answeringNumber": "emma@chrispresso.com",
                       "cause": "normalClearing"
                    }""").andExpect(status().isOk()).andExpect(content().json("{}"));
            // outbound: user is a string
            json("""
                    {
                       "event": "newCall",
                       "from": "493023125741",
                       "to": "492214710334",
                       "direction": "out",
                       "callId": "f4ebd2be-7b9a-4d58-94c2-eb06a3c2ce76",
                       "user": "Christopher Miller"
                    }""").andExpect(status().isOk());
            json("""
                    {
                       "event": "hangup",
                       "from": "493023125741",
                       "to": "492214710334",
                       "direction": "out",
                       "callId": "f4ebd2be-7b9a-4d58-94c2-eb06a3c2ce76",
                       "user": "Christopher Miller",
                       "cause": "cancel"
                    }""").andExpect(status().isOk());

            // 492214710334 is no hotline here: the call has no desk, and supervisors see it
            call(callId, "supervisor")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("ENDED"))
                    .andExpect(jsonPath("$.direction").value("in"))
                    .andExpect(jsonPath("$.from").value("493023125741"))
                    .andExpect(jsonPath("$.to").value("492214710334"))
                    .andExpect(jsonPath("$.cause").value("normalClearing"))
                    .andExpect(jsonPath("$.party.kind").value("UNKNOWN"))
                    .andExpect(jsonPath("$.waitSeconds").isNumber())
                    .andExpect(jsonPath("$.talkSeconds").isNumber());
            call("f4ebd2be-7b9a-4d58-94c2-eb06a3c2ce76", "supervisor")
                    .andExpect(jsonPath("$.direction").value("out"))
                    .andExpect(jsonPath("$.state").value("ABANDONED"));
            call(callId, "agent").andExpect(status().isNotFound());
        }

        @Test
        void zammadsFormExamplesAreTakenAsTheyAreUrlEncodedAndMultipart() throws Exception {
            form(
                            "event",
                            "newCall",
                            "from",
                            "493023125741",
                            "to",
                            "492214710334",
                            "direction",
                            "in",
                            "callId",
                            "25641e3f-3317-4c48-80b3-fc573c7ffe2b",
                            "user[]",
                            "Christopher Miller",
                            "user[]",
                            "Emma Taylor")
                    .andExpect(status().isOk())
                    .andExpect(content().json("{}"));
            form(
                            "event",
                            "answer",
                            "from",
                            "493023125741",
                            "to",
                            "492214710334",
                            "direction",
                            "in",
                            "callId",
                            "25641e3f-3317-4c48-80b3-fc573c7ffe2b",
                            "user",
                            "Emma Taylor",
                            "answeringNumber",
                            "emma@chrispresso.com")
                    .andExpect(status().isOk());
            call("25641e3f-3317-4c48-80b3-fc573c7ffe2b", "admin")
                    .andExpect(jsonPath("$.state").value("ANSWERED"));

            // curl --form sends multipart/form-data
            mvc.perform(multipart("/api/v1/cti/demo-pbx")
                            .param("event", "hangup")
                            .param("from", "493023125741")
                            .param("to", "492214710334")
                            .param("direction", "in")
                            .param("callId", "25641e3f-3317-4c48-80b3-fc573c7ffe2b")
                            .param("user[]", "Christopher Miller")
                            .param("user[]", "Emma Taylor")
                            .param("answeringNumber", "emma@chrispresso.com")
                            .param("cause", "normalClearing"))
                    .andExpect(status().isOk())
                    .andExpect(content().json("{}"));
            call("25641e3f-3317-4c48-80b3-fc573c7ffe2b", "admin")
                    .andExpect(jsonPath("$.state").value("ENDED"));
        }

        @Test
        void eventsOutOfOrderAndTwiceEndInTheRightRecordAndACallNeverGoesBack() throws Exception {
            Map<String, Object> contact = jdbc.queryForMap("""
                    select c.phone, c.name, d.code from distributor_contacts c join distributors d on d.id = c.distributor_id
                     where d.code = 'D0003' order by c.primary_contact desc, c.id fetch first 1 rows only""");
            String phone = (String) contact.get("phone");
            String callId = id();
            // the hang-up arrives first, then the newCall, then the answer, then all of them again
            json("""
                    {"event":"hangup","from":"%s","to":"4008001000","direction":"in","callId":"%s","answeringNumber":"8001",
                     "cause":"normalClearing"}""".formatted(phone, callId)).andExpect(status().isOk());
            call(callId, "agent").andExpect(jsonPath("$.state").value("ENDED"));
            json("""
                    {"event":"newCall","from":"%s","to":"4008001000","direction":"in","callId":"%s"}""".formatted(phone, callId)).andExpect(status().isOk());
            json("""
                    {"event":"answer","from":"%s","to":"4008001000","direction":"in","callId":"%s","answeringNumber":"8001"}""".formatted(phone, callId)).andExpect(status().isOk());
            for (String event : new String[] {"newCall", "answer", "hangup"}) {
                json("""
                        {"event":"%s","from":"%s","to":"4008001000","direction":"in","callId":"%s","answeringNumber":"8002",
                         "cause":"busy"}""".formatted(event, phone, callId)).andExpect(status().isOk());
            }
            call(callId, "agent")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("ENDED"))
                    .andExpect(jsonPath("$.desk").value("CHANNEL"))
                    .andExpect(jsonPath("$.cause").value("normalClearing"))
                    .andExpect(jsonPath("$.answeredBy").value("李坐席"))
                    .andExpect(jsonPath("$.party.kind").value("DISTRIBUTOR_CONTACT"))
                    .andExpect(jsonPath("$.party.name").value((String) contact.get("name")))
                    .andExpect(jsonPath("$.party.distributorCode").value("D0003"))
                    .andExpect(jsonPath("$.waitSeconds").value(org.hamcrest.Matchers.greaterThanOrEqualTo(0)))
                    .andExpect(jsonPath("$.talkSeconds").value(org.hamcrest.Matchers.greaterThanOrEqualTo(0)));
            assertThat(jdbc.queryForObject("select count(*) from call_events where call_id = ?", Integer.class, callId))
                    .isEqualTo(3);
            assertThat(jdbc.queryForObject("select count(*) from calls where call_id = ?", Integer.class, callId))
                    .isEqualTo(1);
        }

        @Test
        void everyOrderOfNewCallAnswerAndHangUpEndsInTheSameRecord() throws Exception {
            String[][] orders = {
                {"newCall", "answer", "hangup"},
                {"newCall", "hangup", "answer"},
                {"answer", "newCall", "hangup"},
                {"answer", "hangup", "newCall"},
                {"hangup", "newCall", "answer"},
                {"hangup", "answer", "newCall"}
            };
            for (String[] order : orders) {
                String callId = id();
                for (String event : order) {
                    json("""
                            {"event":"%s","from":"13800001234","to":"4008002000","direction":"in","callId":"%s",
                             "answeringNumber":"expert","cause":"normalClearing"}""".formatted(event, callId)).andExpect(status().isOk());
                }
                call(callId, "expert")
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.state").value("ENDED"))
                        .andExpect(jsonPath("$.desk").value("EXPERT"))
                        .andExpect(jsonPath("$.answeredBy").value("钱专家"))
                        .andExpect(jsonPath("$.cause").value("normalClearing"))
                        .andExpect(jsonPath("$.from").value("13800001234"));
            }
        }

        @Test
        void aCallerWhoGivesUpWaitingIsAnAbandonedCallWithOneCallbackTaskEvenWhenThePbxRepeatsTheHangUp()
                throws Exception {
            String callId = id();
            String caller = "0571-8" + String.valueOf(System.nanoTime()).substring(8, 11) + " " + "4321";
            json("""
                    {"event":"newCall","from":"%s","to":"4008003000","direction":"in","callId":"%s"}""".formatted(caller, callId)).andExpect(status().isOk());
            for (int i = 0; i < 2; i++) {
                json("""
                        {"event":"hangup","from":"%s","to":"4008003000","direction":"in","callId":"%s","cause":"cancel"}""".formatted(caller, callId)).andExpect(status().isOk());
            }
            call(callId, "hr")
                    .andExpect(jsonPath("$.state").value("ABANDONED"))
                    .andExpect(jsonPath("$.desk").value("HR"))
                    .andExpect(jsonPath("$.ticketKey").isNotEmpty());
            assertThat(jdbc.queryForObject(
                            "select count(*) from missed_calls where call_id = ?", Integer.class, callId))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("""
                    select t.type from tickets t join calls c on c.ticket_id = t.id where c.call_id = ?""", String.class, callId)).isEqualTo("CALLBACK");
            call(callId, "agent").andExpect(status().isNotFound()); // an HR call is not the channel desk's
        }

        @Test
        void newCallRejectsABlockedNumberAndDialsAKeyDistributorsAvailableAccountManager() throws Exception {
            mvc.perform(put("/api/v1/admin/telephony/blocked/13700001111")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"note\":\"spam\"}"))
                    .andExpect(status().isOk());
            json("""
                    {"event":"newCall","from":"+86 137 0000 1111","to":"4008001000","direction":"in","callId":"%s"}""".formatted(id()))
                    .andExpect(status().isOk())
                    .andExpect(content().json("{\"action\":\"reject\",\"reason\":\"busy\"}", true));

            // D0001 is a VIP account; the channel agent becomes its account manager, available, extension 8001
            Map<String, Object> vip = jdbc.queryForMap("""
                    select d.account_manager_id, c.phone from distributors d join distributor_contacts c on c.distributor_id = d.id
                     where d.code = 'D0001' order by c.primary_contact desc, c.id fetch first 1 rows only""");
            long agent = jdbc.queryForObject("select id from app_users where username = 'agent'", Long.class);
            Object before = jdbc.queryForObject("select employee_id from app_users where id = ?", Object.class, agent);
            jdbc.update("update app_users set employee_id = ? where id = ?", vip.get("account_manager_id"), agent);
            try {
                jdbc.update("update agent_profiles set presence = 'AVAILABLE' where user_id = ?", agent);
                String callId = id();
                json("""
                        {"event":"newCall","from":"%s","to":"4008001000","direction":"in","callId":"%s"}""".formatted(vip.get("phone"), callId))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.action").value("dial"))
                        .andExpect(jsonPath("$.number").value("8001"));
                // the PBX retries the newCall: the same answer
                json("""
                        {"event":"newCall","from":"%s","to":"4008001000","direction":"in","callId":"%s"}""".formatted(vip.get("phone"), callId))
                        .andExpect(jsonPath("$.number").value("8001"));

                // away: the queue takes the call
                jdbc.update("update agent_profiles set presence = 'AWAY' where user_id = ?", agent);
                json("""
                        {"event":"newCall","from":"%s","to":"4008001000","direction":"in","callId":"%s"}""".formatted(vip.get("phone"), id()))
                        .andExpect(status().isOk())
                        .andExpect(content().json("{}", true));
            } finally {
                jdbc.update("update agent_profiles set presence = 'AVAILABLE' where user_id = ?", agent);
                jdbc.update("update app_users set employee_id = ? where id = ?", before, agent);
            }
        }

        @Test
        void aWrongTokenOrAWrongEventIsRefusedWithAMessageAndRecordsNothing() throws Exception {
            String callId = id();
            mvc.perform(post("/api/v1/cti/not-our-pbx")
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Accept-Language", "zh-CN")
                            .content(
                                    "{\"event\":\"newCall\",\"from\":\"13800138000\",\"to\":\"4008001000\",\"direction\":\"in\",\"callId\":\""
                                            + callId + "\"}"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CTI 地址")));
            mvc.perform(post("/api/v1/cti/demo-pbx")
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Accept-Language", "en")
                            .content("{\"event\":\"ringing\",\"callId\":\"" + callId + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.containsString("Event \"ringing\" is unknown")));
            assertThat(jdbc.queryForObject("select count(*) from calls where call_id = ?", Integer.class, callId))
                    .isZero();
        }

        @Test
        void aMissedCallReportedTheOldWayIsACallRecordToo() throws Exception {
            String callId = "pbx-old-" + id();
            mvc.perform(post("/api/v1/calls/missed")
                            .with(httpBasic("supervisor", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                    "{\"callId\":\"%s\",\"caller\":\"021-5%s 1234\",\"desk\":\"CHANNEL\",\"waitedSeconds\":30}"
                                            .formatted(
                                                    callId,
                                                    String.valueOf(System.nanoTime())
                                                            .substring(9, 12))))
                    .andExpect(status().isCreated());
            call(callId, "agent")
                    .andExpect(jsonPath("$.state").value("ABANDONED"))
                    .andExpect(jsonPath("$.waitSeconds").value(30))
                    .andExpect(jsonPath("$.ticketKey").isNotEmpty());
        }

        @Test
        void theCtiEventsAreDocumentedInOpenApiWithExamplePayloads() throws Exception {
            String docs = mvc.perform(get("/v3/api-docs"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(docs)
                    .contains(
                            "/api/v1/cti/{token}",
                            "/api/v1/calls/{callId}",
                            "307fa962-de8d-4ffc-817b-7f6993204159",
                            "recordingAvailable",
                            "user[]=Emma+Taylor");
        }

        @Test
        void theDemoCallIsOnItsTicketWithItsRecording() throws Exception {
            call("demo-call-0001", "agent")
                    .andExpect(jsonPath("$.state").value("ENDED"))
                    .andExpect(jsonPath("$.party.distributorCode").value("D0001"))
                    .andExpect(jsonPath("$.recording").value("https://pbx.example.com/recordings/demo-call-0001.mp3"))
                    .andExpect(jsonPath("$.talkSeconds").value(188))
                    .andExpect(jsonPath("$.ticketKey").isNotEmpty());
            assertThat(jdbc.queryForList("""
                    select a.body from ticket_articles a join calls c on c.ticket_id = a.ticket_id where c.call_id = 'demo-call-0001'""", String.class))
                    .anyMatch(body -> body != null && body.contains("demo-call-0001.mp3") && body.contains("188"));
        }
    }

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/cti-h2",
                "backstop.sla.escalation.enabled=false",
                "spring.datasource.url=jdbc:h2:mem:cti;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnH2 extends Scenarios {}

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @PostgresTest
    @TestPropertySource(
            properties = {
                "backstop.data-dir=target/test-data/cti-pg",
                "backstop.sla.escalation.enabled=false",
                "backstop.security.login.delay-per-failure=0ms"
            })
    class OnPostgres extends Scenarios {}
}
