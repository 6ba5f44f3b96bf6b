package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.imports.References;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RowError;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared bits of the HR import targets. */
final class HrRows {

    private HrRows() {
    }

    static Map<String, Long> employees(JdbcTemplate jdbc, List<ParsedRow> rows) {
        return References.ids(jdbc, "employees", "employee_no", References.column(rows, "employee_no"));
    }

    static RowError unknownEmployee(ParsedRow row) {
        String no = row.text("employee_no");
        return new RowError(row.line(), "employee_no", no, "hr.import.unknownEmployee", List.of(no));
    }
}
