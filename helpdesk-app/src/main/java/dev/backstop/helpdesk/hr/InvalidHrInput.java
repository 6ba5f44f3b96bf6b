package dev.backstop.helpdesk.hr;

import dev.backstop.helpdesk.shared.BackstopException;

/** Bad input to the HR desk (a period that is not {@code yyyy-MM}, an empty question …): 400 with a localized message. */
public class InvalidHrInput extends BackstopException {

    public InvalidHrInput(String code, Object... arguments) {
        super(400, code, arguments);
    }
}
