package dev.backstop.helpdesk.sla;

/**
 * What an SLA policy is chosen by, as upper-case codes (the ticket module's desk, type and priority, and the
 * requester's segment: VIP, KEY, SPECIAL, VULNERABLE or GENERAL). Strings keep this module free of the
 * ticket module, which depends on it.
 */
public record SlaSubject(String desk, String type, String priority, String segment) {}
