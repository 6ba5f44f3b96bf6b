package dev.backstop.helpdesk.tickets;

import java.time.Instant;

public record AttachmentInfo(
        long id, String fileName, String contentType, long sizeBytes, String uploadedBy, Instant at) {}
