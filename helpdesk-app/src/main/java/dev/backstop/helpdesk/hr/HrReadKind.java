package dev.backstop.helpdesk.hr;

/** What kind of HR record was read (a row of the access log). */
public enum HrReadKind {
    PAYSLIP,
    BENEFIT,
    LEAVE,
    CONFIDENTIAL_CASE,
    EXPORT
}
