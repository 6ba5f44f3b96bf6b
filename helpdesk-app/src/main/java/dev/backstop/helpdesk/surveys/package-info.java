/**
 * Satisfaction surveys after a ticket is resolved. Listens to {@code tickets}' {@code TicketStateChanged} after the
 * commit ({@code @ApplicationModuleListener}: a mail or SMS must not be lost, and must not hold the request's
 * connection): a ticket other than a complaint (complaints have their callback) sends one link per ticket, by e-mail
 * if the requester has an address, else SMS, through {@code messaging}. Only the token's SHA-256 is stored
 * ({@code ticket_surveys}); the public page {@code /survey/{token}} (no sign-in) records 1–5 and a comment once, as a
 * {@code SURVEY_ANSWER} entry on the ticket's timeline. {@code tickets} knows nothing of this module.
 */
package dev.backstop.helpdesk.surveys;
