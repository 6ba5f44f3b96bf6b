package dev.backstop.helpdesk.knowledge;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.routing.QueueInfo;
import java.time.Instant;
import java.util.List;

/**
 * A rep who cannot find the answer asks the expert desk. The escalation is an EXPERT-desk ticket (its queue by skill,
 * its SLA, its replies: the tickets module) that carries the question, what the rep searched and which articles they
 * read; the knowledge base keeps that context, notices the expert's first answer, and lists escalations whose question
 * no article matched as knowledge gaps.
 */
public interface ExpertEscalations {

    /** The escalation form, prefilled from a search ({@code question}) or from a ticket the user may see. */
    Draft draft(CurrentUser rep, String question, Long sourceTicketId);

    /**
     * Opens the expert-desk ticket (requester: the rep) and records the escalation; a source ticket gets an internal
     * note naming the new ticket. {@code searches} / {@code articleIds} null: the rep's recent ones.
     */
    Escalation escalate(Request request, CurrentUser rep);

    /** The escalations of a ticket the viewer may see: as the expert ticket, or as the ticket it came from. */
    List<Escalation> ofTicket(long ticketId, CurrentUser viewer);

    /** Escalations of the last {@code days} days whose question matched no published article, newest first. */
    List<Escalation> unmatched(int days, CurrentUser viewer);

    /** The expert desk's queues with a skill (the topics to choose from besides "general"). */
    List<QueueInfo> skills();

    /** May escalate: the front line, channel and HR agents, supervisors, admins. */
    boolean mayEscalate(CurrentUser user);

    record Request(
            String question,
            String skill,
            String priority,
            Long sourceTicketId,
            List<String> searches,
            List<Long> articleIds) {}

    /** An article the rep read, by title. */
    record ArticleRef(long id, String title) {}

    /** What the form shows: the question, the rep's recent searches and reads, the expert queues' skills. */
    record Draft(
            String question,
            Long sourceTicketId,
            String sourceTicketKey,
            List<String> searches,
            List<ArticleRef> articles,
            List<QueueInfo> skills) {}

    /** {@code articles} are those of the read articles the viewer may see. */
    record Escalation(
            long id,
            long ticketId,
            String ticketKey,
            long repId,
            String repName,
            Long sourceTicketId,
            String sourceTicketKey,
            String question,
            List<String> searches,
            List<ArticleRef> articles,
            String skill,
            String priority,
            int hadAnswers,
            Instant escalatedAt,
            Instant answeredAt,
            String answeredByName) {}
}
