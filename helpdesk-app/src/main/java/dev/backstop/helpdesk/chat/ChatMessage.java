package dev.backstop.helpdesk.chat;

import java.time.Instant;

/**
 * One line of a chat. A {@link Side#SYSTEM} line carries a message code in {@code body} and its argument in
 * {@code author} ("李坐席 joined"), shown in the reader's language.
 */
public record ChatMessage(long id, long chatId, Side side, String author, String body, Instant at) {

    public enum Side {
        REQUESTER,
        AGENT,
        SYSTEM
    }
}
