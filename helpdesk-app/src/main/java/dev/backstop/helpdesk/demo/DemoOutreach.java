package dev.backstop.helpdesk.demo;

import dev.backstop.helpdesk.identity.CurrentUser;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One outreach campaign sent two days ago by SMS to the East region's VIP and key distributors, as history (the demo
 * has no SMS gateway): every message delivered, one answered, and that answer an OUTREACH ticket at the channel desk
 * which the distributor also sees in the portal. The demo links themselves do not work (no token was ever sent).
 */
class DemoOutreach {

    private final JdbcTemplate jdbc;
    private final TicketManagement tickets;

    DemoOutreach(JdbcTemplate jdbc, TicketManagement tickets) {
        this.jdbc = jdbc;
        this.tickets = tickets;
    }

    void load(CurrentUser supervisor, Instant now) {
        Instant sent = now.minus(Duration.ofDays(2));
        String name = "2026 春季返利政策说明（华东 VIP / 重点）";
        jdbc.update(
                """
                insert into outreach_campaigns (name, desk, audience, region_codes, tiers, channel, body_zh, body_en, state,
                                                created_by, created_at, send_requested_at, sent_at)
                values (?, 'CHANNEL', 'DISTRIBUTORS', 'EAST', 'KEY,VIP', 'SMS', ?, ?, 'SENT', ?, ?, ?, ?)""",
                name,
                "【后盾】{{name}}您好，{{distributorCode}} 适用的 2026 春季返利政策已发布，有疑问请回复：{{responseLink}}",
                "[Backstop] Dear {{name}}, the 2026 spring rebate policy for {{distributorCode}} is out. Questions? {{responseLink}}",
                supervisor.id(),
                Timestamp.from(sent.minus(Duration.ofHours(1))),
                Timestamp.from(sent),
                Timestamp.from(sent));
        long campaign = jdbc.queryForObject("select max(id) from outreach_campaigns", Long.class);
        List<Map<String, Object>> targets = jdbc.queryForList("""
                select d.id, d.code, d.name as organization, c.id as contact_id, c.name, c.phone_digits
                  from distributors d join regions r on r.id = d.region_id
                  join distributor_contacts c on c.distributor_id = d.id and c.primary_contact = true
                 where r.code = 'EAST' and d.tier in ('VIP', 'KEY') order by d.code""");
        for (Map<String, Object> t : targets) {
            jdbc.update(
                    """
                    insert into outreach_recipients (campaign_id, recipient_kind, recipient_ref, contact_id, code, name,
                                                     organization, address, language, status, claimed_at, sent_at)
                    values (?, 'DISTRIBUTORS', ?, ?, ?, ?, ?, ?, 'BOTH', 'SENT', ?, ?)""",
                    campaign,
                    t.get("id"),
                    t.get("contact_id"),
                    t.get("code"),
                    t.get("name"),
                    t.get("organization"),
                    t.get("phone_digits"),
                    Timestamp.from(sent),
                    Timestamp.from(sent));
        }
        Map<String, Object> first = targets.getFirst();
        String answer = "返利是按季度结算还是年底一次性结算？新品类是否也计入返利基数？";
        TicketDetails ticket = tickets.open(
                new OpenTicket(
                        Desk.CHANNEL,
                        TicketType.OUTREACH,
                        Channel.WEB_FORM,
                        Priority.NORMAL,
                        new Requester(
                                RequesterKind.DISTRIBUTOR_CONTACT,
                                ((Number) first.get("contact_id")).longValue(),
                                (String) first.get("name"),
                                (String) first.get("phone_digits"),
                                null),
                        ((Number) first.get("id")).longValue(),
                        null,
                        name,
                        answer,
                        null,
                        Set.of(),
                        false,
                        null,
                        null),
                supervisor);
        jdbc.update(
                """
                update outreach_recipients set responded_at = ?, response = ?, ticket_id = ?, ticket_key = ?
                 where campaign_id = ? and recipient_ref = ?""",
                Timestamp.from(sent.plus(Duration.ofHours(3))),
                answer,
                ticket.id(),
                ticket.key(),
                campaign,
                first.get("id"));
    }
}
