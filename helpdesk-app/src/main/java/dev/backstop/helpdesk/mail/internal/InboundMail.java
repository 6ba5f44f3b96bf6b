package dev.backstop.helpdesk.mail.internal;

import java.util.List;

/**
 * One message as the desk reads it.
 *
 * @param key        the Message-ID, or {@code sha256:} + a hash of sender, date, subject and text where there is none
 * @param references the ids it answers ({@code In-Reply-To} first, then {@code References}, newest first)
 * @param automatic  an auto-reply, a bounce or bulk mail (RFC 3834): never a ticket, never acknowledged
 * @param language   {@code zh} or {@code en}: the language the desk answers in
 */
record InboundMail(
        String key,
        String messageId,
        List<String> references,
        String fromAddress,
        String fromName,
        String subject,
        String text,
        boolean automatic,
        String language,
        List<Part> attachments) {

    record Part(String fileName, String contentType, byte[] content) {}

    /** The sender as the timeline names them. */
    String senderName() {
        return fromName == null || fromName.isBlank() ? fromAddress : fromName + " <" + fromAddress + ">";
    }
}
