package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.AttachmentContent;
import dev.backstop.helpdesk.tickets.AttachmentInfo;
import dev.backstop.helpdesk.tickets.TicketNotFound;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Files on a ticket: stored in the blob store first, the row beside the ticket; a failed row removes the file again. */
@Component
class TicketAttachments {

    private final Attachments attachments;
    private final AttachmentStore store;
    private final Names names;
    private final TicketViews views;
    private final Clock clock;

    TicketAttachments(Attachments attachments, AttachmentStore store, Names names, TicketViews views, Clock clock) {
        this.attachments = attachments;
        this.store = store;
        this.names = names;
        this.views = views;
        this.clock = clock;
    }

    AttachmentInfo attach(
            TicketEntity ticket,
            String fileName,
            String contentType,
            long sizeBytes,
            InputStream content,
            CurrentUser by) {
        String safeName = safeFileName(fileName);
        AttachmentStore.Stored stored = store.store(safeName, contentType, sizeBytes, content);
        try {
            Instant now = clock.instant();
            AttachmentEntity entity = new AttachmentEntity(
                    ticket.id(),
                    safeName,
                    AttachmentSettings.normalise(contentType),
                    stored.size(),
                    stored.reference(),
                    stored.sha256(),
                    by.id(),
                    now);
            ticket.touch(now);
            attachments.saveAndFlush(entity);
            return views.attachment(entity, by.displayName());
        } catch (RuntimeException e) {
            store.delete(stored.reference());
            throw e;
        }
    }

    AttachmentContent content(TicketEntity ticket, long attachmentId) {
        AttachmentEntity entity = attachments
                .findByIdAndTicketId(attachmentId, ticket.id())
                .orElseThrow(() -> new TicketNotFound(ticket.id() + "/" + attachmentId));
        String reference = entity.storagePath;
        return new AttachmentContent(
                views.attachment(entity, names.user(entity.uploadedBy).orElse(null)), () -> store.open(reference));
    }

    static String safeFileName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "_")
                .strip();
        if (name.isEmpty()) {
            name = "attachment";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
