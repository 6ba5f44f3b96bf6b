package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.internal.AccessLog;
import dev.backstop.helpdesk.hr.internal.HrDesk;
import dev.backstop.helpdesk.hr.internal.HrRecords;
import dev.backstop.helpdesk.hr.internal.PayslipQuestions;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.RequestLocales;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HR desk's API: the employee's (or a delegated family member's) own pay, benefits, leave and access log, and the
 * HR staff's view of a payslip (masked or full by role). Payroll URLs answer 404 to whoever may not read them.
 */
@RestController
@Tag(name = "hr")
class HrApi {

    private final HrDesk desk;
    private final PayslipQuestions questions;

    HrApi(HrDesk desk, PayslipQuestions questions) {
        this.desk = desk;
        this.questions = questions;
    }

    @GetMapping("/api/v1/me/payslips")
    @Operation(
            summary = "The calling employee's payslips, newest first (a family member: only with a payslip delegation)")
    List<HrDesk.PayslipSummary> payslips(CurrentUser user, HttpServletRequest request) {
        return desk.ownPayslips(user, Periods.origin(request));
    }

    @GetMapping("/api/v1/me/payslips/{period}")
    @Operation(summary = "One payslip (period yyyy-MM) with its items")
    HrDesk.Payslip payslip(@PathVariable String period, CurrentUser user, HttpServletRequest request) {
        return desk.ownPayslip(user, Periods.parse(period), RequestLocales.of(request), Periods.origin(request));
    }

    record Question(String itemCode, String question) {}

    record Asked(long ticketId, String ticketKey) {}

    @PostMapping("/api/v1/me/payslips/{period}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask HR about one line of a payslip: opens an HR ticket referring to the period and item code")
    Asked ask(@PathVariable String period, @RequestBody Question body, CurrentUser user, HttpServletRequest request) {
        var ticket = questions.ask(
                user, Periods.parse(period), body.itemCode(), body.question(), RequestLocales.of(request));
        return new Asked(ticket.id(), ticket.key());
    }

    @GetMapping("/api/v1/me/benefits")
    @Operation(
            summary =
                    "The calling employee's benefit enrolments: social insurance, housing fund, supplementary insurance")
    List<HrRecords.Benefit> benefits(CurrentUser user, HttpServletRequest request) {
        return desk.ownBenefits(user, Periods.origin(request));
    }

    @GetMapping("/api/v1/me/leave")
    @Operation(summary = "The calling employee's leave balances: entitled, used and left days per type and year")
    List<HrRecords.Leave> leave(CurrentUser user, HttpServletRequest request) {
        return desk.ownLeave(user, Periods.origin(request));
    }

    record AccessEntry(Instant at, String who, String role, String what, String why) {}

    @GetMapping("/api/v1/me/access-log")
    @Operation(summary = "Who else read the calling employee's pay, benefits and leave: name, role, what, when, why")
    List<AccessEntry> accessLog(CurrentUser user) {
        return desk.accessLog(user).stream().map(AccessApiMapping::entry).toList();
    }

    @GetMapping("/api/v1/hr/employees/{employeeNo}/payslips/{period}")
    @Operation(
            summary =
                    "HR staff: one employee's payslip; masked for HR agents unless assigned to an open HR ticket of the "
                            + "employee and stating a reason; full for payroll staff. Every read is recorded and shown to the employee")
    HrDesk.Payslip staffPayslip(
            @PathVariable String employeeNo,
            @PathVariable String period,
            @RequestParam(required = false) String reason,
            CurrentUser user,
            HttpServletRequest request) {
        return desk.staffPayslip(
                user, employeeNo, Periods.parse(period), reason, RequestLocales.of(request), Periods.origin(request));
    }

    /** The API's access-log entry: the contract's five fields. */
    static final class AccessApiMapping {

        private AccessApiMapping() {}

        static AccessEntry entry(AccessLog.Entry e) {
            return new AccessEntry(e.at(), e.who(), e.role(), e.what(), e.why());
        }
    }
}
