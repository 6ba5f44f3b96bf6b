package dev.backstop.helpdesk.demo;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The HR desk's demo (issue 15): twelve months of payslips with items (income tax by cumulative withholding), benefit
 * enrolments and leave balances for the demo employee and two colleagues; the demo family member delegated to follow
 * tickets only; the payslip items linked to the knowledge base's answers; the HR agent assigned to the employee's
 * open leave question (so the panel's "show the figures with a reason" can be tried).
 */
final class DemoHr {

    private static final BigDecimal PENSION = new BigDecimal("0.08");
    private static final BigDecimal MEDICAL = new BigDecimal("0.02");
    private static final BigDecimal UNEMPLOYMENT = new BigDecimal("0.005");
    private static final BigDecimal HOUSING = new BigDecimal("0.12");

    private final JdbcTemplate jdbc;

    DemoHr(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void load(long employeeId, long familyMemberId, List<Long> colleagues, Instant now, ZoneId zone) {
        YearMonth last = YearMonth.from(now.atZone(zone)).minusMonths(1);
        payslips(employeeId, last, new BigDecimal("12000.00"));
        benefitsAndLeave(employeeId, last, new BigDecimal("12000.00"), 10, 3);
        BigDecimal base = new BigDecimal("9000.00");
        for (long colleague : colleagues) {
            payslips(colleague, last, base);
            benefitsAndLeave(colleague, last, base, 5, 1);
            base = base.add(new BigDecimal("2500.00"));
        }
        jdbc.update(
                """
                insert into hr_delegations (employee_id, family_member_id, scopes, valid_from, valid_until, created_at)
                values (?, ?, 'TICKETS', ?, ?, ?)""",
                employeeId,
                familyMemberId,
                Timestamp.from(now),
                Timestamp.from(now.plusSeconds(180L * 24 * 3600)),
                Timestamp.from(now));
    }

    /** After the knowledge base is loaded: each item code to the unified answer that explains it. */
    void linkArticles() {
        Map<String, String> titles = Map.of(
                "BASE",
                "工资条各项目说明",
                "ALLOWANCE",
                "工资条各项目说明",
                "OVERTIME",
                "加班费怎么算：150%、200%、300%",
                "BONUS",
                "年终奖怎么扣税",
                "PENSION",
                "五险一金缴费比例（2025 年度本市口径）",
                "MEDICAL",
                "五险一金缴费比例（2025 年度本市口径）",
                "UNEMPLOYMENT",
                "五险一金缴费比例（2025 年度本市口径）",
                "HOUSING_FUND",
                "住房公积金缴存比例和缴存基数",
                "IIT",
                "工资条各项目说明");
        titles.forEach((code, title) -> jdbc.update("""
                update hr_payslip_item_kinds set article_id = (select min(id) from kb_articles where title = ?)
                 where item_code = ?""", title, code));
    }

    /**
     * The HR agent takes the employee's open leave question (a phone call, its caller verified), so the demo shows an
     * assigned agent unmasking.
     */
    void assignLeaveQuestion(TicketManagement tickets, long employeeId, CurrentUser hr, CurrentUser admin) {
        jdbc.queryForList(
                        "select id from tickets where desk = 'HR' and employee_id = ? and subject = ?",
                        Long.class,
                        employeeId,
                        "驻外人员探亲假天数")
                .forEach(id -> {
                    tickets.assign(id, hr.id(), null, admin);
                    // the call came by phone: the agent verified the caller (issue 15 hr-cases), so the panel is open
                    jdbc.update("""
                            insert into hr_caller_verifications (ticket_id, employee_id, agent_user_id, factor, verified,
                                                                 attempted_at) values (?, ?, ?, 'PIN', true, ?)""", id, employeeId, hr.id(), java.sql.Timestamp.from(java.time.Instant.now()));
                    tickets.recordCallerVerification(id, true, "E0007", hr);
                });
    }

    /**
     * A confidential case (issue 15 hr-cases): an employee of another branch reports harassment by phone; the HR lead
     * seals it and gives it to the HR agent — from then on only they (and the requester) see it.
     */
    void confidentialCase(TicketManagement tickets, long employeeId, CurrentUser hr, CurrentUser lead) {
        var opened = tickets.open(
                new dev.backstop.helpdesk.tickets.OpenTicket(
                        dev.backstop.helpdesk.tickets.Desk.HR,
                        dev.backstop.helpdesk.tickets.TicketType.COMPLAINT,
                        dev.backstop.helpdesk.tickets.Channel.PHONE,
                        dev.backstop.helpdesk.tickets.Priority.HIGH,
                        new dev.backstop.helpdesk.tickets.Requester(
                                dev.backstop.helpdesk.tickets.RequesterKind.EMPLOYEE, employeeId, null, null, null),
                        null,
                        employeeId,
                        "反映部门主管言语骚扰",
                        "员工来电反映部门主管多次在会上言语羞辱，希望总部介入调查并为其保密。",
                        null,
                        java.util.Set.of("员工关系"),
                        false,
                        null,
                        null),
                lead);
        tickets.markConfidentialCase(opened.id(), true, "涉及骚扰投诉，仅限处理人和人事主管查看", null, lead);
        tickets.assign(opened.id(), hr.id(), null, lead);
    }

    private void payslips(long employeeId, YearMonth last, BigDecimal basePay) {
        BigDecimal taxableSoFar = BigDecimal.ZERO;
        BigDecimal taxSoFar = BigDecimal.ZERO;
        YearMonth first = last.minusMonths(11);
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            if (month.getMonthValue() == 1) {
                taxableSoFar = BigDecimal.ZERO;
                taxSoFar = BigDecimal.ZERO;
            }
            Map<String, BigDecimal> items = new LinkedHashMap<>();
            items.put("BASE", basePay);
            items.put(
                    "OVERTIME",
                    month.getMonthValue() == 10
                            ? new BigDecimal("1655.17")
                            : new BigDecimal(month.getMonthValue() % 3 == 0 ? "551.72" : "0.00"));
            items.put("ALLOWANCE", new BigDecimal("800.00"));
            items.put(
                    "BONUS",
                    month.getMonthValue() % 3 == 0
                            ? basePay.divide(BigDecimal.TWO, 2, RoundingMode.HALF_UP)
                            : BigDecimal.ZERO.setScale(2));
            BigDecimal gross = items.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal pension = money(basePay.multiply(PENSION));
            BigDecimal medical = money(basePay.multiply(MEDICAL));
            BigDecimal unemployment = money(basePay.multiply(UNEMPLOYMENT));
            BigDecimal housing = money(basePay.multiply(HOUSING));
            BigDecimal social = pension.add(medical).add(unemployment).add(housing);
            // cumulative withholding: tax on the year's taxable income so far, minus the tax already withheld
            taxableSoFar = taxableSoFar
                    .add(gross.subtract(social).subtract(new BigDecimal("5000")))
                    .max(BigDecimal.ZERO);
            BigDecimal cumulativeTax = tax(taxableSoFar);
            BigDecimal iit = cumulativeTax.subtract(taxSoFar).max(BigDecimal.ZERO);
            taxSoFar = taxSoFar.add(iit);
            items.put("PENSION", pension.negate());
            items.put("MEDICAL", medical.negate());
            items.put("UNEMPLOYMENT", unemployment.negate());
            items.put("HOUSING_FUND", housing.negate());
            items.put("IIT", iit.negate());
            BigDecimal deductions = social.add(iit);
            jdbc.update(
                    """
                    insert into hr_payslips (employee_id, period, gross_pay, deductions, net_pay, paid_on)
                    values (?, ?, ?, ?, ?, ?)""",
                    employeeId,
                    month.toString(),
                    gross,
                    deductions,
                    gross.subtract(deductions),
                    Date.valueOf(month.plusMonths(1).atDay(10)));
            long payslipId = jdbc.queryForObject(
                    "select id from hr_payslips where employee_id = ? and period = ?",
                    Long.class,
                    employeeId,
                    month.toString());
            String[] names = {"基本工资", "加班费", "补贴", "绩效奖金", "养老保险", "医疗保险", "失业保险", "住房公积金", "个人所得税"};
            int n = 0;
            for (var item : items.entrySet()) {
                jdbc.update(
                        "insert into hr_payslip_items (payslip_id, item_code, item_name, amount) values (?, ?, ?, ?)",
                        payslipId,
                        item.getKey(),
                        names[n++],
                        item.getValue());
            }
        }
    }

    private void benefitsAndLeave(long employeeId, YearMonth last, BigDecimal basePay, int annualDays, int usedDays) {
        LocalDate since = LocalDate.of(last.getYear() - 3, 7, 1);
        Object[][] benefits = {
            {"PENSION", "0.0800", "0.1600"},
            {"MEDICAL", "0.0200", "0.0950"},
            {"UNEMPLOYMENT", "0.0050", "0.0050"},
            {"WORK_INJURY", "0.0000", "0.0040"},
            {"HOUSING_FUND", "0.1200", "0.1200"},
            {"COMMERCIAL", null, null}
        };
        for (Object[] b : benefits) {
            jdbc.update(
                    """
                    insert into hr_benefit_enrolments (employee_id, benefit, start_date, base_amount, employee_rate,
                                                       employer_rate, city) values (?, ?, ?, ?, ?, ?, ?)""",
                    employeeId,
                    b[0],
                    Date.valueOf(since),
                    b[1] == null ? null : basePay,
                    b[1] == null ? null : new BigDecimal((String) b[1]),
                    b[2] == null ? null : new BigDecimal((String) b[2]),
                    "杭州");
        }
        int year = last.plusMonths(1).getYear();
        jdbc.update("""
                insert into hr_leave_balances (employee_id, leave_type, leave_year, entitled_days, used_days)
                values (?, 'ANNUAL', ?, ?, ?), (?, 'HOME_VISIT', ?, 20, 6), (?, 'COMPENSATORY', ?, 2, 0.5)""", employeeId, year, annualDays, usedDays, employeeId, year, employeeId, year);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** The annual comprehensive-income table (first brackets) applied to the cumulative taxable income. */
    private static BigDecimal tax(BigDecimal taxable) {
        double t = taxable.doubleValue();
        double tax = t <= 36_000
                ? t * 0.03
                : t <= 144_000 ? t * 0.10 - 2_520 : t <= 300_000 ? t * 0.20 - 16_920 : t * 0.25 - 31_920;
        return money(BigDecimal.valueOf(tax));
    }
}
