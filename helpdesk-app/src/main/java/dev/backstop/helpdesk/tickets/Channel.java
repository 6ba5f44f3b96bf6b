package dev.backstop.helpdesk.tickets;

/** How a ticket reached the desk. */
public enum Channel {
    PHONE,
    EMAIL,
    SMS,
    WEB_FORM,
    PORTAL,
    WALK_IN
}
