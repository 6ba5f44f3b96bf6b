package dev.backstop.helpdesk.channel.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.messaging.Delivery;
import dev.backstop.helpdesk.messaging.OutboundMessages;
import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.TicketChanged;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TimelineEntry;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The answer flows back to the distributor: after a change of a ticket raised from the distributor view commits, each
 * new public reply by the desk (not by the distributor) is e-mailed to the ticket's requester, in Chinese and English,
 * with the link to the ticket in the portal. The guarded update of {@code notified_entry} makes each reply go out once,
 * however many nodes hear the change; the portal shows the same reply anyway. Runs asynchronously in a transaction of
 * its own (never on the request's thread, which still holds its connection); a failure leaves the event publication
 * incomplete and {@code shared.UnfinishedEvents} runs it again.
 */
@Component
class RequestAnswers {

    private static final Logger log = LoggerFactory.getLogger(RequestAnswers.class);
    private static final CurrentUser SYSTEM =
            new CurrentUser(0, "system", "system", Set.of(Role.ADMIN), null, null, null, null);

    private final JdbcTemplate jdbc;
    private final TicketManagement tickets;
    private final OutboundMessages messages;
    private final String publicUrl;

    RequestAnswers(
            JdbcTemplate jdbc,
            TicketManagement tickets,
            OutboundMessages messages,
            @Value("${backstop.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    @ApplicationModuleListener
    void on(TicketChanged changed) {
        send(changed.id());
    }

    void send(long ticketId) {
        List<Long> notified = jdbc.query(
                "select coalesce(notified_entry, 0) from channel_requests where ticket_id = ?",
                (rs, i) -> rs.getLong(1),
                ticketId);
        if (notified.isEmpty()) {
            return;
        }
        TicketDetails ticket = tickets.get(ticketId, SYSTEM);
        List<TimelineEntry> replies = ticket.timeline().stream()
                .filter(e -> e.kind() == ArticleKind.PUBLIC_REPLY
                        && !e.internal()
                        && !e.fromRequester()
                        && e.authorId() != null)
                .filter(e -> e.id() > notified.getFirst())
                .toList();
        if (replies.isEmpty()
                || ticket.requester() == null
                || ticket.requester().email() == null) {
            return;
        }
        long last = replies.getLast().id();
        int claimed = jdbc.update(
                "update channel_requests set notified_entry = ? where ticket_id = ?"
                        + " and coalesce(notified_entry, 0) < ?",
                last,
                ticketId,
                last);
        if (claimed == 0) {
            return;
        }
        String answer =
                String.join("\n\n", replies.stream().map(TimelineEntry::body).toList());
        String link = publicUrl + "/portal/tickets/" + ticketId;
        Delivery delivery = messages.email(
                ticket.requester().email(),
                "【后盾服务台】您的申请 " + ticket.key() + " 有新的答复 / New answer on your request " + ticket.key(),
                """
                        您好，%s：

                        关于“%s”，服务台答复如下：

                        %s

                        在经销商门户查看并回复：%s

                        ——
                        Hello %s,

                        The service desk answered your request "%s":

                        %s

                        See it and reply in the distributor portal: %s
                        """.formatted(
                                ticket.requester().name(),
                                ticket.subject(),
                                answer,
                                link,
                                ticket.requester().name(),
                                ticket.subject(),
                                answer,
                                link));
        if (delivery.status() == Delivery.Status.FAILED) {
            // rolls the claim of notified_entry back; the publication stays incomplete and UnfinishedEvents sends it
            // later
            throw new IllegalStateException("answer on " + ticket.key() + " not e-mailed: " + delivery.detail());
        }
        log.info("answer on {} e-mailed to the distributor: {}", ticket.key(), delivery);
    }
}
