package dev.backstop.helpdesk.messaging;

/**
 * An e-mail that belongs to a conversation: sent from {@code from} with the desk's own {@code messageId} and the
 * {@code inReplyTo} / {@code references} headers that make mail clients thread it. {@code autoSubmitted} marks an
 * automatic message (an acknowledgement: {@code Auto-Submitted: auto-replied}, RFC 3834), so that the other side's
 * auto-responder does not answer it.
 */
public record ThreadedEmail(
        String from,
        String to,
        String subject,
        String text,
        String messageId,
        String inReplyTo,
        String references,
        boolean autoSubmitted) {}
