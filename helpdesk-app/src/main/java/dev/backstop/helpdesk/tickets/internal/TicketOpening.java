package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.InvalidTicketInput;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.Segment;
import dev.backstop.helpdesk.tickets.TicketClocks;
import dev.backstop.helpdesk.tickets.TicketOperationNotAllowed;
import dev.backstop.helpdesk.tickets.TicketType;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Opening a ticket: checks what the caller may open and the references they give (a 400 naming the field, never a
 * foreign-key violation), binds the requester (portal users open for themselves), numbers the ticket per desk and
 * year, and asks the aggregate to open it ({@link TicketEntity#open}).
 */
@Component
class TicketOpening {

    /** At most {@value #MAX_TAGS} tags of at most {@value #MAX_TAG_LENGTH} characters (the column's width), blank ones dropped. */
    static final int MAX_TAGS = 20;

    static final int MAX_TAG_LENGTH = 64;

    /** A call-back promise in the requester's words: at most this many characters (the column's width). */
    static final int MAX_CALLBACK_PROMISE = 500;

    private final Tickets tickets;
    private final TicketKeys keys;
    private final Names names;
    private final TicketClocks clocks;
    private final Clock clock;
    private final DeskTime deskTime;

    TicketOpening(Tickets tickets, TicketKeys keys, Names names, TicketClocks clocks, Clock clock, DeskTime deskTime) {
        this.tickets = tickets;
        this.keys = keys;
        this.names = names;
        this.clocks = clocks;
        this.clock = clock;
        this.deskTime = deskTime;
    }

    TicketEntity open(OpenTicket command, CurrentUser by) {
        if (!TicketScope.desksToOpen(by).contains(command.desk())) {
            throw new TicketOperationNotAllowed("open." + command.desk());
        }
        Instant now = clock.instant();
        String key = keys.next(command.desk(), deskTime.at(now).getYear());
        Priority priority = command.priority() == null ? Priority.NORMAL : command.priority();
        Set<String> tags = tags(command.tags());
        HrTopic topic = topicOf(command);
        // a hardship request is its own type wherever it comes from: its segment, SLA policy and queue place follow
        TicketType type = topic == HrTopic.HARDSHIP ? TicketType.HARDSHIP : command.type();
        String skill = command.skill() != null ? command.skill() : topic == null ? null : topic.skill();
        if (command.callbackPromise() != null && command.callbackPromise().length() > MAX_CALLBACK_PROMISE) {
            throw new InvalidTicketInput("tickets.error.callbackPromiseTooLong", MAX_CALLBACK_PROMISE);
        }
        Long distributorId;
        Long employeeId;
        Requester requester = command.requester();
        if (by.isPortalOnly()) {
            distributorId = by.has(Role.DISTRIBUTOR) ? by.distributorId() : null;
            employeeId = by.has(Role.DISTRIBUTOR) ? null : by.employeeId();
            requester = by.has(Role.DISTRIBUTOR)
                    ? new Requester(RequesterKind.DISTRIBUTOR_CONTACT, null, by.displayName(), null, null)
                    : by.has(Role.EMPLOYEE)
                            ? new Requester(RequesterKind.EMPLOYEE, by.employeeId(), by.displayName(), null, null)
                            : new Requester(
                                    RequesterKind.FAMILY_MEMBER, by.familyMemberId(), by.displayName(), null, null);
        } else {
            if (command.distributorId() != null
                    && names.distributorTier(command.distributorId()).isEmpty()) {
                throw new InvalidTicketInput("tickets.error.unknownDistributor", command.distributorId());
            }
            if (command.employeeId() != null && !names.employeeExists(command.employeeId())) {
                throw new InvalidTicketInput("tickets.error.unknownEmployee", command.employeeId());
            }
            distributorId = command.distributorId();
            employeeId = command.employeeId();
            if (requester == null || requester.kind() == null) {
                requester = by.has(Role.FRONTLINE)
                        ? new Requester(RequesterKind.FRONTLINE_REP, by.id(), by.displayName(), null, null)
                        : new Requester(
                                RequesterKind.UNKNOWN_CALLER,
                                null,
                                requester == null ? null : requester.name(),
                                requester == null ? null : requester.phone(),
                                requester == null ? null : requester.email());
            }
        }
        requester = new Requester(
                requester.kind(),
                requester.ref(),
                blankToNull(requester.name()),
                blankToNull(requester.phone()),
                blankToNull(requester.email()));
        Long departmentId = null;
        String assigneeName = null;
        if (TicketScope.isStaff(by)) {
            if (command.departmentId() != null) {
                departmentId = names.department(command.departmentId())
                        .map(name -> command.departmentId())
                        .orElseThrow(() ->
                                new InvalidTicketInput("tickets.error.unknownDepartment", command.departmentId()));
            }
            if (command.assigneeId() != null) {
                assigneeName = names.staffUser(command.assigneeId())
                        .orElseThrow(
                                () -> new InvalidTicketInput("tickets.error.unknownAssignee", command.assigneeId()));
            }
        }
        TicketEntity.Author author = new TicketEntity.Author(by.id(), by.displayName());
        TicketEntity ticket = TicketEntity.open(
                new TicketEntity.Opening(
                        key,
                        command.desk(),
                        type,
                        command.channel(),
                        priority,
                        command.subject().strip(),
                        command.description(),
                        blankToNull(command.refs().orderNo()),
                        blankToNull(command.refs().shipmentNo()),
                        blankToNull(command.refs().invoiceNo()),
                        blankToNull(command.refs().employeeNo()),
                        tags,
                        command.confidential(),
                        skill,
                        by.id(),
                        distributorId,
                        employeeId,
                        requester,
                        segmentOf(type, distributorId),
                        departmentId,
                        topic,
                        command.callbackPromise()),
                clocks,
                author,
                now);
        if (assigneeName != null) {
            ticket.assignTo(command.assigneeId(), assigneeName, author, now);
        }
        return tickets.saveAndFlush(ticket);
    }

    /** An HR ticket's topic (from its type when none was chosen); a topic on another desk is refused. */
    private static HrTopic topicOf(OpenTicket command) {
        if (command.desk() != Desk.HR) {
            if (command.topic() != null) {
                throw new InvalidTicketInput("tickets.error.topicOnlyHr");
            }
            return null;
        }
        return command.topic() != null ? command.topic() : HrTopic.of(command.type());
    }

    private Segment segmentOf(TicketType type, Long distributorId) {
        if (type == TicketType.HARDSHIP) {
            return Segment.VULNERABLE;
        }
        if (distributorId != null) {
            return names.distributorTier(distributorId)
                    .map(tier -> switch (tier) {
                        case "VIP" -> Segment.VIP;
                        case "KEY" -> Segment.KEY;
                        case "SPECIAL" -> Segment.SPECIAL;
                        default -> Segment.GENERAL;
                    })
                    .orElse(Segment.GENERAL);
        }
        return Segment.GENERAL;
    }

    private static Set<String> tags(Set<String> given) {
        Set<String> tags = new LinkedHashSet<>();
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

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
