package dev.backstop.helpdesk.tickets.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Attachments extends JpaRepository<AttachmentEntity, Long> {

    List<AttachmentEntity> findByTicketIdOrderByIdAsc(long ticketId);

    Optional<AttachmentEntity> findByIdAndTicketId(long id, long ticketId);
}
