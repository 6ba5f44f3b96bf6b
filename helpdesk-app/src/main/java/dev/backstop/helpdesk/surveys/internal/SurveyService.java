package dev.backstop.helpdesk.surveys.internal;

import dev.backstop.helpdesk.messaging.Delivery;
import dev.backstop.helpdesk.messaging.OutboundMessages;
import dev.backstop.helpdesk.surveys.SurveyRefused;
import dev.backstop.helpdesk.surveys.TicketSurveys;
import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketStateChanged;
import dev.backstop.helpdesk.tickets.TicketType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class SurveyService implements TicketSurveys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final OutboundMessages messages;
    private final Clock clock;
    private final String publicUrl;
    private final Duration validFor;

    SurveyService(
            JdbcTemplate jdbc,
            OutboundMessages messages,
            Clock clock,
            @Value("${backstop.public-url:http://localhost:${server.port:8080}}") String publicUrl,
            @Value("${backstop.surveys.valid-for:14d}") Duration validFor) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.validFor = validFor;
    }

    /**
     * After a ticket is resolved (and committed): one survey per ticket, by e-mail if there is an address, else SMS.
     * Asynchronously in a transaction of its own (the request's thread still holds its connection); a failure leaves
     * the event publication incomplete for {@code shared.UnfinishedEvents}.
     */
    @ApplicationModuleListener
    public void on(TicketStateChanged changed) {
        if (changed.to() != TicketState.RESOLVED) {
            return;
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select ticket_key, type, requester_email, requester_phone from tickets where id = ?",
                changed.ticketId());
        if (rows.isEmpty()
                || TicketType.COMPLAINT.name().equals(rows.getFirst().get("type"))
                || jdbc.queryForObject(
                                "select count(*) from ticket_surveys where ticket_id = ?",
                                Integer.class,
                                changed.ticketId())
                        > 0) {
            return;
        }
        String key = (String) rows.getFirst().get("ticket_key");
        String email = (String) rows.getFirst().get("requester_email");
        String phone = (String) rows.getFirst().get("requester_phone");
        if ((email == null || email.isBlank()) && (phone == null || phone.isBlank())) {
            return;
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String link = publicUrl + "/survey/" + token;
        Delivery delivery;
        String channel;
        String to;
        if (email != null && !email.isBlank()) {
            channel = "EMAIL";
            to = email;
            delivery =
                    messages.email(email, "【后盾服务台】请为工单 " + key + " 的服务评分 / Please rate request " + key, """
                    您好！

                    您的工单 %1$s 已办结。请花一分钟为本次服务评分：
                    %2$s

                    Hello,

                    Your request %1$s has been resolved. Please take a minute to rate our service:
                    %2$s

                    （链接 %3$d 天内有效，仅可使用一次。This link works once and expires in %3$d days.）
                    """.formatted(
                                    key, link, validFor.toDays()));
        } else {
            channel = "SMS";
            to = phone;
            delivery = messages.sms(phone, "【后盾服务台】您的工单 %s 已办结，请为服务评分 Please rate us: %s".formatted(key, link));
        }
        if (delivery.status() == Delivery.Status.FAILED) {
            // the mail server or SMS gateway is down: the publication stays incomplete and UnfinishedEvents sends it
            // later
            throw new IllegalStateException("survey for " + key + " not delivered: " + delivery.detail());
        }
        if (delivery.status() == Delivery.Status.SENT) {
            Instant now = clock.instant();
            jdbc.update(
                    """
                    insert into ticket_surveys (ticket_id, token_hash, sent_by, sent_to, created_at, expires_at)
                    values (?, ?, ?, ?, ?, ?)""",
                    changed.ticketId(),
                    hash(token),
                    channel,
                    to,
                    Timestamp.from(now),
                    Timestamp.from(now.plus(validFor)));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SurveyView> find(String token) {
        return jdbc
                .query(
                        """
                select t.ticket_key, t.subject, s.answered_at from ticket_surveys s join tickets t on t.id = s.ticket_id
                 where s.token_hash = ? and s.expires_at > ?""",
                        (rs, i) -> new SurveyView(rs.getString(1), rs.getString(2), rs.getTimestamp(3) != null),
                        hash(token),
                        Timestamp.from(clock.instant()))
                .stream()
                .findFirst();
    }

    @Override
    @Transactional
    public void answer(String token, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw SurveyRefused.badRating(rating);
        }
        Instant now = clock.instant();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select s.id, s.ticket_id, s.answered_at, t.requester_name from ticket_surveys s join tickets t on t.id = s.ticket_id
                 where s.token_hash = ? and s.expires_at > ?""", hash(token), Timestamp.from(now));
        if (rows.isEmpty()) {
            throw SurveyRefused.unknown();
        }
        Map<String, Object> row = rows.getFirst();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            text = text.substring(0, 2000);
        }
        // the answered_at guard makes a double submit (two tabs, a retry) count once
        if (jdbc.update(
                        "update ticket_surveys set answered_at = ?, rating = ?, comment = ? where id = ? and answered_at is null",
                        Timestamp.from(now),
                        rating,
                        text,
                        row.get("id"))
                == 0) {
            throw SurveyRefused.answered();
        }
        long ticketId = ((Number) row.get("ticket_id")).longValue();
        jdbc.update(
                """
                insert into ticket_articles (ticket_id, kind, internal, body, satisfaction, author_name, created_at)
                values (?, ?, true, ?, ?, ?, ?)""",
                ticketId,
                ArticleKind.SURVEY_ANSWER.name(),
                text,
                rating,
                row.get("requester_name") == null ? "—" : row.get("requester_name"),
                Timestamp.from(now));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
