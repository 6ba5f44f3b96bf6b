package dev.backstop.helpdesk.hr;

import dev.backstop.helpdesk.shared.BackstopException;

/** An HR agent asked for the full figures without being assigned to an open HR ticket of that employee, or without a reason. */
public class UnmaskRefused extends BackstopException {

    public UnmaskRefused(String code) {
        super(403, code);
    }
}
