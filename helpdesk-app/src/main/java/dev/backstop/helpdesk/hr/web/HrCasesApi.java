package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.internal.CallerVerification;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Issue 15 hr-cases: the HR lead's confidential cases and the verification of callers, over the API. */
@RestController
@Tag(name = "hr")
class HrCasesApi {

    private final TicketManagement tickets;
    private final CallerVerification verification;

    HrCasesApi(TicketManagement tickets, CallerVerification verification) {
        this.tickets = tickets;
        this.verification = verification;
    }

    @GetMapping("/api/v1/hr/tickets/{ticketId}/verification")
    @Operation(
            summary = "Whether the caller of an HR ticket must be verified (phone), is verified, or verification is "
                    + "locked for the employee")
    CallerVerification.Status verification(@PathVariable long ticketId, CurrentUser user) {
        return verification.status(ticketId, user);
    }

    /** What the caller said: their employee number and the second factor (last 4 of the ID number, or the PIN). */
    record VerificationAttempt(String employeeNo, CallerVerification.Factor factor, String answer) {}

    @PostMapping("/api/v1/hr/tickets/{ticketId}/verification")
    @Operation(
            summary = "Verify the caller of an HR ticket: the outcome is recorded on the ticket; 5 failures on one "
                    + "employee within an hour lock verification (423) and notify HR leads")
    CallerVerification.Status verify(
            @PathVariable long ticketId, @RequestBody VerificationAttempt body, CurrentUser user) {
        return verification.verify(ticketId, body.employeeNo(), body.factor(), body.answer(), user);
    }

    /** {@code confidentialCase}: true makes the ticket a confidential case (the default), false lifts it. */
    record ConfidentialCaseChange(Boolean confidentialCase, String reason, Long version) {}

    @PostMapping("/api/v1/hr/tickets/{ticketId}/confidential-case")
    @Operation(
            summary = "An HR lead makes an HR ticket a confidential case (only its assignee and HR leads see it), or "
                    + "lifts that, with a reason kept on the timeline")
    TicketDetails confidentialCase(
            @PathVariable long ticketId, @RequestBody ConfidentialCaseChange body, CurrentUser user) {
        return tickets.markConfidentialCase(
                ticketId, !Boolean.FALSE.equals(body.confidentialCase()), body.reason(), body.version(), user);
    }
}
