package dev.backstop.helpdesk.hr.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads of the imported HR records (payslips with items, benefit enrolments, leave balances, the employee and family).
 * Unscoped: {@link HrDesk} decides who may read whose, and records the read.
 */
@Repository
public class HrRecords {

    private final JdbcTemplate jdbc;

    HrRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record PayslipRow(
            long id, String period, BigDecimal gross, BigDecimal deductions, BigDecimal net, LocalDate paidOn) {}

    public record ItemRow(String code, String importedName, BigDecimal amount) {}

    public record Benefit(
            String benefit,
            LocalDate startDate,
            LocalDate endDate,
            BigDecimal baseAmount,
            BigDecimal employeeRate,
            BigDecimal employerRate,
            String city) {}

    public record Leave(
            String leaveType, int year, BigDecimal entitledDays, BigDecimal usedDays, BigDecimal leftDays) {}

    /** A payslip item code's display names and the knowledge-base answer that explains it. */
    public record ItemKind(
            String code, String nameZh, String nameEn, String kind, int sortOrder, String kbQuery, Long articleId) {}

    public record Employee(
            long id,
            String employeeNo,
            String name,
            String branch,
            String branchEn,
            String department,
            String departmentEn,
            String title,
            boolean postedAway,
            String homeCity,
            String workCity) {}

    public record FamilyMember(long id, String name, String relation) {}

    Optional<Long> employeeId(String employeeNo) {
        return jdbc.queryForList("select id from employees where employee_no = ?", Long.class, employeeNo).stream()
                .findFirst();
    }

    Optional<String> employeeNo(long employeeId) {
        return jdbc.queryForList("select employee_no from employees where id = ?", String.class, employeeId).stream()
                .findFirst();
    }

    Optional<Employee> employee(long employeeId) {
        return jdbc
                .query(
                        """
                select e.id, e.employee_no, e.name, b.name as branch, b.name_en as branch_en, d.name as department,
                       d.name_en as department_en, e.title, e.posted_away, e.home_city, e.work_city
                  from employees e left join branches b on b.id = e.branch_id left join departments d on d.id = e.department_id
                 where e.id = ?""",
                        (rs, n) -> new Employee(
                                rs.getLong("id"),
                                rs.getString("employee_no"),
                                rs.getString("name"),
                                rs.getString("branch"),
                                rs.getString("branch_en"),
                                rs.getString("department"),
                                rs.getString("department_en"),
                                rs.getString("title"),
                                rs.getBoolean("posted_away"),
                                rs.getString("home_city"),
                                rs.getString("work_city")),
                        employeeId)
                .stream()
                .findFirst();
    }

    List<FamilyMember> family(long employeeId) {
        return jdbc.query(
                "select id, name, relation from family_members where employee_id = ? order by id",
                (rs, n) -> new FamilyMember(rs.getLong("id"), rs.getString("name"), rs.getString("relation")),
                employeeId);
    }

    List<PayslipRow> payslips(long employeeId) {
        return jdbc.query("""
                select id, period, gross_pay, deductions, net_pay, paid_on from hr_payslips
                 where employee_id = ? order by period desc""", (rs, n) -> payslip(rs), employeeId);
    }

    Optional<PayslipRow> payslip(long employeeId, String period) {
        return jdbc.query("""
                select id, period, gross_pay, deductions, net_pay, paid_on from hr_payslips
                 where employee_id = ? and period = ?""", (rs, n) -> payslip(rs), employeeId, period).stream()
                .findFirst();
    }

    List<ItemRow> items(long payslipId) {
        return jdbc.query(
                """
                select i.item_code, i.item_name, i.amount from hr_payslip_items i
                  left join hr_payslip_item_kinds k on k.item_code = i.item_code
                 where i.payslip_id = ? order by coalesce(k.sort_order, 1000), i.item_code""",
                (rs, n) ->
                        new ItemRow(rs.getString("item_code"), rs.getString("item_name"), rs.getBigDecimal("amount")),
                payslipId);
    }

