package dev.backstop.helpdesk.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The supervisors' figures of the front line and the expert desk over the last {@code days} days.
 *
 * <ul>
 *   <li><b>Front-line contacts</b>: channel and HR tickets resolved in the period, escalations asked from a search (no
 *   ticket of their own), and questions a rep answered from the knowledge base ("this answered it" in the workspace).</li>
 *   <li><b>First-contact resolution</b>: of those, the tickets resolved without an escalation plus the questions answered
 *   from the knowledge base.</li>
 *   <li><b>Escalation rate</b>: escalations to the expert desk per front-line contact.</li>
 *   <li><b>Expert time to answer</b>: from the escalation to the expert's first answer (wall-clock time).</li>
 * </ul>
 */
public interface KnowledgeFigures {

    Figures figures(int days);

    record Figures(
            Instant from,
            Instant to,
            long contacts,
            long resolvedAtFirstContact,
            long escalations,
            long escalationsFromSearch,
            double firstContactResolution,
            double escalationRate,
            long answered,
            long unanswered,
            Duration medianTimeToAnswer,
            Duration p90TimeToAnswer,
            Duration oldestUnanswered,
            long escalationsWithoutArticle,
            long articlesFromTickets,
            long articlesFromTicketsPublished,
            long articleReads,
            long ticketLinks,
            Map<String, Long> deflectionsByContext,
            long searches,
            long searchesWithoutResult,
            List<ReusedArticle> mostReused) {}

    /** An article's reuse in the period: staff reads, "this answered it", links to tickets. */
    record ReusedArticle(long id, String title, long reads, long deflections, long ticketLinks) {

        public long total() {
            return reads + deflections + ticketLinks;
        }
    }
}
