package dev.backstop.helpdesk.outreach;

/** DRAFT (editable, previewed) → SENDING (in the background) → SENT; DRAFT or SENDING → CANCELLED. */
public enum CampaignState {
    DRAFT,
    SENDING,
    SENT,
    CANCELLED
}
