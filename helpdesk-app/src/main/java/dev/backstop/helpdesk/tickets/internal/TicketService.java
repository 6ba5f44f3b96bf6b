package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.tickets.Assignee;
import dev.backstop.helpdesk.tickets.AttachmentContent;
import dev.backstop.helpdesk.tickets.AttachmentInfo;
import dev.backstop.helpdesk.tickets.ConfidentialCaseReads;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.InvalidTicketInput;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.TicketChangedConcurrently;
import dev.backstop.helpdesk.tickets.TicketClocks;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketFilter;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketNotFound;
import dev.backstop.helpdesk.tickets.TicketOperationNotAllowed;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketSummary;
import dev.backstop.helpdesk.tickets.Transfer;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TicketManagement}: loads the ticket within the caller's scope, checks who may do what, and asks the aggregate
 * ({@link TicketEntity}) to change; the aggregate guards its state and registers the events, which the repository's
 * save publishes. Opening is {@link TicketOpening}, attachments {@link TicketAttachments}.
 *
 * <p>About 360 lines on purpose: one method per intent of {@link TicketManagement}, each the same three steps (load
 * within the caller's scope, check, ask the aggregate); the rules themselves are in the aggregate.
 */
@Service
@Transactional
class TicketService implements TicketManagement {

    private final Tickets tickets;
    private final TicketOpening opening;
    private final TicketAttachments attachments;
    private final Names names;
    private final TicketViews views;
    private final Clock clock;
    private final TicketClocks clocks;
    private final DistributorTickets ofDistributor;
    private final Followers followers;
    private final ObjectProvider<ConfidentialCaseReads> confidentialReads;

    TicketService(
            Tickets tickets,
            TicketOpening opening,
            TicketAttachments attachments,
            Names names,
            TicketViews views,
            Clock clock,
            TicketClocks clocks,
            DistributorTickets ofDistributor,
            Followers followers,
            ObjectProvider<ConfidentialCaseReads> confidentialReads) {
        this.followers = followers;
        this.confidentialReads = confidentialReads;
        this.tickets = tickets;
        this.opening = opening;
        this.attachments = attachments;
        this.names = names;
        this.views = views;
        this.clock = clock;
        this.clocks = clocks;
        this.ofDistributor = ofDistributor;
    }

    @Override
    public TicketDetails open(OpenTicket command, CurrentUser by) {
        return views.details(opening.open(command, by), by);
    }

    @Override
    public Set<Desk> desksToOpen(CurrentUser by) {
        return TicketScope.desksToOpen(by);
    }

    /**
     * Not read-only: a confidential case in the page is a read of it by its assignee or an HR lead, written to the HR
     * access log in this transaction like a single read (ADR "list reads of confidential cases").
     */
    @Override
    @Transactional
    public Page<TicketSummary> list(TicketFilter filter, CurrentUser by) {
        var spec = TicketScope.visibleTo(by, followers.of(by)).and(TicketFilters.of(filter, by, clock.instant()));
        var page = tickets.findAll(
                spec,
                PageRequest.of(
                        filter.page(), filter.size(), Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))));
        page.getContent().forEach(ticket -> reportConfidentialRead(ticket, by));
        return views.summaries(page, by);
    }

    /** Plain SQL (the channel desk's view asks for two of these on every call): no transaction, no entities. */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<TicketSummary> ofDistributor(long distributorId, boolean activeOnly, int limit, CurrentUser by) {
        return ofDistributor.of(distributorId, activeOnly, limit, by);
    }

    /** Not read-only: the read of a confidential case is written to the HR access log in this transaction. */
    @Override
    public TicketDetails get(long ticketId, CurrentUser by) {
        TicketEntity ticket = load(ticketId, by);
        reportConfidentialRead(ticket, by);
        return views.details(ticket, by);
    }

    /** A confidential case read by staff other than its requester: to the port, inside the read's transaction. */
    private void reportConfidentialRead(TicketEntity ticket, CurrentUser by) {
        if (ticket.confidentialCase()
                && TicketScope.isStaff(by)
                && ticket.employeeId() != null
                && !TicketScope.isRequester(ticket, by)) {
            ConfidentialCaseReads reads = confidentialReads.getIfAvailable();
            if (reads != null) {
                reads.read(ticket.id(), ticket.key(), ticket.employeeId(), by);
            }
        }
    }

    @Override
    public TicketDetails markConfidentialCase(
            long ticketId, boolean confidentialCase, String reason, Long expectedVersion, CurrentUser by) {
        if (!by.has(Role.HR_LEAD)) {
            throw new TicketOperationNotAllowed("confidentialCase");
        }
        return change(
                ticketId,
                expectedVersion,
                by,
                true,
                (ticket, now) -> ticket.markConfidentialCase(confidentialCase, reason, author(by), now));
    }

    @Override
    public TicketDetails changeTopic(long ticketId, HrTopic topic, Long expectedVersion, CurrentUser by) {
        return change(
                ticketId,
                expectedVersion,
                by,
                true,
                (ticket, now) -> ticket.changeTopic(topic, clocks, author(by), now));
    }

    @Override
    public TicketDetails recordCallerVerification(long ticketId, boolean verified, String detail, CurrentUser by) {
        return change(
                ticketId,
                null,
                by,
                true,
                (ticket, now) -> ticket.recordCallerVerification(verified, detail, author(by), now));
    }

    @Override
    public TicketDetails reply(long ticketId, String body, Long expectedVersion, CurrentUser by) {
        UnfilledMarkers.refuse(body);
        return change(
                ticketId,
                expectedVersion,
                by,
                false,
                (ticket, now) -> ticket.reply(body, by.isPortalOnly(), author(by), clocks, now));
    }

    @Override
    public TicketDetails receiveFromRequester(long ticketId, String body, String requesterName, CurrentUser by) {
        String name = requesterName == null || requesterName.isBlank() ? by.displayName() : requesterName.strip();
        TicketEntity.Author requester =
                new TicketEntity.Author(by.id(), name.length() > 200 ? name.substring(0, 200) : name);
        return change(ticketId, null, by, true, (ticket, now) -> ticket.reply(body, true, requester, clocks, now));
    }

    @Override
    public TicketDetails note(long ticketId, String body, Long expectedVersion, CurrentUser by) {
        return change(ticketId, expectedVersion, by, true, (ticket, now) -> ticket.note(body, author(by), now));
    }

    @Override
    public TicketDetails logCall(long ticketId, String summary, Long expectedVersion, CurrentUser by) {
        return change(
                ticketId, expectedVersion, by, true, (ticket, now) -> ticket.logCall(summary, author(by), clocks, now));
    }

    @Override
    public TicketDetails assign(long ticketId, Long assigneeId, Long expectedVersion, CurrentUser by) {
        String name = assigneeId == null
                ? null
                : assignees(load(ticketId, by)).stream()
                        .filter(candidate -> candidate.id() == assigneeId)
                        .map(Assignee::name)
                        .findFirst()
                        .orElseThrow(() -> new InvalidTicketInput("tickets.error.unknownAssignee", assigneeId));
        return change(
                ticketId,
                expectedVersion,
                by,
                true,
                (ticket, now) -> ticket.assignTo(assigneeId, name, author(by), now));
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
        if (ticket.confidentialCase()) {
            // whom an HR lead may give a confidential case: HR staff, never a supervisor or a back office
            return names.assignees(Set.of(Role.HR_AGENT.name(), Role.HR_PAYROLL.name(), Role.HR_LEAD.name()), null);
        }
        Set<String> roles = new HashSet<>(Set.of(Role.SUPERVISOR.name()));
        switch (ticket.desk()) {
            case CHANNEL -> roles.add(Role.CHANNEL_AGENT.name());
            case EXPERT -> roles.add(Role.EXPERT.name());
            case HR -> {
                roles.add(Role.HR_PAYROLL.name());
                if (!ticket.confidential()) {
                    roles.add(Role.HR_AGENT.name());
                }
            }
        }
        return names.assignees(roles, ticket.confidential() ? null : ticket.departmentId());
    }

    @Override
    public TicketDetails transfer(long ticketId, Transfer transfer, Long expectedVersion, CurrentUser by) {
        if ((transfer.toDesk() == null) == (transfer.toDepartmentId() == null)) {
            throw new InvalidTicketInput("tickets.error.transferTarget");
        }
        String department = transfer.toDepartmentId() == null
                ? null
                : names.department(transfer.toDepartmentId())
                        .orElseThrow(() ->
                                new InvalidTicketInput("tickets.error.unknownDepartment", transfer.toDepartmentId()));
        return change(ticketId, expectedVersion, by, true, (ticket, now) -> {
            if (transfer.toDesk() != null) {
                ticket.transferToDesk(transfer.toDesk(), blankToNull(transfer.reason()), author(by), now);
            } else {
                Integer hours = transfer.deadlineHours(); // null: the sla module's back-office target
                if (hours != null && (hours < 1 || hours > 24 * 30)) {
                    throw new InvalidTicketInput("tickets.error.deadlineHours", hours);
                }
                ticket.transferToDepartment(
                        transfer.toDepartmentId(),
                        department,
                        blankToNull(transfer.reason()),
                        clocks.backOfficeDue(now, hours),
                        author(by),
                        now);
            }
        });
    }

    @Override
    public TicketDetails answerFromBackOffice(long ticketId, String body, Long expectedVersion, CurrentUser by) {
        if (body == null || body.isBlank()) {
            throw new InvalidTicketInput("tickets.error.emptyAnswer");
        }
        return change(
                ticketId,
                expectedVersion,
                by,
                true,
                (ticket, now) -> ticket.answerFromBackOffice(body.strip(), clocks.callbackDue(now), author(by), now));
    }

    @Override
    public TicketDetails recordCallback(
            long ticketId, String outcome, int satisfaction, Long expectedVersion, CurrentUser by) {
        if (satisfaction < 1 || satisfaction > 5) {
            throw new InvalidTicketInput("tickets.error.satisfaction", satisfaction);
        }
        return change(
                ticketId,
                expectedVersion,
                by,
                true,
                (ticket, now) -> ticket.recordCallback(blankToNull(outcome), satisfaction, author(by), clocks, now));
    }

    @Override
    public TicketDetails changeState(
            long ticketId, TicketState target, String comment, Long expectedVersion, CurrentUser by) {
        return change(
                ticketId,
                expectedVersion,
                by,
                true,
                (ticket, now) -> ticket.changeState(target, blankToNull(comment), author(by), now));
    }

    @Override
    public AttachmentInfo attach(
            long ticketId, String fileName, String contentType, long sizeBytes, InputStream content, CurrentUser by) {
        return attachments.attach(load(ticketId, by), fileName, contentType, sizeBytes, content, by);
    }

    @Override
    @Transactional(readOnly = true)
    public AttachmentContent attachment(long ticketId, long attachmentId, CurrentUser by) {
        return attachments.content(load(ticketId, by), attachmentId);
    }

    private TicketDetails change(
            long ticketId, Long expectedVersion, CurrentUser by, boolean staffOnly, Change change) {
        TicketEntity ticket = load(ticketId, by);
        if (staffOnly && !TicketScope.isStaff(by)) {
            throw new TicketOperationNotAllowed("staffOnly");
        }
        Instant now = clock.instant();
        ticket.beginChange(expectedVersion, now);
        change.apply(ticket, now);
        ticket.endChange(clocks);
        try {
            tickets.saveAndFlush(ticket);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new TicketChangedConcurrently(ticket.key());
        }
        return views.details(ticket, by);
    }

    private TicketEntity load(long ticketId, CurrentUser by) {
        return tickets.findOne(TicketScope.visibleTo(by, followers.of(by))
                        .and((root, query, cb) -> cb.equal(root.get("id"), ticketId)))
                .orElseThrow(() -> new TicketNotFound(ticketId));
    }

    private static TicketEntity.Author author(CurrentUser by) {
        return new TicketEntity.Author(by.id(), by.displayName());
    }

    private static String blankToNull(String value) {
        return TicketOpening.blankToNull(value);
    }

    @FunctionalInterface
    private interface Change {
        void apply(TicketEntity ticket, Instant now);
    }
}
