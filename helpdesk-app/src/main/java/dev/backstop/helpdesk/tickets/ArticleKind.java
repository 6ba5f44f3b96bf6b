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
    SURVEY_ANSWER,
    /** An HR lead made the ticket a confidential case (the reason is the body). */
    CONFIDENTIAL_CASE_SET,
    /** An HR lead lifted the confidential case (the reason is the body). */
    CONFIDENTIAL_CASE_LIFTED,
    /** The caller on the phone was verified as the employee (the body names the employee number). */
    CALLER_VERIFIED,
    /** A failed verification of the caller (the body names the employee number, never what was said). */
    CALLER_NOT_VERIFIED,
    /** An agent changed an HR ticket's topic (the body is the old and the new topic's codes, separated by a space). */
    TOPIC_CHANGED
}
