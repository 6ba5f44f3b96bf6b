package dev.backstop.helpdesk.notifications.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.messaging.Delivery;
import dev.backstop.helpdesk.messaging.OutboundMessages;
import dev.backstop.helpdesk.notifications.NoticeChannel;
import dev.backstop.helpdesk.notifications.Notifications;
import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.TicketChanged;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketNotFound;
import dev.backstop.helpdesk.tickets.TicketOpened;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketStateChanged;
import dev.backstop.helpdesk.tickets.TimelineEntry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps requesters informed: when their ticket is received, answered (a public reply of the desk), waiting for them
 * or resolved, they are told on the channel they prefer — e-mail, SMS or the portal's bell only — in their language.
 * A portal user's bell is written for every notice.
 * <p>
 * Once per event: the notice is claimed in {@code requester_notices}, unique by ticket, event and recipient, before
 * anything is sent; a second node or a retry of the same event (the publication registry resubmits it) finds the claim
 * and sends nothing. Runs after the ticket's commit in a transaction of its own ({@code @ApplicationModuleListener}).
 * Tickets that came by e-mail are acknowledged and answered on their mail thread by {@code mail}, and the answers to a
 * request raised from the distributor view are e-mailed by {@code channel}: here those get no second "answered" (and
 * e-mail tickets no second "received").
 */
@Component
class RequesterNotices {

    static final String RECEIVED = "RECEIVED";
    static final String ANSWERED = "ANSWERED";
    static final String WAITING = "WAITING";
    static final String RESOLVED = "RESOLVED";

    private static final CurrentUser READER =
            new CurrentUser(0, "notifications", "notifications", Set.of(Role.ADMIN), null, null, null, null);

    private final TicketManagement tickets;
    private final Recipients recipients;
    private final Notifications bell;
    private final OutboundMessages outbound;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final String publicUrl;
    private final NoticeRetries retries;

    RequesterNotices(
            TicketManagement tickets,
            Recipients recipients,
            Notifications bell,
            OutboundMessages outbound,
            MessageSource messages,
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${backstop.notifications.requesters.enabled:true}") boolean enabled,
            @Value("${backstop.public-url:http://localhost:${server.port:8080}}") String publicUrl,
            NoticeRetries retries) {
        this.tickets = tickets;
        this.recipients = recipients;
        this.bell = bell;
        this.outbound = outbound;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.retries = retries;
    }

    @ApplicationModuleListener
    void on(TicketOpened opened) {
        ticket(opened.ticketId())
                .filter(t -> t.channel() != Channel.EMAIL)
                .ifPresent(t -> tell(t, RECEIVED, RECEIVED, null));
    }

    @ApplicationModuleListener
    void on(TicketStateChanged changed) {
        String event = changed.to() == TicketState.PENDING_REQUESTER
                ? WAITING
                : changed.to() == TicketState.RESOLVED ? RESOLVED : null;
        if (event != null) {
            ticket(changed.ticketId())
                    .ifPresent(t -> tell(t, event, event + ":" + changed.at().toEpochMilli(), null));
        }
    }

    /** The desk's public replies made in this change (articles of the change's instant or later, by staff). */
    @ApplicationModuleListener
    void on(TicketChanged changed) {
        Instant since = changed.at().truncatedTo(ChronoUnit.MILLIS);
        ticket(changed.id())
                .filter(t -> t.channel() != Channel.EMAIL && !answeredByChannelDesk(t.id()))
                .ifPresent(t -> {
                    for (TimelineEntry reply : t.timeline()) {
                        if (reply.kind() == ArticleKind.PUBLIC_REPLY
                                && !reply.internal()
                                && !reply.fromRequester()
                                && reply.authorId() != null
                                && !reply.at().isBefore(since)) {
                            tell(t, ANSWERED, ANSWERED + ":" + reply.id(), reply.body());
                        }
                    }
                });
    }

    /** A request raised from the distributor view: {@code channel} e-mails its answers to the contact itself. */
    private boolean answeredByChannelDesk(long ticketId) {
        Integer requests = jdbc.queryForObject(
                "select count(*) from channel_requests where ticket_id = ?", Integer.class, ticketId);
        return requests != null && requests > 0;
    }

