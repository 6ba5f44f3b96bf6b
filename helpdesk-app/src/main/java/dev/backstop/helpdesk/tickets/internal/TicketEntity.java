package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.IllegalTicketTransition;
import dev.backstop.helpdesk.tickets.InvalidTicketInput;
import dev.backstop.helpdesk.tickets.LoopRefused;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.TicketAnsweredByBackOffice;
import dev.backstop.helpdesk.tickets.TicketChanged;
import dev.backstop.helpdesk.tickets.TicketChangedConcurrently;
import dev.backstop.helpdesk.tickets.TicketClocks;
import dev.backstop.helpdesk.tickets.TicketOpened;
import dev.backstop.helpdesk.tickets.TicketSla;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketStateChanged;
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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

/**
 * The ticket aggregate. Every field is private; state changes are intent methods that guard themselves, append to the
 * timeline and register what happened ({@link DomainEvents}: published by the repository's {@code save}, after it
 * succeeded). A change begins with {@link #beginChange} (the version the caller read) and ends with
 * {@link #endChange} (the SLA clock pauses or resumes with the state); its {@code TicketChanged} is registered then.
 * <p>
 * Over 300 lines for a reason: one row (about 50 columns, one lock version) with the read accessors and the intent
 * methods that guard it. What is not the ticket's own state lives elsewhere: the clock arithmetic behind
 * {@link TicketClocks} (the {@code sla} module), the clock's reading in {@link SlaState}, the views in
 * {@link TicketViews}.
 */
@Entity
@Table(name = "tickets")
class TicketEntity {

    /** From this satisfaction (1–5) on, a callback closes the loop of a complaint; below it reopens it. */
    static final int SATISFIED = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_key", nullable = false, updatable = false)
    private String key;

    @Enumerated(EnumType.STRING)
    private Desk desk;

    @Enumerated(EnumType.STRING)
    private TicketType type;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @Enumerated(EnumType.STRING)
    private TicketState state;

    @Enumerated(EnumType.STRING)
    private RequesterKind requesterKind;

    private Long requesterRef;
    private String requesterName;
    private String requesterPhone;
    private String requesterEmail;
    private Long distributorId;
    private Long employeeId;
    private String subject;
    private String description;
    private String orderNo;
    private String shipmentNo;
    private String invoiceNo;
    private String employeeNo;
    private Long assigneeId;
    private Long departmentId;
    private boolean confidential;
    /** A confidential case (harassment, disputes): only its assignee, HR leads and its requester see it. */
    private boolean confidentialCase;

    private Long createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant resolvedAt;
    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    private Segment segment;

    private String skill;

    /** What an HR ticket is about (null elsewhere): decides its skill, SLA policy, scripts and its place in the queue. */
    @Enumerated(EnumType.STRING)
    private HrTopic hrTopic;

    /** When and how the requester asked to be called back, in their own words. */
    private String callbackPromise;

    private Long slaPolicyId;
    private Long slaCalendarId;
    private Instant firstResponseDue;
    private Instant firstResponseRiskAt;
    private Instant firstRespondedAt;
    private Instant resolutionDue;
    private Instant resolutionRiskAt;
    private Instant nextUpdateDue;
    private Instant slaPausedAt;
    private Instant backOfficeDue;
    private Instant backOfficeAnsweredAt;
    private Instant callbackDue;
    private Instant callbackDoneAt;
    private Integer satisfaction;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "ticket_tags", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt asc, id asc")
    private List<ArticleEntity> articles = new ArrayList<>();

    /** Events registered since the last save; suppliers, since an opened ticket's id exists only once it is saved. */
    @Transient
    private final List<Supplier<Object>> registered = new ArrayList<>();

    @Transient
    private Instant changeAt;

    @Transient
    private Desk deskBefore;

    @Transient
    private TicketState stateBefore;

    protected TicketEntity() {}