    /** Item codes in display order, summed over the payslips of one year ({@code 2026}). */
    Map<String, BigDecimal> yearTotals(long employeeId, int year) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        jdbc.query(
                """
                select i.item_code, sum(i.amount) as total from hr_payslip_items i
                  join hr_payslips p on p.id = i.payslip_id
                  left join hr_payslip_item_kinds k on k.item_code = i.item_code
                 where p.employee_id = ? and p.period like ?
                 group by i.item_code, k.sort_order order by coalesce(k.sort_order, 1000), i.item_code""",
                rs -> {
                    totals.put(rs.getString("item_code"), rs.getBigDecimal("total"));
                },
                employeeId,
                year + "-%");
        return totals;
    }

    Map<String, ItemKind> itemKinds() {
        Map<String, ItemKind> kinds = new LinkedHashMap<>();
        jdbc.query("select * from hr_payslip_item_kinds order by sort_order", rs -> {
            kinds.put(
                    rs.getString("item_code"),
                    new ItemKind(
                            rs.getString("item_code"),
                            rs.getString("name_zh"),
                            rs.getString("name_en"),
                            rs.getString("kind"),
                            rs.getInt("sort_order"),
                            rs.getString("kb_query"),
                            rs.getObject("article_id") == null ? null : rs.getLong("article_id")));
        });
        return kinds;
    }

    List<Benefit> benefits(long employeeId) {
        return jdbc.query(
                """
                select benefit, start_date, end_date, base_amount, employee_rate, employer_rate, city
                  from hr_benefit_enrolments where employee_id = ? order by end_date desc nulls first, benefit""",
                (rs, n) -> new Benefit(
                        rs.getString("benefit"),
                        date(rs.getDate("start_date")),
                        date(rs.getDate("end_date")),
                        rs.getBigDecimal("base_amount"),
                        rs.getBigDecimal("employee_rate"),
                        rs.getBigDecimal("employer_rate"),
                        rs.getString("city")),
                employeeId);
    }

    List<Leave> leave(long employeeId) {
        return jdbc.query(
                """
                select leave_type, leave_year, entitled_days, used_days from hr_leave_balances
                 where employee_id = ? order by leave_year desc, leave_type""",
                (rs, n) -> new Leave(
                        rs.getString("leave_type"),
                        rs.getInt("leave_year"),
                        rs.getBigDecimal("entitled_days"),
                        rs.getBigDecimal("used_days"),
                        rs.getBigDecimal("entitled_days").subtract(rs.getBigDecimal("used_days"))),
                employeeId);
    }

    /** The newest open HR ticket of this employee assigned to this user (the one that lets an HR agent unmask). */
    Optional<Long> assignedOpenTicket(long employeeId, long assigneeId) {
        return jdbc.queryForList("""
                select id from tickets where desk = 'HR' and employee_id = ? and assignee_id = ?
                   and state not in ('RESOLVED', 'CLOSED') order by updated_at desc""", Long.class, employeeId, assigneeId).stream()
                .findFirst();
    }

    /**
     * Whether the personal details may be given on this ticket: it did not come by phone, or its caller was verified
     * ({@link CallerVerification}).
     */
    boolean callerVerifiedIfByPhone(long ticketId) {
        Long closed = jdbc.queryForObject("""
                select count(*) from tickets t where t.id = ? and t.channel = 'PHONE'
                   and not exists (select 1 from hr_caller_verifications v where v.ticket_id = t.id and v.verified = true)""", Long.class, ticketId);
        return closed == null || closed == 0;
    }

    public record RecentTicket(
            long id, String key, String subject, String state, java.time.Instant createdAt, boolean confidentialCase) {}

    /**
     * The employee's latest HR tickets an HR staff member may see: confidential tickets only for payroll staff or their
     * assignee, confidential cases only for their assignee or an HR lead (the rule of the tickets module's scope for the
     * HR desk).
     */
    List<RecentTicket> recentTickets(long employeeId, long viewerId, boolean payroll, boolean lead, int limit) {
        return jdbc.query(
                """
                select id, ticket_key, subject, state, created_at, confidential_case from tickets
                 where desk = 'HR' and employee_id = ?
                   and ((confidential_case = false and (confidential = false or ? or ? or assignee_id = ?))
                        or (confidential_case = true and (? or assignee_id = ?)))
                 order by created_at desc fetch first %d rows only""".formatted(limit),
                (rs, n) -> new RecentTicket(
                        rs.getLong("id"),
                        rs.getString("ticket_key"),
                        rs.getString("subject"),
                        rs.getString("state"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getBoolean("confidential_case")),
                employeeId,
                payroll,
                lead,
                viewerId,
                lead,
                viewerId);
    }

    private static PayslipRow payslip(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PayslipRow(
                rs.getLong("id"),
                rs.getString("period"),
                rs.getBigDecimal("gross_pay"),
                rs.getBigDecimal("deductions"),
                rs.getBigDecimal("net_pay"),
                date(rs.getDate("paid_on")));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