    private Optional<TicketDetails> ticket(long id) {
        if (!enabled) {
            return Optional.empty();
        }
        // A confidential case (harassment, disputes) is announced by nobody but its people: no mail, SMS or bell. Asked
        // before the read, because the reader below may not see it, and a refused read inside this listener's
        // transaction would mark it rollback-only and leave the event unfinished for ever.
        Boolean sealed = jdbc.query(
                "select confidential_case from tickets where id = ?", rs -> rs.next() ? rs.getBoolean(1) : null, id);
        if (sealed == null || sealed) {
            return Optional.empty();
        }
        try {
            return Optional.of(tickets.get(id, READER));
        } catch (TicketNotFound e) {
            return Optional.empty();
        }
    }

    private void tell(TicketDetails ticket, String event, String eventKey, String reply) {
        Optional<Recipient> found = recipients.of(ticket);
        if (found.isEmpty()) {
            return;
        }
        Recipient to = found.get();
        Instant now = clock.instant();
        int claimed = jdbc.update(
                """
                insert into requester_notices (ticket_id, event, recipient, user_id, channel, language, address, status, created_at)
                select ?, ?, ?, ?, ?, ?, ?, 'PENDING', ? where not exists
                  (select 1 from requester_notices where ticket_id = ? and event = ? and recipient = ?)""",
                ticket.id(),
                eventKey,
                to.key(),
                to.userId(),
                to.channel().name(),
                to.language(),
                to.address(),
                Timestamp.from(now),
                ticket.id(),
                eventKey,
                to.key());
        if (claimed == 0) {
            return;
        }
        if (to.userId() != null) {
            bell.notify(
                    List.of(to.userId()),
                    "notifications.requester." + event + ".bell",
                    List.of(ticket.key(), ticket.subject()),
                    ticket.id());
        }
        Rendered message = render(ticket, event, reply, to);
        Delivery delivery = message == null
                ? new Delivery(Delivery.Status.SKIPPED, "bell only")
                : message.sms()
                        ? outbound.sms(to.phone(), message.body())
                        : outbound.email(to.email(), message.subject(), message.body());
        boolean failed = delivery.status() == Delivery.Status.FAILED;
        String detail = delivery.detail() == null ? null : abbreviate(delivery.detail());
        jdbc.update(
                """
                update requester_notices set status = ?, detail = ?, sent_at = ?, next_attempt_at = ?, subject = ?, body = ?
                 where ticket_id = ? and event = ? and recipient = ?""",
                delivery.status().name(),
                detail,
                delivery.status() == Delivery.Status.SENT ? Timestamp.from(clock.instant()) : null,
                failed
                        ? Timestamp.from(retries.nextAttempt(1, now))
                        : null, // tried again (or given up) by NoticeRetries
                message == null ? null : message.subject(),
                message == null ? null : message.body(),
                ticket.id(),
                eventKey,
                to.key());
    }

    /** The message as the requester reads it (kept with the notice for its retries); none for the bell only. */
    private Rendered render(TicketDetails ticket, String event, String reply, Recipient to) {
        if (to.channel() == NoticeChannel.BELL) {
            return null;
        }
        Locale locale = "en".equals(to.language()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String name = to.name() == null || to.name().isBlank()
                ? messages.getMessage("notifications.requester.anonymous", null, locale)
                : to.name();
        String link = to.userId() == null ? "" : publicUrl + "/portal/tickets/" + ticket.id();
        Object[] args = {ticket.key(), ticket.subject(), name, reply == null ? "" : reply, link};
        String prefix = "notifications.requester." + event;
        if (to.channel() == NoticeChannel.SMS) {
            return new Rendered(true, null, messages.getMessage(prefix + ".sms", args, locale));
        }
        String subject = messages.getMessage(prefix + ".subject", args, locale);
        return new Rendered(
                false,
                subject.length() > 300 ? subject.substring(0, 300) : subject,
                messages.getMessage(prefix + ".body", args, locale));
    }

    private record Rendered(boolean sms, String subject, String body) {}

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
