package dev.backstop.helpdesk.surveys;

import java.util.Optional;

/**
 * Satisfaction surveys: when a ticket other than a complaint (complaints have their callback) is resolved, the
 * requester gets a link by e-mail or SMS; the answer (1–5 and a comment) lands on the ticket's timeline. The link
 * works once and expires.
 */
public interface TicketSurveys {

    record SurveyView(String ticketKey, String subject, boolean answered) {}

    /** The survey behind a link, if the token is valid and not expired (answered ones too, to say thanks). */
    Optional<SurveyView> find(String token);

    /** Records the answer; {@link SurveyRefused} when the link is unknown, expired, used, or the rating not 1–5. */
    void answer(String token, int rating, String comment);
}
