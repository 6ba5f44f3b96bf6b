package dev.backstop.helpdesk.tickets;

/** Who the requester is, for SLA and routing: the distributor's tier, or a vulnerable employee's hardship case. */
public enum Segment {
    VIP,
    KEY,
    SPECIAL,
    VULNERABLE,
    GENERAL
}
