package dev.backstop.helpdesk.tickets.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Tickets extends JpaRepository<TicketEntity, Long>, JpaSpecificationExecutor<TicketEntity> {}
