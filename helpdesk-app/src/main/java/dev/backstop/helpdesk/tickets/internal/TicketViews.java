package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.ArticleKind;
import dev.backstop.helpdesk.tickets.AttachmentInfo;
import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.ComplaintLoop;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.TicketClocks;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketSummary;
import dev.backstop.helpdesk.tickets.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/** Turns the aggregate into the records the pages and the API show; portal users never see internal articles. */
@Component
class TicketViews {

    private final Names names;
    private final Attachments attachments;
    private final TicketClocks clocks;
    private final Clock clock;

    TicketViews(Names names, Attachments attachments, TicketClocks clocks, Clock clock) {
        this.names = names;
        this.attachments = attachments;
        this.clocks = clocks;
        this.clock = clock;
    }

    TicketDetails details(TicketEntity t, CurrentUser viewer) {
        boolean showInternal = TicketScope.isStaff(viewer);
        Set<Long> portalAuthors = names.portalUsers(t.articles().stream()
                .filter(a -> a.kind == ArticleKind.PUBLIC_REPLY || a.kind == ArticleKind.CREATED)
                .map(a -> a.authorId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        var timeline = t.articles().stream()
                .filter(a -> showInternal || shownToRequester(a))
                .map(a -> new TimelineEntry(
                        a.id == null ? 0 : a.id,
                        a.kind,
                        a.internal,
                        a.body,
                        a.fromState,
                        a.toState,
                        a.fromDesk,
                        a.toDesk,
                        a.satisfaction,
                        a.authorName,
                        showInternal ? a.authorId : null,
                        fromRequester(t, a, portalAuthors),
                        a.createdAt))
                .toList();
        var files = attachments.findByTicketIdOrderByIdAsc(t.id());
        Map<Long, String> uploaders = names.users(
                files.stream().map(f -> f.uploadedBy).filter(Objects::nonNull).collect(Collectors.toSet()));
        return new TicketDetails(
                t.id(),
                t.key(),
                t.desk(),
                t.type(),
                t.channel(),
                t.priority(),
                t.state(),
                new Requester(
                        t.requesterKind(), t.requesterRef(), t.requesterName(), t.requesterPhone(), t.requesterEmail()),
                t.distributorId(),
                t.employeeId(),
                t.subject(),
                t.description(),
                new BusinessRefs(t.orderNo(), t.shipmentNo(), t.invoiceNo(), t.employeeNo()),
                showInternal ? t.assigneeId() : null,
                names.user(t.assigneeId()).orElse(null),
                showInternal ? t.departmentId() : null,
                showInternal ? names.department(t.departmentId()).orElse(null) : null,
                showInternal ? new TreeSet<>(t.tags()) : new TreeSet<>(),
                t.confidential(),
                t.createdAt(),
                t.updatedAt(),
                t.resolvedAt(),
                t.closedAt(),
                t.version(),
                showInternal ? t.segment() : null,
                showInternal ? t.slaView(clocks, clock.instant()) : null,
                !showInternal || t.backOfficeDue() == null && t.callbackDue() == null && t.satisfaction() == null
                        ? null
                        : new ComplaintLoop(
                                t.backOfficeDue(),
                                t.backOfficeAnsweredAt(),
                                t.callbackDue(),
                                t.callbackDoneAt(),
                                t.satisfaction()),
                timeline,
                files.stream()
                        .map(f -> attachment(f, uploaders.get(f.uploadedBy)))
                        .toList(),
                t.confidentialCase(),
                t.hrTopic(),
                t.callbackPromise());
    }

    /**
     * What a requester reads of the timeline: what they and the desk said to each other (and their own survey
     * answer), never internal notes, calls, state changes, assignments, transfers between desks or departments,
     * back-office answers or SLA escalations — also where one of these was not stored as internal.
     */
    private static boolean shownToRequester(ArticleEntity a) {
        if (a.internal) {
            return false;
        }
        return switch (a.kind) {
            case CREATED, PUBLIC_REPLY, SURVEY_ANSWER -> true;
            default -> false;
        };
    }

    /** The rep who asked (an expert-desk ticket) or a portal user wrote it, not the staff working the ticket. */
    private static boolean fromRequester(TicketEntity t, ArticleEntity a, Set<Long> portalAuthors) {
        if (a.authorId == null) {
            return false;
        }
        return portalAuthors.contains(a.authorId)
                || (t.requesterKind() == RequesterKind.FRONTLINE_REP && a.authorId.equals(t.requesterRef()));
    }

    Page<TicketSummary> summaries(Page<TicketEntity> page) {
        return summaries(page, true);
    }

    /** A requester's list carries no priority-driving internals: no segment, no SLA status or due time. */
    Page<TicketSummary> summaries(Page<TicketEntity> page, CurrentUser viewer) {
        return summaries(page, TicketScope.isStaff(viewer));
    }

    private Page<TicketSummary> summaries(Page<TicketEntity> page, boolean staff) {
        Set<Long> assignees = new HashSet<>();
        page.forEach(t -> {
            if (t.assigneeId() != null) {
                assignees.add(t.assigneeId());
            }
        });
        Map<Long, String> assigneeNames = names.users(assignees);
        Instant now = clock.instant();
        return page.map(t -> new TicketSummary(
                t.id(),
                t.key(),
                t.desk(),
                t.type(),
                t.channel(),
                t.priority(),
                t.state(),
                t.subject(),
                t.requesterName(),
                assigneeNames.get(t.assigneeId()),
                t.confidential(),
                t.createdAt(),
                t.updatedAt(),
                staff ? t.segment() : null,
                staff ? t.sla().status(now) : null,
                staff ? t.sla().activeDue() : null,
                t.hrTopic(),
                t.callbackPromise()));
    }

    AttachmentInfo attachment(AttachmentEntity a, String uploadedBy) {
        return new AttachmentInfo(a.id, a.fileName, a.contentType, a.sizeBytes, uploadedBy, a.createdAt);
    }
}
