package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.imports.Reference;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RowError;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared bits of the HR import targets. */
final class HrRows {

    /** The employee a row of an HR import belongs to, by its {@code employee_no}. */
    static final Reference EMPLOYEE =
            new Reference("employees", "employee_no", "employee_no", "hr.import.unknownEmployee");

    private HrRows() {}

    static Map<String, Long> employees(JdbcTemplate jdbc, List<ParsedRow> rows) {
        return EMPLOYEE.ids(jdbc, rows);
    }

    static RowError unknownEmployee(ParsedRow row) {
        return EMPLOYEE.unknown(row);
    }

    /**
     * Upserts rows that each belong to one employee: a row whose employee no. is unknown is rejected, the others are
     * written with {@code values} of the row and the employee's id (key values, then column values).
     */
    static List<RowOutcome> perEmployee(
            JdbcTemplate jdbc, List<ParsedRow> rows, TableUpsert table, BiFunction<ParsedRow, Long, Object[]> values) {
        return EMPLOYEE.upsert(jdbc, rows, table, values);
    }
}
