package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.DeclaredImport;
import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Leave balances per employee, leave type and year, upserted by that triple. */
@Component
class LeaveBalanceImports extends DeclaredImport {

    static final Map<String, List<String>> TYPES = Map.of(
            "ANNUAL",
            List.of("年休假", "年假", "Annual"),
            "SICK",
            List.of("病假", "Sick"),
            "MARRIAGE",
            List.of("婚假", "Marriage"),
            "MATERNITY",
            List.of("产假", "Maternity"),
            "PATERNITY",
            List.of("陪产假", "Paternity"),
            "HOME_VISIT",
            List.of("探亲假", "Home visit"),
            "COMPENSATORY",
            List.of("调休", "Compensatory"));

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("employee_no", "工号", "Employee No").required().maxLength(32))
            .field(Field.choice("leave_type", TYPES, "假期类型", "Leave Type").required())
            .field(Field.of("year", FieldType.INTEGER, "年度", "Year").required())
            .field(Field.of("entitled_days", FieldType.QUANTITY, "应休天数", "Entitled Days")
                    .required())
            .field(Field.of("used_days", FieldType.QUANTITY, "已休天数", "Used Days")
                    .required())
            .key("employee_no", "leave_type", "year")
            .build();

    private static final ImportKind KIND = ImportKind.of("leave-balances", "hr.import.leaveBalances", SCHEMA)
            .importers(Role.ADMIN, Role.HR_AGENT)
            .sample("E0001", "年休假", "2026", "10", "3.5")
            .sample("E0002", "Home visit", "2026", "20", "0")
            .build();

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    LeaveBalanceImports(JdbcTemplate jdbc) {
        super(KIND);
        this.jdbc = jdbc;
        this.table = TableUpsert.of(
                jdbc,
                "hr_leave_balances",
                List.of("employee_id", "leave_type", "leave_year"),
                List.of("entitled_days", "used_days"));
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        return HrRows.perEmployee(jdbc, rows, table, (row, employee) -> new Object[] {
            employee,
            row.text("leave_type"),
            row.integer("year"),
            row.decimal("entitled_days"),
            row.decimal("used_days")
        });
    }
}
