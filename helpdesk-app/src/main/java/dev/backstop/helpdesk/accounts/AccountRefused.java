package dev.backstop.helpdesk.accounts;

import dev.backstop.helpdesk.shared.BackstopException;

/** An account operation refused with a message the person can act on (unknown user, weak password, used link). */
public class AccountRefused extends BackstopException {

    public AccountRefused(int status, String code, Object... arguments) {
        super(status, code, arguments);
    }
}