    /** What a new ticket is opened with, checked and resolved by the caller (requester bound, references known). */
    record Opening(
            String key,
            Desk desk,
            TicketType type,
            Channel channel,
            Priority priority,
            String subject,
            String description,
            String orderNo,
            String shipmentNo,
            String invoiceNo,
            String employeeNo,
            Set<String> tags,
            boolean confidential,
            String skill,
            Long createdBy,
            Long distributorId,
            Long employeeId,
            Requester requester,
            Segment segment,
            Long departmentId,
            HrTopic topic,
            String callbackPromise) {}

    /** Opens a ticket: NEW, its SLA clock started, the first timeline entry; registers {@link TicketOpened}. */
    static TicketEntity open(Opening o, TicketClocks clocks, Author author, Instant now) {
        TicketEntity t = new TicketEntity();
        t.key = o.key();
        t.desk = o.desk();
        t.type = o.type();
        t.channel = o.channel();
        t.priority = o.priority();
        t.state = TicketState.NEW;
        t.createdAt = now;
        t.updatedAt = now;
        t.subject = o.subject();
        t.description = o.description();
        t.orderNo = o.orderNo();
        t.shipmentNo = o.shipmentNo();
        t.invoiceNo = o.invoiceNo();
        t.employeeNo = o.employeeNo();
        t.tags.addAll(o.tags());
        t.confidential = o.confidential();
        t.skill = o.skill();
        t.createdBy = o.createdBy();
        t.distributorId = o.distributorId();
        t.employeeId = o.employeeId();
        t.requesterKind = o.requester().kind();
        t.requesterRef = o.requester().ref();
        t.requesterName = o.requester().name();
        t.requesterPhone = o.requester().phone();
        t.requesterEmail = o.requester().email();
        t.segment = o.segment();
        t.hrTopic = o.topic();
        t.callbackPromise = o.callbackPromise();
        t.startClock(clocks, now);
        t.append(ArticleKind.CREATED, false, null, author, now);
        t.departmentId = o.departmentId();
        t.registered.add(() -> new TicketOpened(t.id, t.key, t.desk, t.type, t.priority, now));
        return t;
    }

    private void startClock(TicketClocks clocks, Instant now) {
        TicketClocks.Started started = clocks.start(desk, type, priority, segment, hrTopic, now);
        slaPolicyId = started.policyId();
        slaCalendarId = started.calendarId();
        firstResponseDue = started.firstResponseDue();
        firstResponseRiskAt = started.firstResponseRiskAt();
        resolutionDue = started.resolutionDue();
        resolutionRiskAt = started.resolutionRiskAt();
    }

