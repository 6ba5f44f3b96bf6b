package dev.backstop.helpdesk.outreach;

import java.time.Instant;

/**
 * What the public response page shows for a link: whom it was for, what it is about (the message's subject in each
 * language; the campaign's name for SMS) and, once answered, the ticket it opened.
 */
public record ResponseForm(
        String name, String titleZh, String titleEn, MessageLanguage language, Instant respondedAt, String ticketKey) {

    public boolean answered() {
        return respondedAt != null;
    }
}
