package dev.backstop.helpdesk.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything shown on a ticket's page. Internal notes are left out of {@code timeline} for portal users.
 *
 * @param version optimistic-lock version; send it back with a change to detect a concurrent edit
 * @param confidentialCase a confidential case (harassment, disputes): seen only by its assignee, HR leads and its
 *                         requester
 * @param topic what an HR ticket is about (null on other desks)
 * @param callbackPromise when and how the requester asked to be called back, in their own words (null: none)
 */
public record TicketDetails(
        long id,
        String key,
        Desk desk,
        TicketType type,
        Channel channel,
        Priority priority,
        TicketState state,
        Requester requester,
        Long distributorId,
        Long employeeId,
        String subject,
        String description,
        BusinessRefs refs,
        Long assigneeId,
        String assigneeName,
        Long departmentId,
        String departmentName,
        Set<String> tags,
        boolean confidential,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        Instant closedAt,
        long version,
        Segment segment,
        TicketSla sla,
        ComplaintLoop loop,
        List<TimelineEntry> timeline,
        List<AttachmentInfo> attachments,
        boolean confidentialCase,
        HrTopic topic,
        String callbackPromise) {

    /** The states this ticket may move to next (for buttons and validation messages). */
    public Set<TicketState> nextStates() {
        return state.next();
    }
}
