package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.shared.BackstopException;

/** The PBX did not take the click-to-dial (refused, unreachable, too slow): 502, the call is logged as failed. */
class DialFailed extends BackstopException {

    DialFailed(String pbx) {
        super(502, "calls.error.dialFailed", pbx);
    }
}
