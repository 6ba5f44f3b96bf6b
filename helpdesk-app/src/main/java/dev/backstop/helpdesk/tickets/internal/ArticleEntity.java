package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a ticket's timeline. Never changed once written. */
@Entity
@Table(name = "ticket_articles")
class ArticleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    TicketEntity ticket;

    @Enumerated(EnumType.STRING)
    ArticleKind kind;

    boolean internal;
    String body;

    @Enumerated(EnumType.STRING)
    TicketState fromState;

    @Enumerated(EnumType.STRING)
    TicketState toState;

    @Enumerated(EnumType.STRING)
    Desk fromDesk;

    @Enumerated(EnumType.STRING)
    Desk toDesk;

    Integer satisfaction;

    Long authorId;
    String authorName;
    Instant createdAt;

    protected ArticleEntity() {}

    ArticleEntity(
            TicketEntity ticket,
            ArticleKind kind,
            boolean internal,
            String body,
            TicketEntity.Author author,
            Instant now) {
        this.ticket = ticket;
        this.kind = kind;
        this.internal = internal;
        this.body = body;
        this.authorId = author.userId();
        this.authorName = author.name();
        this.createdAt = now;
    }
}
