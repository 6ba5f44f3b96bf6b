package dev.backstop.helpdesk.hr;

import dev.backstop.helpdesk.shared.BackstopException;

/** Caller verification for this employee is locked after too many failed attempts within the hour: 423. */
public class VerificationLocked extends BackstopException {

    public VerificationLocked(String employeeNo, String until) {
        super(423, "hr.verification.locked", employeeNo, until);
    }
}
