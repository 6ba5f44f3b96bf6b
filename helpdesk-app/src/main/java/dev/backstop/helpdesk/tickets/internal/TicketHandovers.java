package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.TicketClocks;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketHandover;
import dev.backstop.helpdesk.tickets.TicketSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link TicketHandover}: the assignments routing decided, recorded on the ticket. */
@Component
class TicketHandovers implements TicketHandover {

    private final Tickets tickets;
    private final TicketViews views;
    private final TicketClocks clocks;
    private final Clock clock;

    TicketHandovers(Tickets tickets, TicketViews views, TicketClocks clocks, Clock clock) {
        this.tickets = tickets;
        this.views = views;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public TicketDetails assignClaimed(long ticketId, CurrentUser agent) {
        TicketEntity ticket = assign(
                ticketId, agent.id(), agent.displayName(), new TicketEntity.Author(agent.id(), agent.displayName()));
        return views.details(ticket, agent);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void assignPushed(long ticketId, long agentId, String agentName) {
        assign(ticketId, agentId, agentName, new TicketEntity.Author(null, "Backstop"));
    }

    private TicketEntity assign(long ticketId, long agentId, String agentName, TicketEntity.Author author) {
        Instant now = clock.instant();
        TicketEntity ticket = tickets.findById(ticketId).orElseThrow();
        ticket.beginChange(null, now);
        ticket.assignTo(agentId, agentName, author, now);
        ticket.endChange(clocks);
        tickets.saveAndFlush(ticket); // publishes the ticket's TicketChanged
        return ticket;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TicketSummary> summaries(List<Long> ids) {
        Map<Long, TicketEntity> byId = new HashMap<>();
        tickets.findAllById(ids).forEach(t -> byId.put(t.id(), t));
        List<TicketEntity> ordered =
                ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return views.summaries(new PageImpl<>(ordered)).getContent();
    }
}
