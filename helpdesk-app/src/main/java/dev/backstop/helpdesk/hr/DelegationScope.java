package dev.backstop.helpdesk.hr;

/** What an employee lets a family member do: follow and reply on HR tickets, see leave and benefits, see payslips. */
public enum DelegationScope {
    TICKETS,
    LEAVE_BENEFITS,
    PAYSLIPS
}
