package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.IllegalTicketTransition;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.LoopRefused;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ticket aggregate. State changes are intent methods that guard themselves and append to the
 * timeline; there are no setters for state.
 */
@Entity
@Table(name = "tickets")
class TicketEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "ticket_key", nullable = false, updatable = false)
    String key;

    @Enumerated(EnumType.STRING)
    Desk desk;

    @Enumerated(EnumType.STRING)
    TicketType type;

    @Enumerated(EnumType.STRING)
    Channel channel;

    @Enumerated(EnumType.STRING)
    Priority priority;

    @Enumerated(EnumType.STRING)
    TicketState state;

    @Enumerated(EnumType.STRING)
    RequesterKind requesterKind;

    Long requesterRef;
    String requesterName;
    String requesterPhone;
    String requesterEmail;
    Long distributorId;
    Long employeeId;
    String subject;
    String description;
    String orderNo;
    String shipmentNo;
    String invoiceNo;
    String employeeNo;
    Long assigneeId;
    Long departmentId;
    boolean confidential;
    Long createdBy;
    Instant createdAt;
    Instant updatedAt;
    Instant resolvedAt;
    Instant closedAt;

    @Enumerated(EnumType.STRING)
    Segment segment;

    String skill;

    Long slaPolicyId;
    Long slaCalendarId;
    Instant firstResponseDue;
    Instant firstResponseRiskAt;
    Instant firstRespondedAt;
    Instant resolutionDue;
    Instant resolutionRiskAt;
    Instant nextUpdateDue;
    Instant slaPausedAt;
    Instant backOfficeDue;
    Instant backOfficeAnsweredAt;
    Instant callbackDue;
    Instant callbackDoneAt;
    Integer satisfaction;

    @Version
    long version;

    @ElementCollection
    @CollectionTable(name = "ticket_tags", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "tag")
    Set<String> tags = new LinkedHashSet<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt asc, id asc")
    List<ArticleEntity> articles = new ArrayList<>();

    /** From this satisfaction (1–5) on, a callback closes the loop of a complaint; below it reopens it. */
    static final int SATISFIED = 3;

    /** The back office's answer: internal, back to the desk as a callback task due at {@code callbackDue}. */
    void answerFromBackOffice(String body, Instant callbackDueAt, Author author, Instant now) {
        if (state != TicketState.PENDING_BACK_OFFICE) {
            throw LoopRefused.notWithBackOffice(key);
        }
        append(ArticleKind.BACK_OFFICE_ANSWER, true, body, author, now);
        backOfficeAnsweredAt = now;
        callbackDue = callbackDueAt;
        callbackDoneAt = null;
        moveTo(TicketState.OPEN, null, author, now);
    }

    /**
     * The call back to the requester with its outcome and their satisfaction. Satisfied: the complaint may be
     * resolved. Unsatisfied: it stays open (and a resolved one reopens) for the desk to act again.
     */
    void recordCallback(String outcome, int rating, Author author, Instant now) {
        ArticleEntity article = append(ArticleKind.CALLBACK, true, outcome, author, now);
        article.satisfaction = rating;
        satisfaction = rating;
        callbackDoneAt = now;
        if (rating < SATISFIED && (state == TicketState.RESOLVED || state == TicketState.CLOSED
                || state == TicketState.PENDING_REQUESTER)) {
            moveTo(TicketState.OPEN, null, author, now);
        }
    }

    protected TicketEntity() {
    }

    TicketEntity(String key, Desk desk, TicketType type, Channel channel, Priority priority, Instant now) {
        this.key = key;
        this.desk = desk;
        this.type = type;
        this.channel = channel;
        this.priority = priority;
        this.state = TicketState.NEW;
        this.createdAt = now;
        this.updatedAt = now;
    }

    ArticleEntity append(ArticleKind kind, boolean internal, String body, Author author, Instant now) {
        ArticleEntity article = new ArticleEntity(this, kind, internal, body, author, now);
        articles.add(article);
        updatedAt = now;
        return article;
    }

    void moveTo(TicketState target, String comment, Author author, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTicketTransition(key, state, target);
        }
        if (target == TicketState.PENDING_BACK_OFFICE && departmentId == null) {
            // no back office would ever see it: the way there is a transfer to a department
            throw LoopRefused.departmentFirst(key);
        }
        if (type == TicketType.COMPLAINT && (target == TicketState.RESOLVED || target == TicketState.CLOSED)
                && (satisfaction == null || satisfaction < SATISFIED)) {
            throw LoopRefused.callbackFirst(key);
        }
        ArticleEntity article = append(ArticleKind.STATE_CHANGE, true, comment, author, now);
        article.fromState = state;
        article.toState = target;
        state = target;
        switch (target) {
            case RESOLVED -> resolvedAt = now;
            case CLOSED -> closedAt = now;
            case OPEN -> {
                resolvedAt = null;
                closedAt = null;
            }
            default -> {
            }
        }
    }

    /** The first action of an agent on a new ticket opens it. */
    void openIfNew(Author author, Instant now) {
        if (state == TicketState.NEW) {
            moveTo(TicketState.OPEN, null, author, now);
        }
    }

    void assignTo(Long userId, String assigneeName, Author author, Instant now) {
        assigneeId = userId;
        append(ArticleKind.ASSIGNMENT, true, assigneeName, author, now);
        openIfNew(author, now);
    }

    void transferToDesk(Desk target, String reason, Author author, Instant now) {
        Desk from = desk;
        desk = target;
        assigneeId = null;
        ArticleEntity article = append(ArticleKind.TRANSFER, true, reason, author, now);
        article.fromDesk = from;
        article.toDesk = target;
    }

    void transferToDepartment(long department, String departmentName, String reason, Instant due, Author author,
            Instant now) {
        departmentId = department;
        backOfficeDue = due;
        backOfficeAnsweredAt = null;
        append(ArticleKind.TRANSFER, true, departmentName + (reason == null ? "" : ": " + reason), author, now);
        if (state != TicketState.PENDING_BACK_OFFICE && state.canMoveTo(TicketState.PENDING_BACK_OFFICE)) {
            moveTo(TicketState.PENDING_BACK_OFFICE, null, author, now);
        }
    }

    /** Who acted: a user id (null for the system) and the name shown on the timeline. */
    record Author(Long userId, String name) {
    }
}
