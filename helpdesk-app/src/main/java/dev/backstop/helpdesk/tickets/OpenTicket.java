package dev.backstop.helpdesk.tickets;

import java.util.Set;

/**
 * What it takes to open a ticket. For a portal user (distributor, employee, family) the requester,
 * distributor and employee are taken from the user's own binding and whatever is given here is ignored.
 *
 * @param requester     may be null when a portal user opens a ticket for themselves
 * @param distributorId the distributor account the ticket belongs to (channel desk), may be null
 * @param employeeId    the employee the ticket concerns (HR desk), may be null
 * @param priority      null means {@link Priority#NORMAL}
 * @param assigneeId    optional user to assign at once
 * @param departmentId  optional back-office department
 */
public record OpenTicket(
        Desk desk,
        TicketType type,
        Channel channel,
        Priority priority,
        Requester requester,
        Long distributorId,
        Long employeeId,
        String subject,
        String description,
        BusinessRefs refs,
        Set<String> tags,
        boolean confidential,
        Long assigneeId,
        Long departmentId) {

    public OpenTicket {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        refs = refs == null ? BusinessRefs.none() : refs;
    }
}
