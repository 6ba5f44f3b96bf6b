package dev.backstop.helpdesk.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import dev.backstop.helpdesk.testsupport.TestLocks;
import dev.backstop.helpdesk.testsupport.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The back office's answer flows back to the distributor: the desk's public reply on a request raised from the
 * distributor view is e-mailed (real SMTP through GreenMail) to the account's contact, once per reply, with the portal
 * link; internal notes never leave the house.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/channel-mail",
            "spring.datasource.url=jdbc:h2:mem:channelmail;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.public-url=https://desk.example.cn",
            "spring.mail.host=localhost",
            "spring.mail.port=${backstop.test.smtp-port:3025}"
        })
@ResourceLock(TestLocks.MAIL_PORTS)
class RequestAnswerMailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestMail.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachPublicAnswerReachesTheDistributorOnceAndInternalNotesNever() throws Exception {
        String order = jdbc.queryForObject("""
                select min(o.order_no) from erp_orders o join distributors d on d.id = o.distributor_id
                 where d.code = 'D0001' and o.status <> 'CANCELLED'""", String.class);
        String created = mvc.perform(post("/api/v1/distributors/D0001/requests")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"EXPEDITE\",\"orderNo\":\"" + order + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        String key = JsonPath.read(created, "$.key");
        String email = JsonPath.read(created, "$.requester.email");
        assertThat(email).isEqualTo("contact1.d0001@example.cn");

        mvc.perform(post("/api/v1/tickets/" + id + "/notes")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"内部：仓库说周三能发\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/tickets/" + id + "/replies")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"已加急，预计周四到货。\"}"))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage first = smtp.getReceivedMessages()[0];
        assertThat(first.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(first.getSubject()).contains(key);
        assertThat(decoded(first))
                .contains("已加急，预计周四到货。")
                .contains("https://desk.example.cn/portal/tickets/" + id)
                .contains("经销商门户")
                .contains("distributor portal")
                .doesNotContain("仓库说周三");

        // another change without a new reply sends nothing; the next reply is sent alone
        mvc.perform(post("/api/v1/tickets/" + id + "/notes")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"内部：已通知仓库\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/tickets/" + id + "/replies")
                        .with(httpBasic("agent", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"已发货，运单号 SF123。\"}"))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 2);
        // no third mail: every mail is sent by a listener guarded by the publication registry, and a finished
        // publication is deleted, so once none is left nothing more is on its way (instead of a fixed 500 ms)
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject("select count(*) from event_publication", Integer.class) == 0);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(decoded(smtp.getReceivedMessages()[1]))
                .contains("已发货，运单号 SF123。")
                .doesNotContain("已加急");

        // the mails were guarded by Modulith's event publication registry; once done, nothing of it is kept
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject("select count(*) from event_publication", Integer.class) == 0);
    }

    private static String decoded(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }
}
