package dev.backstop.helpdesk.hr;

import dev.backstop.helpdesk.shared.BackstopException;

/**
 * The HR record does not exist, or the caller may not see it: 404 either way, so a family member without a delegation
 * (or anyone probing employee numbers) learns nothing about whether payroll data exists.
 */
public class HrRecordNotFound extends BackstopException {

    public HrRecordNotFound() {
        super(404, "hr.error.notFound");
    }
}
