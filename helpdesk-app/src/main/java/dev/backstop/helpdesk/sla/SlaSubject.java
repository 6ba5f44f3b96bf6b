package dev.backstop.helpdesk.sla;

/**
 * What an SLA policy is chosen by, as upper-case codes (the ticket module's desk, type and priority, and the
 * requester's segment: VIP, KEY, SPECIAL, VULNERABLE or GENERAL, and an HR ticket's topic). Strings keep this module free of the
 * ticket module, which depends on it.
 */
public record SlaSubject(String desk, String type, String priority, String segment, String topic) {

    /** A subject without a topic (every desk but HR). */
    public SlaSubject(String desk, String type, String priority, String segment) {
        this(desk, type, priority, segment, null);
    }
}
