package dev.backstop.helpdesk.tickets;

/** A staff member a ticket can be assigned to. */
public record Assignee(long id, String name) {}
