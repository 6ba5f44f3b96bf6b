package dev.backstop.helpdesk.outreach;

/** The language a recipient gets: that of their account's locale when known, else both (Chinese first). */
public enum MessageLanguage {
    ZH,
    EN,
    BOTH
}
