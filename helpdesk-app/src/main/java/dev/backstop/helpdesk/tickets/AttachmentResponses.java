package dev.backstop.helpdesk.tickets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Streams an attachment as a download (never rendered inline, so an uploaded HTML/SVG cannot run). */
public final class AttachmentResponses {

    private AttachmentResponses() {}

    public static ResponseEntity<org.springframework.core.io.InputStreamResource> of(AttachmentContent content)
            throws IOException {
        var info = content.info();
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(info.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(info.contentType()))
                .contentLength(info.sizeBytes())
                .body(new InputStreamResource(content.source().open()));
    }
}
