package dev.backstop.helpdesk.calls;

import dev.backstop.helpdesk.shared.BackstopException;

/** No such call, or not one of the reader's desks (404 either way: a call id says nothing to whoever may not see it). */
public class CallNotFound extends BackstopException {

    public CallNotFound(String callId) {
        super(404, "calls.error.notFound", callId);
    }
}
