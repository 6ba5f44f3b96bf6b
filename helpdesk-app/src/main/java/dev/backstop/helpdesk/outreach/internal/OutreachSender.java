package dev.backstop.helpdesk.outreach.internal;

import dev.backstop.helpdesk.messaging.Delivery;
import dev.backstop.helpdesk.messaging.OutboundMessages;
import dev.backstop.helpdesk.outreach.MessageLanguage;
import dev.backstop.helpdesk.outreach.OutreachChannel;
import dev.backstop.helpdesk.outreach.TargetGroup;
import dev.backstop.helpdesk.shared.AfterCommit;
import dev.backstop.helpdesk.shared.SchedulerLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the queued messages of campaigns being sent, in batches, in the background: right after a campaign's send
 * is committed, and on a schedule (which also picks up what a stopped node left).
 * <p>
 * Each recipient is claimed with a conditional update (QUEUED → SENDING, committed on its own) before its message
 * goes out, and a claimed recipient never returns to QUEUED: however often sending restarts, and on however many
 * nodes, a recipient gets the message at most once. A claim whose outcome was never recorded (the node died while
 * sending) is marked FAILED after {@code backstop.outreach.claim-timeout} rather than sent again. ShedLock
 * additionally keeps the scheduled passes of several nodes from running at the same time.
 */
@Component
class OutreachSender {

    private static final Logger log = LoggerFactory.getLogger(OutreachSender.class);
    private static final String SEPARATOR = "\n\n------------------------------\n\n";

    record Message(
            long id,
            String name,
            String code,
            String address,
            MessageLanguage language,
            TargetGroup kind,
            OutreachChannel channel,
            String subjectZh,
            String bodyZh,
            String subjectEn,
            String bodyEn) {}

    private final JdbcTemplate jdbc;
    private final OutboundMessages messages;
    private final OutreachSettings settings;
    private final Clock clock;
    private final String publicUrl;

    OutreachSender(
            JdbcTemplate jdbc,
            OutboundMessages messages,
            OutreachSettings settings,
            Clock clock,
            @Value("${backstop.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Scheduled(
            fixedDelayString = "${backstop.outreach.send-interval:15s}",
            initialDelayString = "${backstop.outreach.initial-delay:15s}")
    @SchedulerLock(name = "outreach-sender", lockAtMostFor = SchedulerLocks.TAKE_OVER_AFTER)
    public void scheduledPass() {
        int sent = pass();
        if (sent > 0) {
            log.info("Outreach: {} message(s) handled", sent);
        }
    }

    /** A hint after commit (the scheduled pass is the safety net): no event publication row, no second connection. */
    @EventListener
    public void on(SendRequested requested) {
        AfterCommit.run(() -> Thread.ofVirtual()
                .name("outreach-send-" + requested.campaignId())
                .start(() -> {
                    try {
                        pass();
                    } catch (RuntimeException e) {
                        log.error(
                                "Outreach: sending campaign {} failed; the scheduled pass retries",
                                requested.campaignId(),
                                e);
                    }
                }));
    }

    /** Handles every queued recipient of the campaigns being sent; returns how many this call handled. */
    public int pass() {
        Instant now = clock.instant();
        jdbc.update("""
                update outreach_recipients set status = 'FAILED', reason = 'outreach.failed.interrupted'
                 where status = 'SENDING' and claimed_at < ?""", Timestamp.from(now.minus(settings.claimTimeout())));
        int handled = 0;
        List<Long> batch;
        do {
            batch = jdbc.queryForList("""
                    select r.id from outreach_recipients r join outreach_campaigns c on c.id = r.campaign_id
                     where r.status = 'QUEUED' and c.state = 'SENDING' order by r.id limit ?""", Long.class, settings.batchSize());
            for (long id : batch) {
                if (deliver(id)) {
                    handled++;
                }
            }
        } while (batch.size() == settings.batchSize());
        jdbc.update("""
                update outreach_campaigns set state = 'SENT', sent_at = ?
                 where state = 'SENDING' and not exists (select 1 from outreach_recipients r
                        where r.campaign_id = outreach_campaigns.id and r.status in ('QUEUED', 'SENDING'))""", Timestamp.from(clock.instant()));
        return handled;
    }

    /** Claims one recipient and sends its message; false when another pass had claimed it (or the campaign stopped). */
    private boolean deliver(long id) {
        String token = Tokens.next();
        if (jdbc.update("""
                update outreach_recipients set status = 'SENDING', claimed_at = ?, token_hash = ?
                 where id = ? and status = 'QUEUED' and exists (select 1 from outreach_campaigns c
                        where c.id = outreach_recipients.campaign_id and c.state = 'SENDING')""", Timestamp.from(clock.instant()), Tokens.hash(token), id) == 0) {
            return false;
        }
        Delivery delivery;
        try {
            delivery = send(message(id), publicUrl + "/outreach/r/" + token);
        } catch (RuntimeException e) {
            log.warn("Outreach message {} could not be sent: {}", id, e.toString());
            delivery = new Delivery(Delivery.Status.FAILED, e.getMessage());
        }
        String reason = switch (delivery.status()) {
            case SENT -> null;
            case SKIPPED -> "outreach.skip.channelOff";
            case FAILED -> "outreach.failed.delivery";
        };
        String detail = delivery.detail() == null
                ? null
                : delivery.detail().length() > 500 ? delivery.detail().substring(0, 500) : delivery.detail();
        jdbc.update(
                """
                update outreach_recipients set status = ?, reason = ?, detail = ?, sent_at = ?
                 where id = ? and status = 'SENDING'""",
                delivery.status().name(),
                reason,
                detail,
                delivery.status() == Delivery.Status.SENT ? Timestamp.from(clock.instant()) : null,
                id);
        return true;
    }

    private Message message(long id) {
        return jdbc.queryForObject(
                """
                select r.id, r.name, r.code, r.address, r.language, r.recipient_kind, c.channel, c.subject_zh, c.body_zh,
                       c.subject_en, c.body_en
                  from outreach_recipients r join outreach_campaigns c on c.id = r.campaign_id where r.id = ?""",
                (rs, i) -> new Message(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        MessageLanguage.valueOf(rs.getString(5)),
                        TargetGroup.valueOf(rs.getString(6)),
                        OutreachChannel.valueOf(rs.getString(7)),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)),
                id);
    }

    private Delivery send(Message m, String link) {
        Map<String, String> values = Map.of(
                Templates.NAME,
                m.name(),
                Templates.LINK,
                link,
                m.kind() == TargetGroup.DISTRIBUTORS ? Templates.DISTRIBUTOR_CODE : Templates.EMPLOYEE_NO,
                m.code() == null ? "" : m.code());
        String zh = Templates.body(m.bodyZh(), values);
        String en = Templates.body(m.bodyEn(), values);
        String body = switch (m.language()) {
            case ZH -> zh;
            case EN -> en;
            case BOTH -> zh + (m.channel() == OutreachChannel.EMAIL ? SEPARATOR : "\n") + en;
        };
        if (m.channel() == OutreachChannel.SMS) {
            return messages.sms(m.address(), body);
        }
        String subjectZh = Templates.fill(m.subjectZh(), values).strip();
        String subjectEn = Templates.fill(m.subjectEn(), values).strip();
        String subject = switch (m.language()) {
            case ZH -> subjectZh;
            case EN -> subjectEn;
            case BOTH -> subjectZh + " / " + subjectEn;
        };
        return messages.email(m.address(), subject, body);
    }
}
