package dev.backstop.helpdesk.calls;

import dev.backstop.helpdesk.identity.CurrentUser;

/** Turns the phone system's reports of missed calls into callback tasks in the desks' queues. */
public interface MissedCalls {

    /** Records the call and returns its callback task; {@link CallRefused} for a report that cannot be taken. */
    CallbackTask report(ReportedCall call, CurrentUser by);
}
