package dev.backstop.helpdesk.surveys;

import dev.backstop.helpdesk.shared.BackstopException;

/** A survey answer that cannot be taken: unknown or expired link (404), already answered (409), bad rating (400). */
public class SurveyRefused extends BackstopException {

    private SurveyRefused(int status, String code, Object... arguments) {
        super(status, code, arguments);
    }

    public static SurveyRefused unknown() {
        return new SurveyRefused(404, "tickets.survey.unknown");
    }

    public static SurveyRefused answered() {
        return new SurveyRefused(409, "tickets.survey.answered");
    }

    public static SurveyRefused badRating(int rating) {
        return new SurveyRefused(400, "tickets.survey.badRating", rating);
    }
}
