package dev.backstop.helpdesk.tickets;

public enum TicketType {
    INQUIRY,
    SERVICE_REQUEST,
    FAULT_REPORT,
    COMPLAINT,
    FEEDBACK,
    HARDSHIP,
    OUTREACH,
    CALLBACK
}
