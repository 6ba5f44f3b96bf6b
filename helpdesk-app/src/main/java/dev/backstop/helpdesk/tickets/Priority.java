package dev.backstop.helpdesk.tickets;

public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
