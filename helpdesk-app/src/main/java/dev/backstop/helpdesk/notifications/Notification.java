package dev.backstop.helpdesk.notifications;

import java.time.Instant;
import java.util.List;

/** One message to a user: a message key and its arguments (localized when shown), about a ticket or not. */
public record Notification(
        long id, String messageKey, List<String> arguments, Long ticketId, Instant createdAt, boolean read) {}
