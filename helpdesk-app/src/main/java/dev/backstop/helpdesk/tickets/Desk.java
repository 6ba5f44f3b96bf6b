package dev.backstop.helpdesk.tickets;

/** The three desks of the call center; each numbers its tickets with its own key prefix. */
public enum Desk {
    CHANNEL("CH"),
    EXPERT("EX"),
    HR("HR");

    private final String keyPrefix;

    Desk(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public String keyPrefix() {
        return keyPrefix;
    }
}
