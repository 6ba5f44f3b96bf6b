package dev.backstop.helpdesk.outreach;

/** How a campaign's messages go out. */
public enum OutreachChannel {
    EMAIL,
    SMS
}
