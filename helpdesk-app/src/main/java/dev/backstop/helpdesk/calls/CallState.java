package dev.backstop.helpdesk.calls;

/**
 * Where a call stands. RINGING → ANSWERED → ENDED, or RINGING → ABANDONED (the caller hung up waiting) / MISSED (nobody
 * answered: busy, no answer, not reachable). The state is derived from what the PBX reported, and what it reported is
 * only ever added to, so a late or repeated event never moves a call backwards.
 */
public enum CallState {
    RINGING,
    ANSWERED,
    ENDED,
    ABANDONED,
    MISSED;

    public boolean isFinal() {
        return this == ENDED || this == ABANDONED || this == MISSED;
    }
}
