package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.hr.UnmaskRefused;
import dev.backstop.helpdesk.hr.internal.CallerVerification;
import dev.backstop.helpdesk.hr.internal.HrDesk;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.shared.RequestLocales;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The HR agent's side: the employee panel the HR ticket page loads beside the ticket, and one payslip (masked or full by
 * role; an assigned HR agent unmasks with a reason, which is recorded and shown to the employee).
 */
@Controller
@RequestMapping("/workspace/hr")
class HrWorkspacePages {

    private final HrDesk desk;
    private final TicketManagement tickets;
    private final CallerVerification verification;
    private final DeskTime deskTime;

    HrWorkspacePages(HrDesk desk, TicketManagement tickets, CallerVerification verification, DeskTime deskTime) {
        this.desk = desk;
        this.tickets = tickets;
        this.verification = verification;
        this.deskTime = deskTime;
    }

    @GetMapping("/tickets/{ticketId}/employee")
    String panel(@PathVariable long ticketId, CurrentUser user, HttpServletRequest request, Model model) {
        if (!user.hasAny(Role.HR_AGENT, Role.HR_PAYROLL, Role.HR_LEAD)) {
            throw new HrRecordNotFound();
        }
        TicketDetails ticket = tickets.get(ticketId, user);
        if (ticket.desk() != Desk.HR || ticket.employeeId() == null) {
            throw new HrRecordNotFound();
        }
        model.addAttribute("ticket", ticket);
        CallerVerification.Status status = verification.status(ticketId, user);
        if (!status.open()) {
            // a phone ticket: nothing personal until the caller is verified (issue 15 hr-cases)
            model.addAttribute("verification", status);
            model.addAttribute(
                    "lockedUntil", status.lockedUntil() == null ? "" : deskTime.minute(status.lockedUntil()));
            return "hr/verification :: form";
        }
        model.addAttribute("panel", desk.panel(user, ticket.employeeId(), Periods.origin(request)));
        return "hr/employee-panel :: panel";
    }

    @GetMapping("/employees/{employeeNo}/payslips/{period}")
    String payslip(
            @PathVariable String employeeNo,
            @PathVariable String period,
            @RequestParam(required = false) String reason,
            CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var yearMonth = Periods.parse(period);
        HrDesk.Payslip payslip;
        try {
            payslip = desk.staffPayslip(
                    user, employeeNo, yearMonth, reason, RequestLocales.of(request), Periods.origin(request));
        } catch (UnmaskRefused refused) {
            response.setStatus(403);
            model.addAttribute("errorKey", refused.code());
            model.addAttribute("errorArgs", refused.arguments());
            payslip = desk.staffPayslip(
                    user, employeeNo, yearMonth, null, RequestLocales.of(request), Periods.origin(request));
        }
        model.addAttribute("payslip", payslip);
        model.addAttribute("employeeNo", employeeNo);
        return "hr/staff-payslip";
    }
}