    /** Begins a change by someone who read {@code expectedVersion} (null: whatever is current). */
    void beginChange(Long expectedVersion, Instant now) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new TicketChangedConcurrently(key);
        }
        changeAt = now;
        deskBefore = desk;
        stateBefore = state;
    }

    /** Ends a change: the SLA clock stops or resumes with the state; {@code TicketChanged} is registered (per desk). */
    void endChange(TicketClocks clocks) {
        if (slaPolicyId != null && state != stateBefore) {
            boolean wasStopped = SlaState.STOPPED.contains(stateBefore);
            boolean stopped = SlaState.STOPPED.contains(state);
            if (!wasStopped && stopped) {
                slaPausedAt = changeAt;
            } else if (wasStopped && !stopped && slaPausedAt != null) {
                long calendar = slaCalendarId;
                Instant pausedAt = slaPausedAt;
                firstResponseDue = clocks.resume(calendar, pausedAt, firstResponseDue, changeAt);
                firstResponseRiskAt = clocks.resume(calendar, pausedAt, firstResponseRiskAt, changeAt);
                resolutionDue = clocks.resume(calendar, pausedAt, resolutionDue, changeAt);
                resolutionRiskAt = clocks.resume(calendar, pausedAt, resolutionRiskAt, changeAt);
                nextUpdateDue = clocks.resume(calendar, pausedAt, nextUpdateDue, changeAt);
                slaPausedAt = null;
            }
        }
        Instant at = changeAt;
        Desk before = deskBefore;
        registered.add(() -> new TicketChanged(id, key, before, at));
        if (desk != before) {
            Desk after = desk;
            registered.add(() -> new TicketChanged(id, key, after, at));
        }
    }

    @DomainEvents
    Collection<Object> domainEvents() {
        return registered.stream().map(Supplier::get).toList();
    }

    @AfterDomainEventPublication
    void clearDomainEvents() {
        registered.clear();
        changeAt = null;
        deskBefore = null;
        stateBefore = null;
    }

    /** A public reply: from the requester it reopens a waiting or finished ticket; from staff it opens a new one and responds. */
    void reply(String body, boolean byRequester, Author author, TicketClocks clocks, Instant now) {
        append(ArticleKind.PUBLIC_REPLY, false, body, author, now);
        if (byRequester) {
            if (state == TicketState.PENDING_REQUESTER
                    || state == TicketState.RESOLVED
                    || state == TicketState.CLOSED) {
                moveTo(TicketState.OPEN, null, author, now);
            }
        } else {
            openIfNew(author, now);
            responded(clocks, now);
        }
    }

    void note(String body, Author author, Instant now) {
        append(ArticleKind.INTERNAL_NOTE, true, body, author, now);
    }

    /** A call with the requester, logged by staff: it counts as a response. */
    void logCall(String summary, Author author, TicketClocks clocks, Instant now) {
        append(ArticleKind.CALL, true, summary, author, now);
        responded(clocks, now);
    }

    /** The first response answers the first-response target; each sets the next update due. */
    private void responded(TicketClocks clocks, Instant now) {
        if (slaPolicyId == null) {
            return;
        }
        if (firstRespondedAt == null) {
            firstRespondedAt = now;
        }
        nextUpdateDue = clocks.nextUpdateDue(slaPolicyId, slaCalendarId, now);
    }

    /** A state change asked for by staff; registers {@link TicketStateChanged}. */
    void changeState(TicketState target, String comment, Author author, Instant now) {
        TicketState from = state;
        moveTo(target, comment, author, now);
        registered.add(() -> new TicketStateChanged(id, key, from, target, now));
    }

    /** A file was attached (stored beside the ticket): the ticket counts as changed now. */
    void touch(Instant now) {
        updatedAt = now;
    }

    /** The back office's answer: internal, back to the desk as a callback task due at {@code callbackDueAt}. */
    void answerFromBackOffice(String body, Instant callbackDueAt, Author author, Instant now) {
        if (state != TicketState.PENDING_BACK_OFFICE) {
            throw LoopRefused.notWithBackOffice(key);
        }
        Long forwardedBy = articles.stream()
                .filter(a -> a.kind == ArticleKind.TRANSFER && a.authorId != null)
                .reduce((first, second) -> second)
                .map(a -> a.authorId)
                .orElse(null);
        append(ArticleKind.BACK_OFFICE_ANSWER, true, body, author, now);
        backOfficeAnsweredAt = now;
        callbackDue = callbackDueAt;
        callbackDoneAt = null;
        moveTo(TicketState.OPEN, null, author, now);
        Long assignee = assigneeId;
        registered.add(() -> new TicketAnsweredByBackOffice(id, key, desk, assignee, forwardedBy));
    }

    /**
     * The call back to the requester with its outcome and their satisfaction (a response). Satisfied: the complaint
     * may be resolved. Unsatisfied: it stays open (and a resolved one reopens) for the desk to act again.
     */
    void recordCallback(String outcome, int rating, Author author, TicketClocks clocks, Instant now) {
        ArticleEntity article = append(ArticleKind.CALLBACK, true, outcome, author, now);
        article.satisfaction = rating;
        satisfaction = rating;
        callbackDoneAt = now;
        if (rating < SATISFIED
                && (state == TicketState.RESOLVED
                        || state == TicketState.CLOSED
                        || state == TicketState.PENDING_REQUESTER)) {
            moveTo(TicketState.OPEN, null, author, now);
        }
        responded(clocks, now);
    }

    private ArticleEntity append(ArticleKind kind, boolean internal, String body, Author author, Instant now) {
        ArticleEntity article = new ArticleEntity(this, kind, internal, body, author, now);
        articles.add(article);
        updatedAt = now;
        return article;
    }

    private void moveTo(TicketState target, String comment, Author author, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTicketTransition(key, state, target);
        }
        if (target == TicketState.PENDING_BACK_OFFICE && departmentId == null) {
            // no back office would ever see it: the way there is a transfer to a department
            throw LoopRefused.departmentFirst(key);
        }
        if (type == TicketType.COMPLAINT
                && (target == TicketState.RESOLVED || target == TicketState.CLOSED)
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
            default -> {}
        }
    }

    /** The first action of an agent on a new ticket opens it. */
    private void openIfNew(Author author, Instant now) {
        if (state == TicketState.NEW) {
            moveTo(TicketState.OPEN, null, author, now);
        }
    }

    void assignTo(Long userId, String assigneeName, Author author, Instant now) {
        assigneeId = userId;
        append(ArticleKind.ASSIGNMENT, true, assigneeName, author, now);
        openIfNew(author, now);
    }

    /**
     * An HR lead makes this HR ticket a confidential case, or lifts that, with a reason (on the timeline). A confidential
     * case is confidential too (so never indexed, never in a desk's general view); lifting it leaves the ticket
     * confidential to payroll staff as any confidential HR ticket, so nothing is opened wider than before it was sealed.
     */
    void markConfidentialCase(boolean on, String reason, Author author, Instant now) {
        if (desk != Desk.HR) {
            throw new InvalidTicketInput("tickets.error.confidentialCaseDesk", key);
        }
        if (employeeId == null) {
            throw new InvalidTicketInput("tickets.error.confidentialCaseEmployee", key);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidTicketInput("tickets.error.confidentialCaseReason");
        }
        if (on == confidentialCase) {
            throw new InvalidTicketInput(
                    on ? "tickets.error.confidentialCaseAlready" : "tickets.error.confidentialCaseNot", key);
        }
        confidentialCase = on;
        if (on) {
            confidential = true;
        }
        append(
                on ? ArticleKind.CONFIDENTIAL_CASE_SET : ArticleKind.CONFIDENTIAL_CASE_LIFTED,
                true,
                reason.strip(),
                author,
                now);
    }

    /**
     * An agent says what this HR ticket is really about. The skill follows the topic (unless someone chose another
     * skill by hand), and the SLA targets are those of the new topic's policy counted from when the ticket was opened:
     * time already spent still counts, and a response already given stays given.
     */
    void changeTopic(HrTopic topic, TicketClocks clocks, Author author, Instant now) {
        if (desk != Desk.HR) {
            throw new InvalidTicketInput("tickets.error.topicDesk", key);
        }
        if (topic == null) {
            throw new InvalidTicketInput("tickets.error.topicRequired");
        }
        if (topic == hrTopic) {
            throw new InvalidTicketInput("tickets.error.topicSame", key);
        }
        HrTopic before = hrTopic;
        if (skill == null || (before != null && skill.equals(before.skill()))) {
            skill = topic.skill();
        }
        hrTopic = topic;
        if (slaPolicyId != null && !SlaState.STOPPED.contains(state)) {
            startClock(clocks, createdAt);
        }
        append(
                ArticleKind.TOPIC_CHANGED,
                true,
                (before == null ? "OTHER" : before.name()) + " " + topic.name(),
                author,
                now);
    }

    /** The caller on the phone was verified (or not) as the employee: the outcome on the timeline, never the factor. */
    void recordCallerVerification(boolean verified, String detail, Author author, Instant now) {
        append(verified ? ArticleKind.CALLER_VERIFIED : ArticleKind.CALLER_NOT_VERIFIED, true, detail, author, now);
    }

    void transferToDesk(Desk target, String reason, Author author, Instant now) {
        Desk from = desk;
        desk = target;
        assigneeId = null;
        ArticleEntity article = append(ArticleKind.TRANSFER, true, reason, author, now);
        article.fromDesk = from;
        article.toDesk = target;
    }

    void transferToDepartment(
            long department, String departmentName, String reason, Instant due, Author author, Instant now) {
        departmentId = department;
        backOfficeDue = due;
        backOfficeAnsweredAt = null;
        append(ArticleKind.TRANSFER, true, departmentName + (reason == null ? "" : ": " + reason), author, now);
        if (state != TicketState.PENDING_BACK_OFFICE && state.canMoveTo(TicketState.PENDING_BACK_OFFICE)) {
            moveTo(TicketState.PENDING_BACK_OFFICE, null, author, now);
        }
    }

    /** The SLA clock as read now. */
    SlaState sla() {
        return new SlaState(
                state,
                slaPolicyId,
                resolvedAt,
                slaPausedAt,
                firstRespondedAt,
                firstResponseDue,
                firstResponseRiskAt,
                resolutionDue,
                resolutionRiskAt);
    }

    /** The clock as staff read it (null: no policy). */
    TicketSla slaView(TicketClocks clocks, Instant now) {
        if (slaPolicyId == null) {
            return null;
        }
        SlaState sla = sla();
        return clocks.view(
                slaPolicyId,
                slaCalendarId,
                sla.status(now),
                firstResponseDue,
                firstRespondedAt,
                resolutionDue,
                nextUpdateDue,
                sla.activeDue(),
                now);
    }

    // read accessors

    Long id() {
        return id;
    }

    String key() {
        return key;
    }

    Desk desk() {
        return desk;
    }

    TicketType type() {
        return type;
    }

    Channel channel() {
        return channel;
    }

    Priority priority() {
        return priority;
    }

    TicketState state() {
        return state;
    }

    RequesterKind requesterKind() {
        return requesterKind;
    }

    Long requesterRef() {
        return requesterRef;
    }

    String requesterName() {
        return requesterName;
    }

    String requesterPhone() {
        return requesterPhone;
    }

    String requesterEmail() {
        return requesterEmail;
    }

    Long distributorId() {
        return distributorId;
    }

    Long employeeId() {
        return employeeId;
    }

    String subject() {
        return subject;
    }

    String description() {
        return description;
    }

    String orderNo() {
        return orderNo;
    }

    String shipmentNo() {
        return shipmentNo;
    }

    String invoiceNo() {
        return invoiceNo;
    }

    String employeeNo() {
        return employeeNo;
    }

    Long assigneeId() {
        return assigneeId;
    }

    Long departmentId() {
        return departmentId;
    }

    boolean confidential() {
        return confidential;
    }

    boolean confidentialCase() {
        return confidentialCase;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    Segment segment() {
        return segment;
    }

    String skill() {
        return skill;
    }

    HrTopic hrTopic() {
        return hrTopic;
    }

    String callbackPromise() {
        return callbackPromise;
    }

    Instant backOfficeDue() {
        return backOfficeDue;
    }

    Instant backOfficeAnsweredAt() {
        return backOfficeAnsweredAt;
    }

    Instant callbackDue() {
        return callbackDue;
    }

    Instant callbackDoneAt() {
        return callbackDoneAt;
    }

    Integer satisfaction() {
        return satisfaction;
    }

    long version() {
        return version;
    }

    Set<String> tags() {
        return Collections.unmodifiableSet(tags);
    }

    List<ArticleEntity> articles() {
        return Collections.unmodifiableList(articles);
    }

    /** Who acted: a user id (null for the system) and the name shown on the timeline. */
    record Author(Long userId, String name) {}
}
