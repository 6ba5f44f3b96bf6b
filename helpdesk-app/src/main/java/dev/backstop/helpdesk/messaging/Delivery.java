package dev.backstop.helpdesk.messaging;

/** What became of one message: sent, skipped (channel not configured or no address), or failed (with why). */
public record Delivery(Status status, String detail) {

    public enum Status {
        SENT,
        SKIPPED,
        FAILED
    }

    static Delivery sent() {
        return new Delivery(Status.SENT, null);
    }

    static Delivery skipped(String why) {
        return new Delivery(Status.SKIPPED, why);
    }

    static Delivery failed(String why) {
        return new Delivery(Status.FAILED, why);
    }
}
