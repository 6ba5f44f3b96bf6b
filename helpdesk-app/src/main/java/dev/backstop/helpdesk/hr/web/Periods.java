package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.InvalidHrInput;
import jakarta.servlet.http.HttpServletRequest;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Pay periods in URLs ({@code 2026-11}) and the request's address for the access log. */
final class Periods {

    private Periods() {}

    static YearMonth parse(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            throw new InvalidHrInput("hr.error.period", text == null ? "" : text);
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidHrInput("hr.error.period", text);
        }
    }

    static dev.backstop.helpdesk.hr.internal.HrDesk.Origin origin(HttpServletRequest request) {
        return new dev.backstop.helpdesk.hr.internal.HrDesk.Origin(request.getRemoteAddr());
    }
}
