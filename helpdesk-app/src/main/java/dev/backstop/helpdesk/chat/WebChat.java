package dev.backstop.helpdesk.chat;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.TicketDetails;
import java.util.List;
import java.util.Optional;

/**
 * Web chat between a requester (distributor, employee, family member, front-line rep) and an agent of their desk.
 * Every method answers {@link ChatNotFound} (404) to anyone who is not a party of the chat.
 */
public interface WebChat {

    /** The requester's desk and whether it takes chats now. */
    ChatHours hours(CurrentUser requester);

    /**
     * Starts a chat with its first line: opens its ticket in the desk's queue and offers it to an available agent.
     * {@link ChatRefused} (409) outside the desk's service hours: leave a message instead.
     */
    default ChatView start(String firstMessage, CurrentUser requester) {
        return start(firstMessage, null, requester);
    }

    /**
     * As {@link #start(String, CurrentUser)}, about one of the requester's tickets still open ({@code null}: a new
     * question): the chat is then that ticket's, goes to its assignee (or is offered like a new one), and its transcript
     * lands there. A ticket the requester may not see is {@code tickets.TicketNotFound} (404); a finished one gets a
     * new ticket.
     */
    ChatView start(String firstMessage, Long aboutTicketId, CurrentUser requester);

    /** Outside service hours (or any time): the message becomes a ticket at the requester's desk. */
    TicketDetails leaveMessage(String subject, String message, CurrentUser requester);

    /** The requester's chat still going on, if any. */
    Optional<ChatView> current(CurrentUser requester);

    /** The chat as the caller sees it; the agent its ticket is assigned to joins it by looking. */
    ChatView view(long chatId, CurrentUser user);

    ChatMessage post(long chatId, String body, CurrentUser user);

    void typing(long chatId, CurrentUser user);

    /** Ends the chat (either party); its transcript lands on the ticket. Closing a closed chat changes nothing. */
    ChatView close(long chatId, CurrentUser user);

    /** The agent's chats going on now, and those closed in the last hours. */
    List<ChatView> ofAgent(CurrentUser agent);
}
