package dev.backstop.helpdesk.tickets;

import dev.backstop.helpdesk.identity.CurrentUser;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;

/**
 * The tickets module's API: everything the desks, the portal and the REST API do with tickets.
 * <p>
 * Every method is scoped to what {@code by} may see, in the query: a ticket outside the caller's scope
 * is reported as {@link TicketNotFound} (404), never as "forbidden", so ids cannot be probed.
 * Methods taking {@code expectedVersion} refuse with {@link TicketChangedConcurrently} (409) when the
 * ticket changed since the caller read it; pass null to skip the check (append-only API clients).
 */
public interface TicketManagement {

    TicketDetails open(OpenTicket command, CurrentUser by);

    /** The desks this user may open tickets at (for forms). */
    Set<Desk> desksToOpen(CurrentUser by);

    Page<TicketSummary> list(TicketFilter filter, CurrentUser by);

    TicketDetails get(long ticketId, CurrentUser by);

    /**
     * One distributor account's tickets the caller may see, most recently changed first (at most {@code limit}):
     * only those still needing action when {@code activeOnly}.
     */
    List<TicketSummary> ofDistributor(long distributorId, boolean activeOnly, int limit, CurrentUser by);

    /** A public reply, visible to the requester; a portal user's reply reopens a pending-requester ticket. */
    TicketDetails reply(long ticketId, String body, Long expectedVersion, CurrentUser by);

    /**
     * What the requester wrote on another written channel (an e-mail answer) onto their ticket: a public article in
     * {@code requesterName}'s name, recorded by the channel's intake account {@code by} (staff in memory, without any
     * role in the database, so the timeline counts the article as the requester's). Like a portal user's reply it
     * reopens a ticket waiting for the requester or resolved.
     */
    TicketDetails receiveFromRequester(long ticketId, String body, String requesterName, CurrentUser by);

    /** An internal note, never shown to the requester. Staff only. */
    TicketDetails note(long ticketId, String body, Long expectedVersion, CurrentUser by);

    /** Records a phone call on the timeline. Staff only. */
    TicketDetails logCall(long ticketId, String summary, Long expectedVersion, CurrentUser by);

    /**
     * Assigns the ticket to one of its {@link #assignees} (null unassigns). Anyone else is refused with
     * {@link InvalidTicketInput} (400).
     */
    TicketDetails assign(long ticketId, Long assigneeId, Long expectedVersion, CurrentUser by);

    /**
     * The enabled staff who may work this ticket, by name: those serving its desk (for a confidential HR case only
     * payroll staff), back-office staff of the department it is forwarded to, and supervisors.
     */
    List<Assignee> assignees(long ticketId, CurrentUser by);

    TicketDetails transfer(long ticketId, Transfer transfer, Long expectedVersion, CurrentUser by);

    /**
     * The back office answers what was forwarded to its department: an internal answer, and the ticket returns to
     * the desk as a callback task. {@link LoopRefused} when the ticket is not waiting on the back office.
     */
    TicketDetails answerFromBackOffice(long ticketId, String body, Long expectedVersion, CurrentUser by);

    /**
     * Records the call back to the requester with its outcome and their satisfaction (1–5). A complaint can be
     * resolved only after a satisfied callback (3 or more); an unsatisfied one reopens it.
     */
    TicketDetails recordCallback(long ticketId, String outcome, int satisfaction, Long expectedVersion, CurrentUser by);

    /**
     * Moves the ticket through the state machine (open, pending, resolve, close, reopen). An illegal
     * transition is refused with {@link IllegalTicketTransition} (409).
     */
    TicketDetails changeState(long ticketId, TicketState target, String comment, Long expectedVersion, CurrentUser by);

    /** Refused with {@link AttachmentRejected} when too large or of a type not on the allow-list. */
    AttachmentInfo attach(
            long ticketId, String fileName, String contentType, long sizeBytes, InputStream content, CurrentUser by);

    AttachmentContent attachment(long ticketId, long attachmentId, CurrentUser by);

    /**
     * An HR lead makes an HR ticket about an employee a confidential case (harassment, disputes), or lifts that, with a
     * reason kept on the timeline. Anyone else: {@link TicketOperationNotAllowed} (403). From then on only its assignee,
     * HR leads and its requester see it; every read by staff is reported to {@link ConfidentialCaseReads}.
     */
    TicketDetails markConfidentialCase(
            long ticketId, boolean confidentialCase, String reason, Long expectedVersion, CurrentUser by);

    /**
     * Staff say what an HR ticket is about: its skill (queue) follows the topic, its SLA targets become those of the
     * topic's policy counted from its opening, and the change is on the timeline. Not an HR ticket, no topic or the
     * same topic: {@link InvalidTicketInput} (400).
     */
    TicketDetails changeTopic(long ticketId, HrTopic topic, Long expectedVersion, CurrentUser by);

    /**
     * Records on the timeline that the caller on the phone was (or was not) verified as the employee: {@code detail}
     * names the employee, never the factor said. Staff only.
     */
    TicketDetails recordCallerVerification(long ticketId, boolean verified, String detail, CurrentUser by);
}
