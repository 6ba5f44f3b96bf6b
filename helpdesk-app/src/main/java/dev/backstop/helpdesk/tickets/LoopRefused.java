package dev.backstop.helpdesk.tickets;

import dev.backstop.helpdesk.shared.BackstopException;

/**
 * A step of the complaint loop out of turn (409): resolving a complaint before a satisfied callback, or a
 * back-office answer for a ticket that is not waiting on the back office.
 */
public class LoopRefused extends BackstopException {

    private LoopRefused(String code, Object... arguments) {
        super(409, code, arguments);
    }

    public static LoopRefused callbackFirst(String key) {
        return new LoopRefused("tickets.error.callbackFirst", key);
    }

    public static LoopRefused departmentFirst(String key) {
        return new LoopRefused("tickets.error.departmentFirst", key);
    }

    public static LoopRefused notWithBackOffice(String key) {
        return new LoopRefused("tickets.error.notWithBackOffice", key);
    }
}
