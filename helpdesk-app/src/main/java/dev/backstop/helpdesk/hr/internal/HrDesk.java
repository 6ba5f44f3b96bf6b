package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.DelegationScope;
import dev.backstop.helpdesk.hr.HrReadKind;
import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.hr.UnmaskRefused;
import dev.backstop.helpdesk.hr.internal.HrRecords.Benefit;
import dev.backstop.helpdesk.hr.internal.HrRecords.ItemKind;
import dev.backstop.helpdesk.hr.internal.HrRecords.Leave;
import dev.backstop.helpdesk.hr.internal.HrRecords.PayslipRow;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read whose HR records, and the record of every such read. The employee reads their own (not logged); a family
 * member only through an active delegation with the scope (logged; without one: 404, never 403); HR payroll staff read
 * full figures, HR agents masked ones unless assigned to an open HR ticket of that employee and stating a reason (logged
 * either way). Masking happens here: a masked amount is the string {@link #MASK}, the number never leaves this class.
 * Every read and its access-log row are one transaction.
 */
@Service
public class HrDesk {

    /** What a masked amount reads as, whatever the figure (its size is not given away either). */
    public static final String MASK = "*,***.**";

    private final HrRecords records;
    private final AccessLog log;
    private final Delegations delegations;
    private final Clock clock;
    private final ConfidentialCaseAccess caseReads;

    HrDesk(HrRecords records, AccessLog log, Delegations delegations, Clock clock, ConfidentialCaseAccess caseReads) {
        this.records = records;
        this.log = log;
        this.delegations = delegations;
        this.clock = clock;
        this.caseReads = caseReads;
    }

    /** A payslip as JSON and pages show it: amounts are numbers, or {@link #MASK} strings when masked. */
    public record Payslip(
            String period,
            String employeeNo,
            Object gross,
            Object deductions,
            Object net,
            LocalDate paidOn,
            List<Item> items,
            boolean masked) {}

    public record Item(String code, String name, Object amount) {}

    public record PayslipSummary(
            String period, Object gross, Object deductions, Object net, LocalDate paidOn, boolean masked) {}

    /** Whose records a reader reaches, and the delegation that lets a family member (null for the employee). */
    record Subject(long employeeId, Delegations.Delegation delegation) {}

    /** Where the read came from: the request's address. */
    public record Origin(String address) {}

    /** The employee number of the employee a portal user reads for (own, or by delegation of any scope). */
    public String employeeNo(CurrentUser user) {
        if (user.has(Role.EMPLOYEE) && user.employeeId() != null && user.familyMemberId() == null) {
            return records.employeeNo(user.employeeId()).orElse(null);
        }
        return null;
    }

    @Transactional
    public List<PayslipSummary> ownPayslips(CurrentUser user, Origin origin) {
        Subject subject = subject(user, DelegationScope.PAYSLIPS);
        List<PayslipSummary> list = records.payslips(subject.employeeId()).stream()
                .map(p -> new PayslipSummary(p.period(), p.gross(), p.deductions(), p.net(), p.paidOn(), false))
                .toList();
        logDelegated(user, subject, HrReadKind.PAYSLIP, "list", origin);
        return list;
    }

    @Transactional
    public Payslip ownPayslip(CurrentUser user, YearMonth period, Locale locale, Origin origin) {
        Subject subject = subject(user, DelegationScope.PAYSLIPS);
        PayslipRow row =
                records.payslip(subject.employeeId(), period.toString()).orElseThrow(HrRecordNotFound::new);
        Payslip payslip = view(row, records.employeeNo(subject.employeeId()).orElseThrow(), true, locale);
        logDelegated(user, subject, HrReadKind.PAYSLIP, period.toString(), origin);
        return payslip;
    }

    /** The year's total per item code, own or delegated (read together with the payslip list: no second log row). */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> ownYearTotals(CurrentUser user, int year) {
        return records.yearTotals(subject(user, DelegationScope.PAYSLIPS).employeeId(), year);
    }

    @Transactional
    public List<Benefit> ownBenefits(CurrentUser user, Origin origin) {
        Subject subject = subject(user, DelegationScope.LEAVE_BENEFITS);
        List<Benefit> benefits = records.benefits(subject.employeeId());
        logDelegated(user, subject, HrReadKind.BENEFIT, null, origin);
        return benefits;
    }

    @Transactional
    public List<Leave> ownLeave(CurrentUser user, Origin origin) {
        Subject subject = subject(user, DelegationScope.LEAVE_BENEFITS);
        List<Leave> leave = records.leave(subject.employeeId());
        logDelegated(user, subject, HrReadKind.LEAVE, null, origin);
        return leave;
    }

    /** Who read the employee's records: the employee only (a family member's request is 404). */
    @Transactional(readOnly = true)
    public List<AccessLog.Entry> accessLog(CurrentUser user) {
        if (!user.has(Role.EMPLOYEE) || user.employeeId() == null || user.familyMemberId() != null) {
            throw new HrRecordNotFound();
        }
        return log.of(user.employeeId(), 200);
    }

    /**
     * A payslip read by HR staff: full for payroll staff; masked for an HR agent, or full when the agent states a reason
     * and is assigned to an open HR ticket of the employee. Anyone else gets 404.
     */
    @Transactional
    public Payslip staffPayslip(
            CurrentUser user, String employeeNo, YearMonth period, String reason, Locale locale, Origin origin) {
        if (!user.hasAny(Role.HR_AGENT, Role.HR_PAYROLL, Role.HR_LEAD)) {
            throw new HrRecordNotFound();
        }
        long employeeId = records.employeeId(employeeNo).orElseThrow(HrRecordNotFound::new);
        PayslipRow row = records.payslip(employeeId, period.toString()).orElseThrow(HrRecordNotFound::new);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Long ticketId = null;
        boolean full = user.has(Role.HR_PAYROLL);
        if (!full && why != null) {
            ticketId = records.assignedOpenTicket(employeeId, user.id())
                    .orElseThrow(() -> new UnmaskRefused("hr.error.notAssigned"));
            if (!records.callerVerifiedIfByPhone(ticketId)) {
                throw new UnmaskRefused("hr.verification.required");
            }
            full = true;
        }
        Payslip payslip = view(row, employeeNo, full, locale);
        log.record(new AccessLog.Read(
                employeeId,
                user.id(),
                user.displayName(),
                staffRole(user),
                HrReadKind.PAYSLIP,
                period.toString(),
                !full,
                why,
                ticketId,
                origin.address(),
                clock.instant()));
        return payslip;
    }

    /** What an HR staff member sees beside an HR ticket about this employee (each part logged as read). */
    public record Panel(
            HrRecords.Employee employee,
            List<HrRecords.FamilyMember> family,
            List<HrRecords.RecentTicket> tickets,
            List<Leave> leave,
            List<PayslipSummary> payslips,
            boolean masked,
            boolean mayUnmask) {}

    @Transactional
    public Panel panel(CurrentUser user, long employeeId, Origin origin) {
        if (!user.hasAny(Role.HR_AGENT, Role.HR_PAYROLL, Role.HR_LEAD)) {
            throw new HrRecordNotFound();
        }
        HrRecords.Employee employee = records.employee(employeeId).orElseThrow(HrRecordNotFound::new);
        boolean full = user.has(Role.HR_PAYROLL);
        List<PayslipSummary> payslips = records.payslips(employeeId).stream()
                .limit(6)
                .map(p -> full
                        ? new PayslipSummary(p.period(), p.gross(), p.deductions(), p.net(), p.paidOn(), false)
                        : new PayslipSummary(p.period(), MASK, MASK, MASK, p.paidOn(), true))
                .toList();
        int year = LocalDate.now(clock).getYear();
        List<Leave> leave =
                records.leave(employeeId).stream().filter(l -> l.year() == year).toList();
        String role = staffRole(user);
        if (!payslips.isEmpty()) {
            log.record(new AccessLog.Read(
                    employeeId,
                    user.id(),
                    user.displayName(),
                    role,
                    HrReadKind.PAYSLIP,
                    "list",
                    !full,
                    null,
                    null,
                    origin.address(),
                    clock.instant()));
        }
        log.record(new AccessLog.Read(
                employeeId,
                user.id(),
                user.displayName(),
                role,
                HrReadKind.LEAVE,
                null,
                false,
                null,
                null,
                origin.address(),
                clock.instant()));
        boolean mayUnmask = !full
                && records.assignedOpenTicket(employeeId, user.id())
                        .map(records::callerVerifiedIfByPhone)
                        .orElse(false);
        List<HrRecords.RecentTicket> recent =
                records.recentTickets(employeeId, user.id(), full, user.has(Role.HR_LEAD), 5);
        for (HrRecords.RecentTicket ticket : recent) {
            if (ticket.confidentialCase()) {
                // the panel lists the case (key, subject, state): a read of it, like opening it (once per request)
                caseReads.read(ticket.id(), ticket.key(), employeeId, user);
            }
        }
        return new Panel(employee, records.family(employeeId), recent, leave, payslips, !full, mayUnmask);
    }

    /** The employee a portal user reads for, for this scope; 404 for anyone else. */
    Subject subject(CurrentUser user, DelegationScope scope) {
        if (user.has(Role.EMPLOYEE) && user.employeeId() != null && user.familyMemberId() == null) {
            return new Subject(user.employeeId(), null);
        }
        if (user.has(Role.FAMILY) && user.familyMemberId() != null && user.employeeId() != null) {
            return delegations
                    .active(user.familyMemberId(), user.employeeId(), scope, clock.instant())
                    .map(d -> new Subject(user.employeeId(), d))
                    .orElseThrow(HrRecordNotFound::new);
        }
        throw new HrRecordNotFound();
    }

    private void logDelegated(CurrentUser user, Subject subject, HrReadKind what, String ref, Origin origin) {
        if (subject.delegation() != null) {
            log.record(new AccessLog.Read(
                    subject.employeeId(),
                    user.id(),
                    user.displayName(),
                    Role.FAMILY.name(),
                    what,
                    ref,
                    false,
                    null,
                    null,
                    origin.address(),
                    clock.instant()));
        }
    }

    static String staffRole(CurrentUser user) {
        return user.has(Role.HR_PAYROLL)
                ? Role.HR_PAYROLL.name()
                : user.has(Role.HR_LEAD) ? Role.HR_LEAD.name() : Role.HR_AGENT.name();
    }

    Map<String, ItemKind> itemKinds() {
        return records.itemKinds();
    }

    private Payslip view(PayslipRow row, String employeeNo, boolean full, Locale locale) {
        Map<String, ItemKind> kinds = records.itemKinds();
        List<Item> items = records.items(row.id()).stream()
                .map(i -> new Item(
                        i.code(),
                        itemName(kinds.get(i.code()), i.importedName(), i.code(), locale),
                        full ? i.amount() : MASK))
                .toList();
        return full
                ? new Payslip(
                        row.period(), employeeNo, row.gross(), row.deductions(), row.net(), row.paidOn(), items, false)
                : new Payslip(row.period(), employeeNo, MASK, MASK, MASK, row.paidOn(), items, true);
    }

    /** The item's name in the reader's language; an unknown code shows the name the payroll file gave it. */
    public static String itemName(ItemKind kind, String importedName, String code, Locale locale) {
        if (kind != null) {
            return "zh".equals(locale.getLanguage()) ? kind.nameZh() : kind.nameEn();
        }
        return importedName != null && !importedName.isBlank() ? importedName : code;
    }
}
