package dev.backstop.helpdesk.shared;

import java.util.List;

/**
 * A failure a person can understand: it carries a message code (resolved against the message bundles
 * in the user's language), its arguments and the HTTP status it maps to. The web layer turns every
 * one of these into an RFC 9457 problem detail or a page message; nothing else is needed per type.
 */
public abstract class BackstopException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Object> arguments;

    protected BackstopException(int status, String code, Object... arguments) {
        super(code + " " + List.of(arguments));
        this.status = status;
        this.code = code;
        this.arguments =
                java.util.Arrays.stream(arguments).map(BackstopException::plain).toList();
    }

    /**
     * Whole numbers are ids, keys and counts here: shown as written ("工单 99999"), never as MessageFormat's grouped
     * number ("99,999"), which reads as another id and cannot be pasted back into a search.
     */
    private static Object plain(Object argument) {
        return argument instanceof Long || argument instanceof Integer || argument instanceof Short
                ? String.valueOf(argument)
                : argument;
    }

    /** HTTP status: 400, 404, 409, 413, 415 ... */
    public int status() {
        return status;
    }

    /** Message key, e.g. {@code tickets.error.notFound}. */
    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
