package dev.backstop.helpdesk.identity;

/** Whether an agent can take work now. Only AVAILABLE agents get tickets from "next" or push assignment. */
public enum Presence {
    AVAILABLE,
    BUSY,
    AWAY,
    OFFLINE
}
