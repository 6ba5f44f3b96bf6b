package dev.backstop.helpdesk.knowledge;

/** Only ACTIVE templates are offered in the ticket composer; ARCHIVED ones stay with their history. */
public enum TemplateState {
    ACTIVE,
    ARCHIVED
}
