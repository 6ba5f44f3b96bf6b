package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.HrReadKind;
import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My data" (PIPL art. 45): everything the desk holds about the calling employee, as a zip of CSV files (UTF-8 with a
 * byte-order mark, so Excel opens the Chinese correctly): profile, payslips and their items, benefits, leave, their
 * tickets with the messages they can read (no internal notes), delegations, who read their records, and the feedback
 * they gave under their name (anonymous feedback is linked to nobody, so it cannot be in anyone's export). The export is
 * itself written to {@code hr_access_log} (what = EXPORT) in the same transaction. Only the employee: a family member
 * gets 404 like on every payroll URL. Reads the tickets module's rows read-only, like the employee panel does.
 */
@Service
public class MyData {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;
    private final Clock clock;

    MyData(JdbcTemplate jdbc, AccessLog accessLog, Clock clock) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public record Export(String filename, byte[] zip) {}

    @Transactional
    public Export export(CurrentUser user, HrDesk.Origin origin) {
        long employeeId = employee(user);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("profile.csv", csv("""
                select e.employee_no, e.name, b.name as branch, d.name as department, e.title, e.phone, e.email,
                       e.hire_date, e.posted_away, e.home_city, e.work_city, u.username, u.display_name,
                       u.email as login_email
                  from employees e left join branches b on b.id = e.branch_id
                  left join departments d on d.id = e.department_id
                  left join app_users u on u.id = ?
                 where e.id = ?""", user.id(), employeeId));
        files.put("payslips.csv", csv("""
                select period, gross_pay, deductions, net_pay, paid_on from hr_payslips
                 where employee_id = ? order by period""", employeeId));
        files.put("payslip_items.csv", csv("""
                select p.period, i.item_code, coalesce(k.name_zh, i.item_name) as item_name, k.name_en as item_name_en,
                       i.amount
                  from hr_payslip_items i join hr_payslips p on p.id = i.payslip_id
                  left join hr_payslip_item_kinds k on k.item_code = i.item_code
                 where p.employee_id = ? order by p.period, k.sort_order, i.item_code""", employeeId));
        files.put("benefits.csv", csv("""
                select benefit, start_date, end_date, base_amount, employee_rate, employer_rate, city
                  from hr_benefit_enrolments where employee_id = ? order by benefit, start_date""", employeeId));
        files.put("leave.csv", csv("""
                select leave_type, leave_year, entitled_days, used_days, entitled_days - used_days as left_days
                  from hr_leave_balances where employee_id = ? order by leave_year, leave_type""", employeeId));
        files.put("tickets.csv", csv("""
                select ticket_key, desk, type, channel, state, subject, description, created_at, closed_at
                  from tickets where employee_id = ? and requester_kind = 'EMPLOYEE' order by id""", employeeId));
        files.put("ticket_messages.csv", csv("""
                select t.ticket_key, a.kind, a.author_name, a.body, a.created_at
                  from ticket_articles a join tickets t on t.id = a.ticket_id
                 where t.employee_id = ? and t.requester_kind = 'EMPLOYEE' and a.internal = false
                 order by t.id, a.id""", employeeId));
        files.put("delegations.csv", csv("""
                select m.name as family_member, m.relation, d.scopes, d.valid_from, d.valid_until, d.ended_at
                  from hr_delegations d join family_members m on m.id = d.family_member_id
                 where d.employee_id = ? order by d.id""", employeeId));
        files.put("access_log.csv", csv("""
                select read_at, reader_name, reader_role, what, subject_ref, reason, masked
                  from hr_access_log where employee_id = ? order by read_at, id""", employeeId));
        files.put("feedback.csv", csv("""
                select f.submitted_on, b.name as branch, f.topic, f.body, f.state
                  from hr_feedback f join branches b on b.id = f.branch_id
                 where f.submitter_user_id = ? and f.anonymous = false order by f.id""", user.id()));
        accessLog.record(new AccessLog.Read(
                employeeId,
                user.id(),
                user.displayName(),
                Role.EMPLOYEE.name(),
                HrReadKind.EXPORT,
                "my-data",
                false,
                null,
                null,
                origin.address(),
                clock.instant()));
        String employeeNo =
                jdbc.queryForObject("select employee_no from employees where id = ?", String.class, employeeId);
        return new Export(
                "my-data-" + employeeNo + "-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".zip", zip(files));
    }

    private long employee(CurrentUser user) {
        if (!user.has(Role.EMPLOYEE) || user.employeeId() == null || user.familyMemberId() != null) {
            throw new HrRecordNotFound();
        }
        return user.employeeId();
    }

    private String csv(String sql, Object... args) {
        StringBuilder out = new StringBuilder();
        jdbc.query(
                sql,
                (ResultSetExtractor<Void>) rs -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<String> header = new ArrayList<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        header.add(meta.getColumnLabel(c).toLowerCase());
                    }
                    line(out, header);
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.add(text(rs, c));
                        }
                        line(out, row);
                    }
                    return null;
                },
                args);
        return out.toString();
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return "";
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (value instanceof java.math.BigDecimal amount) {
            return amount.toPlainString();
        }
        return String.valueOf(value);
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(defused(fields.get(i)).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    /** Text a spreadsheet would run as a formula ({@code =…}, {@code +…}, {@code @…}) starts with an apostrophe. */
    private static String defused(String field) {
        if (field.isEmpty()) {
            return field;
        }
        char first = field.charAt(0);
        boolean formula = first == '='
                || first == '+'
                || first == '@'
                || first == '\t'
                || first == '\r'
                || (first == '-' && !field.matches("-\\d+(\\.\\d+)?"));
        return formula ? "'" + field : field;
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(BOM);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
