package dev.backstop.helpdesk.tickets;

import dev.backstop.helpdesk.shared.BackstopException;

/** An attachment was refused: too large (413), a content type not on the allow-list or content that is not what it claims to be (415). */
public class AttachmentRejected extends BackstopException {

    private AttachmentRejected(int status, String code, Object... arguments) {
        super(status, code, arguments);
    }

    public static AttachmentRejected tooLarge(String fileName, long maxBytes) {
        return new AttachmentRejected(413, "tickets.error.attachment.tooLarge", fileName, maxBytes / (1024 * 1024));
    }

    public static AttachmentRejected typeNotAllowed(String fileName, String contentType) {
        return new AttachmentRejected(415, "tickets.error.attachment.type", fileName, contentType);
    }

    public static AttachmentRejected contentMismatch(String fileName, String contentType) {
        return new AttachmentRejected(415, "tickets.error.attachment.content", fileName, contentType);
    }

    public static AttachmentRejected empty(String fileName) {
        return new AttachmentRejected(400, "tickets.error.attachment.empty", fileName);
    }
}
