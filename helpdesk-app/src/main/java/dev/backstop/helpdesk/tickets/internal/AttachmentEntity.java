package dev.backstop.helpdesk.tickets.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "ticket_attachments")
class AttachmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    Long ticketId;
    Long articleId;
    String fileName;
    String contentType;
    long sizeBytes;
    String storagePath;
    String sha256;
    Long uploadedBy;
    Instant createdAt;

    protected AttachmentEntity() {}

    AttachmentEntity(
            long ticketId,
            String fileName,
            String contentType,
            long sizeBytes,
            String storagePath,
            String sha256,
            Long uploadedBy,
            Instant createdAt) {
        this.ticketId = ticketId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.storagePath = storagePath;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.createdAt = createdAt;
    }
}
