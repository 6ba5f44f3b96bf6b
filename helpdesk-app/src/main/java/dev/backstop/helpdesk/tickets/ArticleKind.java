package dev.backstop.helpdesk.tickets;

/** Entries of a ticket's timeline. */
public enum ArticleKind {
    CREATED,
    PUBLIC_REPLY,
    INTERNAL_NOTE,
    CALL,
    STATE_CHANGE,
    TRANSFER,
    ASSIGNMENT,
    SLA_ESCALATION,
    BACK_OFFICE_ANSWER,
    CALLBACK,
    SURVEY_ANSWER
}
