package dev.backstop.helpdesk.chat;

import dev.backstop.helpdesk.tickets.Desk;
import java.time.Instant;

/** Whether the desk a requester chats with is in its service hours now, and when it opens next if not. */
public record ChatHours(Desk desk, boolean open, Instant nextOpening) {}
