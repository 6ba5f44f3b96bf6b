package dev.backstop.helpdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.TestLocks;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Work after the commit is not lost when the mail server is down: the survey of a resolved ticket fails, its event
 * publication stays incomplete, and the resubmission pass sends it once the server is back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/unfinished-events-mail",
            "backstop.sla.escalation.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:unfinishedmail;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "spring.mail.host=localhost",
            "spring.mail.port=3127",
            "backstop.events.resubmit-after=0s",
            "backstop.events.resubmit-initial-delay=1h"
        })
@ResourceLock(TestLocks.MAIL_PORTS)
class UnfinishedEventsMailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnfinishedEvents unfinished;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSurveyThatCouldNotBeSentIsSentByTheResubmissionPassOnceTheMailServerIsBack() throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.post("/api/v1/tickets")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"desk":"CHANNEL","type":"INQUIRY","channel":"EMAIL","subject":"发票重开",
                                 "requester":{"kind":"UNKNOWN_CALLER","name":"赵女士","email":"zhao@example.com"}}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/tickets/" + id + "/state")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"state\":\"RESOLVED\"}"))
                .andExpect(status().isOk());

        // nobody listens on the mail port: the survey listener fails and its publication stays incomplete
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from event_publication where listener_id like '%SurveyService%' and completion_date is null"
                                        + " and status = 'FAILED'",
                                Integer.class)
                        > 0);
        assertThat(jdbc.queryForObject("select count(*) from ticket_surveys where ticket_id = ?", Integer.class, id))
                .isZero();

        GreenMail smtp = new GreenMail(new ServerSetup(3127, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            unfinished.resubmit();
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
            assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
                    .isEqualTo("zhao@example.com");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from ticket_surveys where ticket_id = ?", Integer.class, id)
                            == 1);
        } finally {
            smtp.stop();
        }
    }
}
