package dev.backstop.helpdesk.tickets;

/** The kind of party a ticket is raised for. */
public enum RequesterKind {
    DISTRIBUTOR_CONTACT,
    EMPLOYEE,
    FAMILY_MEMBER,
    FRONTLINE_REP,
    UNKNOWN_CALLER
}
