package dev.backstop.helpdesk.identity;

/**
 * Whether an agent can take work now. Only AVAILABLE agents get tickets from "next" or push assignment. ON_CALL and
 * AFTER_CALL_WORK follow the phone (the {@code calls} module sets them from the call records: on call while a call is
 * answered, after-call work for a set time after the hang-up, then available again).
 */
public enum Presence {
    AVAILABLE,
    BUSY,
    AWAY,
    OFFLINE,
    ON_CALL,
    AFTER_CALL_WORK;

    /** Set by the phone, not chosen by the agent. */
    public boolean followsThePhone() {
        return this == ON_CALL || this == AFTER_CALL_WORK;
    }
}
