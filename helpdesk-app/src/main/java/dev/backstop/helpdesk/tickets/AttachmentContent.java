package dev.backstop.helpdesk.tickets;

import java.io.IOException;
import java.io.InputStream;

/** A stored attachment, ready to stream to the caller. */
public record AttachmentContent(AttachmentInfo info, ContentSource source) {

    @FunctionalInterface
    public interface ContentSource {
        InputStream open() throws IOException;
    }
}
