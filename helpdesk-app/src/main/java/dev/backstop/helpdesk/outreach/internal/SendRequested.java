package dev.backstop.helpdesk.outreach.internal;

/** Sending a campaign was asked for; the sender starts once that has committed instead of at its next scheduled pass. */
record SendRequested(long campaignId) {}
