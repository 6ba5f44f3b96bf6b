package dev.backstop.helpdesk.hr;

import dev.backstop.helpdesk.shared.BackstopException;

/** Too much feedback from one sender today (the throttle stores nothing that identifies them): 429. */
public class FeedbackLimited extends BackstopException {

    public FeedbackLimited(int perDay) {
        super(429, "hr.feedback.error.limited", perDay);
    }
}
