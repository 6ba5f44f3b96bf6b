package dev.backstop.helpdesk.outreach.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.outreach.CampaignRefused;
import dev.backstop.helpdesk.outreach.MessageLanguage;
import dev.backstop.helpdesk.outreach.OutreachChannel;
import dev.backstop.helpdesk.outreach.ResponseForm;
import dev.backstop.helpdesk.outreach.TargetGroup;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers given through a message's link. The first answer opens an {@code OUTREACH} ticket at the campaign's desk
 * for the distributor (requester: the contact addressed) or the employee, so the desk and the person's portal both
 * see it. A link answers once; a second answer is refused and names the ticket to follow instead.
 */
@Component
class Responses {

    static final int MAX_RESPONSE = 2000;

    record Link(
            long id,
            long campaignId,
            String campaignName,
            Desk desk,
            OutreachChannel channel,
            TargetGroup kind,
            long ref,
            Long contactId,
            String code,
            String name,
            String address,
            MessageLanguage language,
            String subjectZh,
            String subjectEn,
            long createdBy,
            Instant respondedAt,
            String ticketKey) {}

    private final JdbcTemplate jdbc;
    private final TicketManagement tickets;
    private final Clock clock;
    private final OutreachSettings settings;

    Responses(JdbcTemplate jdbc, TicketManagement tickets, Clock clock, OutreachSettings settings) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clock = clock;
        this.settings = settings;
    }

    Optional<ResponseForm> form(String token) {
        return link(token).map(l -> {
            Map<String, String> values = Map.of(
                    Templates.NAME,
                    l.name(),
                    Templates.LINK,
                    "",
                    l.kind() == TargetGroup.DISTRIBUTORS ? Templates.DISTRIBUTOR_CODE : Templates.EMPLOYEE_NO,
                    l.code() == null ? "" : l.code());
            return new ResponseForm(
                    l.name(),
                    l.subjectZh() == null
                            ? l.campaignName()
                            : Templates.fill(l.subjectZh(), values).strip(),
                    l.subjectEn() == null
                            ? l.campaignName()
                            : Templates.fill(l.subjectEn(), values).strip(),
                    l.language(),
                    l.respondedAt(),
                    l.ticketKey());
        });
    }

    String respond(String token, String text) {
        Link link = link(token).orElseThrow(() -> new CampaignRefused(404, "outreach.response.unknown"));
        if (link.respondedAt() != null) {
            throw CampaignRefused.conflict("outreach.response.answered", link.ticketKey());
        }
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty()) {
            throw CampaignRefused.invalid("outreach.response.empty");
        }
        if (answer.length() > MAX_RESPONSE) {
            throw CampaignRefused.invalid(
                    "outreach.response.tooLong", String.valueOf(MAX_RESPONSE), String.valueOf(answer.length()));
        }
        Instant now = clock.instant();
        // the responded_at guard makes a double submit (two tabs, a retry) open one ticket
        if (jdbc.update(
                        "update outreach_recipients set responded_at = ?, response = ? where id = ? and responded_at is null",
                        Timestamp.from(now),
                        answer,
                        link.id())
                == 0) {
            throw CampaignRefused.conflict(
                    "outreach.response.answered",
                    jdbc.queryForObject(
                            "select ticket_key from outreach_recipients where id = ?", String.class, link.id()));
        }
        TicketDetails ticket = tickets.open(ticket(link, answer), onBehalfOf(link));
        jdbc.update(
                "update outreach_recipients set ticket_id = ?, ticket_key = ? where id = ?",
                ticket.id(),
                ticket.key(),
                link.id());
        return ticket.key();
    }

    private static OpenTicket ticket(Link link, String answer) {
        String email = link.channel() == OutreachChannel.EMAIL ? link.address() : null;
        String phone = link.channel() == OutreachChannel.SMS ? link.address() : null;
        boolean distributor = link.kind() == TargetGroup.DISTRIBUTORS;
        Requester requester = distributor
                ? new Requester(RequesterKind.DISTRIBUTOR_CONTACT, link.contactId(), link.name(), phone, email)
                : new Requester(RequesterKind.EMPLOYEE, link.ref(), link.name(), phone, email);
        return new OpenTicket(
                link.desk(),
                TicketType.OUTREACH,
                Channel.WEB_FORM,
                Priority.NORMAL,
                requester,
                distributor ? link.ref() : null,
                distributor ? null : link.ref(),
                link.campaignName(),
                answer,
                null,
                Set.of(),
                false,
                null,
                null);
    }

    /** The ticket is opened in the name of the campaign's owner: they asked the question the answer belongs to. */
    private CurrentUser onBehalfOf(Link link) {
        String owner =
                jdbc.queryForObject("select display_name from app_users where id = ?", String.class, link.createdBy());
        return new CurrentUser(link.createdBy(), "outreach", owner, Set.of(Role.SUPERVISOR), null, null, null, null);
    }

    private Optional<Link> link(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant oldest = clock.instant().minus(settings.responseValidFor());
        List<Link> links = jdbc.query(
                """
                select r.id, c.id, c.name, c.desk, c.channel, r.recipient_kind, r.recipient_ref, r.contact_id, r.code,
                       r.name, r.address, r.language, c.subject_zh, c.subject_en, c.created_by, r.responded_at, r.ticket_key
                  from outreach_recipients r join outreach_campaigns c on c.id = r.campaign_id
                 where r.token_hash = ? and r.status = 'SENT' and r.sent_at > ?""",
                (rs, i) -> new Link(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Desk.valueOf(rs.getString(4)),
                        OutreachChannel.valueOf(rs.getString(5)),
                        TargetGroup.valueOf(rs.getString(6)),
                        rs.getLong(7),
                        (Long) rs.getObject(8, Long.class),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        MessageLanguage.valueOf(rs.getString(12)),
                        rs.getString(13),
                        rs.getString(14),
                        rs.getLong(15),
                        CampaignRows.instant(rs.getTimestamp(16)),
                        rs.getString(17)),
                Tokens.hash(token),
                Timestamp.from(oldest));
        return links.stream().findFirst();
    }
}
