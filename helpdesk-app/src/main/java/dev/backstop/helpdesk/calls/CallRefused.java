package dev.backstop.helpdesk.calls;

import dev.backstop.helpdesk.shared.BackstopException;

/** A call report that cannot be taken (400), with the message code saying why. */
public class CallRefused extends BackstopException {

    public CallRefused(String code, Object... arguments) {
        super(400, code, arguments);
    }
}
