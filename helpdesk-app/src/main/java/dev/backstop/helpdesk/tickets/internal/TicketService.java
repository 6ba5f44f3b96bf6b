package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.Assignee;
import dev.backstop.helpdesk.tickets.AttachmentContent;
import dev.backstop.helpdesk.tickets.AttachmentInfo;
import dev.backstop.helpdesk.tickets.InvalidTicketInput;
import dev.backstop.helpdesk.tickets.LoopRefused;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketChanged;
import dev.backstop.helpdesk.tickets.TicketAnsweredByBackOffice;
import dev.backstop.helpdesk.tickets.TicketChangedConcurrently;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketFilter;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketNotFound;
import dev.backstop.helpdesk.tickets.TicketOpened;
import dev.backstop.helpdesk.tickets.TicketOperationNotAllowed;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketStateChanged;
import dev.backstop.helpdesk.tickets.TicketSummary;
import dev.backstop.helpdesk.tickets.Transfer;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class TicketService implements TicketManagement {


    private final Tickets tickets;
    private final Attachments attachments;
    private final AttachmentStore store;
    private final TicketKeys keys;
    private final Names names;
    private final TicketViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DeskTime deskTime;
    private final SlaClock sla;
    private final DistributorTickets ofDistributor;

    TicketService(Tickets tickets, Attachments attachments, AttachmentStore store, TicketKeys keys, Names names,
            TicketViews views, ApplicationEventPublisher events, Clock clock, DeskTime deskTime, SlaClock sla,
            DistributorTickets ofDistributor) {
        this.sla = sla;
        this.ofDistributor = ofDistributor;
        this.tickets = tickets;
        this.attachments = attachments;
        this.store = store;
        this.keys = keys;
        this.names = names;
        this.views = views;
        this.events = events;
        this.clock = clock;
        this.deskTime = deskTime;
    }

    @Override
    public TicketDetails open(OpenTicket command, CurrentUser by) {
        if (!TicketScope.desksToOpen(by).contains(command.desk())) {
            throw new TicketOperationNotAllowed("open." + command.desk());
        }
        Instant now = clock.instant();
        String key = keys.next(command.desk(), deskTime.at(now).getYear());
        Priority priority = command.priority() == null ? Priority.NORMAL : command.priority();
        TicketEntity ticket = new TicketEntity(key, command.desk(), command.type(), command.channel(), priority, now);
        ticket.subject = command.subject().strip();
        ticket.description = command.description();
        ticket.orderNo = blankToNull(command.refs().orderNo());
        ticket.shipmentNo = blankToNull(command.refs().shipmentNo());
        ticket.invoiceNo = blankToNull(command.refs().invoiceNo());
        ticket.employeeNo = blankToNull(command.refs().employeeNo());
        ticket.tags.addAll(tags(command.tags()));
        ticket.confidential = command.confidential();
        ticket.skill = command.skill();
        ticket.createdBy = by.id();
        bindRequester(ticket, command, by);
        sla.start(ticket, now);
        ticket.append(ArticleKind.CREATED, false, null, author(by), now);
        if (TicketScope.isStaff(by)) {
            if (command.departmentId() != null) {
                ticket.departmentId = names.department(command.departmentId()).map(name -> command.departmentId())
                        .orElseThrow(() -> new InvalidTicketInput("tickets.error.unknownDepartment", command.departmentId()));
            }
            if (command.assigneeId() != null) {
                String name = names.staffUser(command.assigneeId())
                        .orElseThrow(() -> new InvalidTicketInput("tickets.error.unknownAssignee", command.assigneeId()));
                ticket.assignTo(command.assigneeId(), name, author(by), now);
            }
        }
        tickets.saveAndFlush(ticket);
        events.publishEvent(new TicketOpened(ticket.id, key, ticket.desk, ticket.type, ticket.priority, now));
        return views.details(ticket, by);
    }

    private void bindRequester(TicketEntity ticket, OpenTicket command, CurrentUser by) {
        Requester requester = command.requester();
        if (by.isPortalOnly()) {
            if (by.has(Role.DISTRIBUTOR)) {
                requester = new Requester(RequesterKind.DISTRIBUTOR_CONTACT, null, by.displayName(), null, null);
                ticket.distributorId = by.distributorId();
            } else if (by.has(Role.EMPLOYEE)) {
                requester = new Requester(RequesterKind.EMPLOYEE, by.employeeId(), by.displayName(), null, null);
                ticket.employeeId = by.employeeId();
            } else {
                requester = new Requester(RequesterKind.FAMILY_MEMBER, by.familyMemberId(), by.displayName(), null, null);
                ticket.employeeId = by.employeeId();
            }
        } else {
            // an unknown id is the caller's mistake (400 naming the field), not a foreign-key violation (500)
            if (command.distributorId() != null && names.distributorTier(command.distributorId()).isEmpty()) {
                throw new InvalidTicketInput("tickets.error.unknownDistributor", command.distributorId());
            }
            if (command.employeeId() != null && !names.employeeExists(command.employeeId())) {
                throw new InvalidTicketInput("tickets.error.unknownEmployee", command.employeeId());
            }
            ticket.distributorId = command.distributorId();
            ticket.employeeId = command.employeeId();
            if (requester == null || requester.kind() == null) {
                requester = by.has(Role.FRONTLINE)
                        ? new Requester(RequesterKind.FRONTLINE_REP, by.id(), by.displayName(), null, null)
                        : new Requester(RequesterKind.UNKNOWN_CALLER, null,
                                requester == null ? null : requester.name(), requester == null ? null : requester.phone(),
                                requester == null ? null : requester.email());
            }
        }
        ticket.requesterKind = requester.kind();
        ticket.requesterRef = requester.ref();
        ticket.requesterName = blankToNull(requester.name());
        ticket.requesterPhone = blankToNull(requester.phone());
        ticket.requesterEmail = blankToNull(requester.email());
    }

    /** At most {@value #MAX_TAGS} tags of at most {@value #MAX_TAG_LENGTH} characters (the column's width), blank ones dropped. */
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 64;

    private static java.util.Set<String> tags(java.util.Set<String> given) {
        java.util.Set<String> tags = new java.util.LinkedHashSet<>();
        for (String tag : given) {
            if (tag != null && !tag.isBlank()) {
                String clean = tag.strip();
                if (clean.length() > MAX_TAG_LENGTH) {
                    throw new InvalidTicketInput("tickets.error.tagTooLong", MAX_TAG_LENGTH);
                }
                tags.add(clean);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidTicketInput("tickets.error.tooManyTags", tags.size(), MAX_TAGS);
        }
        return tags;
    }

    @Override
    public java.util.Set<dev.backstop.helpdesk.tickets.Desk> desksToOpen(CurrentUser by) {
        return TicketScope.desksToOpen(by);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<TicketSummary> list(TicketFilter filter, CurrentUser by) {
        var spec = TicketScope.visibleTo(by).and(TicketFilters.of(filter, by, clock.instant()));
        var page = tickets.findAll(spec, PageRequest.of(filter.page(), filter.size(),
                Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))));
        return views.summaries(page, by);
    }

    /** Plain SQL (the channel desk's view asks for two of these on every call): no transaction, no entities. */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<TicketSummary> ofDistributor(long distributorId, boolean activeOnly, int limit, CurrentUser by) {
        return ofDistributor.of(distributorId, activeOnly, limit, by);
    }

    @Override
    @Transactional(readOnly = true)
    public TicketDetails get(long ticketId, CurrentUser by) {
        return views.details(load(ticketId, by), by);
    }

    @Override
    public TicketDetails reply(long ticketId, String body, Long expectedVersion, CurrentUser by) {
        UnfilledMarkers.refuse(body);
        return change(ticketId, expectedVersion, by, false, (ticket, now) -> {
            ticket.append(ArticleKind.PUBLIC_REPLY, false, body, author(by), now);
            if (by.isPortalOnly()) {
                if (ticket.state == TicketState.PENDING_REQUESTER || ticket.state == TicketState.RESOLVED
                        || ticket.state == TicketState.CLOSED) {
                    ticket.moveTo(TicketState.OPEN, null, author(by), now);
                }
            } else {
                ticket.openIfNew(author(by), now);
                sla.responded(ticket, now);
            }
        });
    }

    @Override
    public TicketDetails receiveFromRequester(long ticketId, String body, String requesterName, CurrentUser by) {
        String name = requesterName == null || requesterName.isBlank() ? by.displayName() : requesterName.strip();
        TicketEntity.Author requester = new TicketEntity.Author(by.id(), name.length() > 200 ? name.substring(0, 200) : name);
        return change(ticketId, null, by, true, (ticket, now) -> {
            ticket.append(ArticleKind.PUBLIC_REPLY, false, body, requester, now);
            if (ticket.state == TicketState.PENDING_REQUESTER || ticket.state == TicketState.RESOLVED) {
                ticket.moveTo(TicketState.OPEN, null, requester, now);
            }
        });
    }

    @Override
    public TicketDetails note(long ticketId, String body, Long expectedVersion, CurrentUser by) {
        return change(ticketId, expectedVersion, by, true,
                (ticket, now) -> ticket.append(ArticleKind.INTERNAL_NOTE, true, body, author(by), now));
    }

    @Override
    public TicketDetails logCall(long ticketId, String summary, Long expectedVersion, CurrentUser by) {
        return change(ticketId, expectedVersion, by, true,
                (ticket, now) -> {
                    ticket.append(ArticleKind.CALL, true, summary, author(by), now);
                    sla.responded(ticket, now);
                });
    }

    @Override
    public TicketDetails assign(long ticketId, Long assigneeId, Long expectedVersion, CurrentUser by) {
        String name = assigneeId == null ? null : assignees(load(ticketId, by)).stream()
                .filter(candidate -> candidate.id() == assigneeId).map(Assignee::name).findFirst()
                .orElseThrow(() -> new InvalidTicketInput("tickets.error.unknownAssignee", assigneeId));
        return change(ticketId, expectedVersion, by, true, (ticket, now) -> ticket.assignTo(assigneeId, name, author(by), now));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Assignee> assignees(long ticketId, CurrentUser by) {
        TicketEntity ticket = load(ticketId, by);
        if (!TicketScope.isStaff(by)) {
            throw new TicketOperationNotAllowed("staffOnly");
        }
        return assignees(ticket);
    }

    private List<Assignee> assignees(TicketEntity ticket) {
        Set<String> roles = new HashSet<>(Set.of(Role.SUPERVISOR.name()));
        switch (ticket.desk) {
            case CHANNEL -> roles.add(Role.CHANNEL_AGENT.name());
            case EXPERT -> roles.add(Role.EXPERT.name());
            case HR -> {
                roles.add(Role.HR_PAYROLL.name());
                if (!ticket.confidential) {
                    roles.add(Role.HR_AGENT.name());
                }
            }
        }
        return names.assignees(roles, ticket.confidential ? null : ticket.departmentId);
    }

    @Override
    public TicketDetails transfer(long ticketId, Transfer transfer, Long expectedVersion, CurrentUser by) {
        if ((transfer.toDesk() == null) == (transfer.toDepartmentId() == null)) {
            throw new InvalidTicketInput("tickets.error.transferTarget");
        }
        String department = transfer.toDepartmentId() == null ? null : names.department(transfer.toDepartmentId())
                .orElseThrow(() -> new InvalidTicketInput("tickets.error.unknownDepartment", transfer.toDepartmentId()));
        return change(ticketId, expectedVersion, by, true, (ticket, now) -> {
            if (transfer.toDesk() != null) {
                ticket.transferToDesk(transfer.toDesk(), blankToNull(transfer.reason()), author(by), now);
            } else {
                int hours = transfer.deadlineHours() == null ? 48 : transfer.deadlineHours();
                if (hours < 1 || hours > 24 * 30) {
                    throw new InvalidTicketInput("tickets.error.deadlineHours", hours);
                }
                ticket.transferToDepartment(transfer.toDepartmentId(), department, blankToNull(transfer.reason()),
                        sla.backOfficeDue(now, hours), author(by), now);
            }
        });
    }

    @Override
    public TicketDetails answerFromBackOffice(long ticketId, String body, Long expectedVersion, CurrentUser by) {
        if (body == null || body.isBlank()) {
            throw new InvalidTicketInput("tickets.error.emptyAnswer");
        }
        return change(ticketId, expectedVersion, by, true, (ticket, now) -> {
            Long forwardedBy = ticket.articles.stream().filter(a -> a.kind == ArticleKind.TRANSFER && a.authorId != null)
                    .reduce((first, second) -> second).map(a -> a.authorId).orElse(null);
            ticket.answerFromBackOffice(body.strip(), sla.callbackDue(now), author(by), now);
            events.publishEvent(new TicketAnsweredByBackOffice(ticket.id, ticket.key, ticket.desk, ticket.assigneeId,
                    forwardedBy));
        });
    }

    @Override
    public TicketDetails recordCallback(long ticketId, String outcome, int satisfaction, Long expectedVersion,
            CurrentUser by) {
        if (satisfaction < 1 || satisfaction > 5) {
            throw new InvalidTicketInput("tickets.error.satisfaction", satisfaction);
        }
        return change(ticketId, expectedVersion, by, true, (ticket, now) -> {
            ticket.recordCallback(blankToNull(outcome), satisfaction, author(by), now);
            sla.responded(ticket, now);
        });
    }

    @Override
    public TicketDetails changeState(long ticketId, TicketState target, String comment, Long expectedVersion, CurrentUser by) {
        return change(ticketId, expectedVersion, by, true, (ticket, now) -> {
            TicketState from = ticket.state;
            ticket.moveTo(target, blankToNull(comment), author(by), now);
            events.publishEvent(new TicketStateChanged(ticket.id, ticket.key, from, target, now));
        });
    }

    @Override
    public AttachmentInfo attach(long ticketId, String fileName, String contentType, long sizeBytes, InputStream content,
            CurrentUser by) {
        TicketEntity ticket = load(ticketId, by);
        String safeName = safeFileName(fileName);
        AttachmentStore.Stored stored = store.store(safeName, contentType, sizeBytes, content);
        try {
            Instant now = clock.instant();
            AttachmentEntity entity = new AttachmentEntity(ticket.id, safeName,
                    AttachmentSettings.normalise(contentType), stored.size(), stored.reference(), stored.sha256(), by.id(), now);
            ticket.updatedAt = now;
            attachments.saveAndFlush(entity);
            return views.attachment(entity, by.displayName());
        } catch (RuntimeException e) {
            store.delete(stored.reference());
            throw e;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public AttachmentContent attachment(long ticketId, long attachmentId, CurrentUser by) {
        TicketEntity ticket = load(ticketId, by);
        AttachmentEntity entity = attachments.findByIdAndTicketId(attachmentId, ticket.id)
                .orElseThrow(() -> new TicketNotFound(ticketId + "/" + attachmentId));
        String reference = entity.storagePath;
        return new AttachmentContent(views.attachment(entity, names.user(entity.uploadedBy).orElse(null)),
                () -> store.open(reference));
    }

    private TicketDetails change(long ticketId, Long expectedVersion, CurrentUser by, boolean staffOnly, Change change) {
        TicketEntity ticket = load(ticketId, by);
        if (staffOnly && !TicketScope.isStaff(by)) {
            throw new TicketOperationNotAllowed("staffOnly");
        }
        if (expectedVersion != null && expectedVersion != ticket.version) {
            throw new TicketChangedConcurrently(ticket.key);
        }
        Instant now = clock.instant();
        TicketState before = ticket.state;
        Desk deskBefore = ticket.desk;
        change.apply(ticket, now);
        if (ticket.state != before) {
            sla.stateChanged(ticket, before, now);
        }
        events.publishEvent(new TicketChanged(ticket.id, ticket.key, deskBefore, now));
        if (ticket.desk != deskBefore) {
            events.publishEvent(new TicketChanged(ticket.id, ticket.key, ticket.desk, now));
        }
        try {
            tickets.saveAndFlush(ticket);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new TicketChangedConcurrently(ticket.key);
        }
        return views.details(ticket, by);
    }

    private TicketEntity load(long ticketId, CurrentUser by) {
        return tickets.findOne(TicketScope.visibleTo(by).and((root, query, cb) -> cb.equal(root.get("id"), ticketId)))
                .orElseThrow(() -> new TicketNotFound(ticketId));
    }

    private static TicketEntity.Author author(CurrentUser by) {
        return new TicketEntity.Author(by.id(), by.displayName());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String safeFileName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        if (name.isEmpty()) {
            name = "attachment";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    @FunctionalInterface
    private interface Change {
        void apply(TicketEntity ticket, Instant now);
    }
}
