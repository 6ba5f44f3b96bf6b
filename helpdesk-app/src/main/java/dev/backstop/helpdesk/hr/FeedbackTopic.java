package dev.backstop.helpdesk.hr;

/** What feedback about a branch is about (one column of branch oversight). */
public enum FeedbackTopic {
    MANAGEMENT,
    WORKLOAD,
    PAY_BENEFITS,
    CONDUCT,
    SAFETY,
    FACILITIES,
    SUGGESTION,
    OTHER
}
