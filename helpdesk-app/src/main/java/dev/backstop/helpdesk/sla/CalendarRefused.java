package dev.backstop.helpdesk.sla;

import dev.backstop.helpdesk.shared.BackstopException;

/** An admin's calendar edit that cannot be made: an unknown calendar or day (404), hours that make no sense (400). */
public class CalendarRefused extends BackstopException {

    public CalendarRefused(int status, String code, Object... arguments) {
        super(status, code, arguments);
    }
}
