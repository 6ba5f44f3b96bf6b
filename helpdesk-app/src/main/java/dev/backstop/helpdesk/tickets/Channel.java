package dev.backstop.helpdesk.tickets;

/** How a ticket reached the desk. */
public enum Channel {
    PHONE,
    EMAIL,
    SMS,
    WEB_FORM,
    PORTAL,
    WALK_IN,
    /** Web chat (issue 17): the ticket is the chat's place in the queue and keeps its transcript. */
    CHAT
}
