package dev.backstop.helpdesk.routing.internal;

/**
 * What counts against an agent's capacity: their tickets that are new or open — except the ticket of a web chat that
 * has ended. The transcript's ticket stays with the agent who handled the chat until they resolve it, but the chat no
 * longer takes a place: the agent may take the next chat at once. A ticket whose chat is live counts (it is the chat),
 * and so does a ticket that had no chat (left as a message out of hours, or any other channel) or that has a live one
 * again. {@code chat} writes {@code chat_conversations}; this reads only whether a ticket's chats have all ended.
 */
final class Workload {

    /** Counts the rows of {@code tickets x} that take a place of agent {@code <agent>} (an SQL expression). */
    static String countFor(String agent) {
        return """
                (select count(*) from tickets x where x.assignee_id = %s and x.state in ('NEW', 'OPEN')
                   and not (x.channel = 'CHAT'
                            and exists (select 1 from chat_conversations c where c.ticket_id = x.id)
                            and not exists (select 1 from chat_conversations c where c.ticket_id = x.id and c.state <> 'CLOSED')))""".formatted(agent);
    }

    private Workload() {}
}
