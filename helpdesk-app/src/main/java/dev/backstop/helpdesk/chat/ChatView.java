package dev.backstop.helpdesk.chat;

import dev.backstop.helpdesk.tickets.Desk;
import java.time.Instant;
import java.util.List;

/** A chat as one of its participants sees it; {@code side} is the viewer's own side. */
public record ChatView(
        long id,
        long ticketId,
        String ticketKey,
        Desk desk,
        State state,
        String requesterName,
        String agentName,
        Instant startedAt,
        Instant closedAt,
        ChatMessage.Side side,
        List<ChatMessage> messages) {

    public enum State {
        /** In the desk's queue, no agent yet. */
        WAITING,
        ACTIVE,
        CLOSED;
    }

    public boolean closed() {
        return state == State.CLOSED;
    }
}
