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
 * @param skill         the skill the ticket needs (a queue's skill code such as {@code ORDERS}); null: the desk's general queue
 *                      (an HR ticket: its topic's skill)
 * @param topic         what an HR ticket is about (HR desk only); null: derived from the type ({@link HrTopic#of})
 * @param callbackPromise when and how the requester wants to be called back, in their own words (at most 500
 *                      characters); null: none
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
        Long departmentId,
        String skill,
        HrTopic topic,
        String callbackPromise) {

    public OpenTicket(
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
            Long departmentId,
            String skill) {
        this(
                desk,
                type,
                channel,
                priority,
                requester,
                distributorId,
                employeeId,
                subject,
                description,
                refs,
                tags,
                confidential,
                assigneeId,
                departmentId,
                skill,
                null,
                null);
    }

    public OpenTicket(
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
        this(
                desk,
                type,
                channel,
                priority,
                requester,
                distributorId,
                employeeId,
                subject,
                description,
                refs,
                tags,
                confidential,
                assigneeId,
                departmentId,
                null,
                null,
                null);
    }

    /** The same ticket about {@code topic} with the requester's call-back promise (HR desk). */
    public OpenTicket about(HrTopic topic, String callbackPromise) {
        return new OpenTicket(
                desk,
                type,
                channel,
                priority,
                requester,
                distributorId,
                employeeId,
                subject,
                description,
                refs,
                tags,
                confidential,
                assigneeId,
                departmentId,
                skill,
                topic,
                callbackPromise);
    }

    public OpenTicket {
        skill = skill == null || skill.isBlank() ? null : skill.strip().toUpperCase(java.util.Locale.ROOT);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        refs = refs == null ? BusinessRefs.none() : refs;
        callbackPromise = callbackPromise == null || callbackPromise.isBlank() ? null : callbackPromise.strip();
    }
}
