package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.DeclaredImport;
import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.References;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.helpdesk.imports.UpsertBatch;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import dev.backstop.imports.RowError;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Employees from the HR system, upserted by employee no. */
@Component
class EmployeeImports extends DeclaredImport {

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("employee_no", "工号", "Employee No", "员工编号")
                    .required()
                    .maxLength(32))
            .field(Field.text("name", "姓名", "Name").required().maxLength(100))
            .field(Field.text("branch_code", "分支机构编码", "Branch Code", "分公司").maxLength(32))
            .field(Field.text("department_code", "部门编码", "Department Code").maxLength(32))
            .field(Field.text("title", "职务", "Title", "岗位").maxLength(100))
            .field(Field.of("phone", FieldType.PHONE, "手机", "Phone", "电话"))
            .field(Field.of("email", FieldType.EMAIL, "邮箱", "Email"))
            .field(Field.of("hire_date", FieldType.DATE, "入职日期", "Hire Date"))
            .field(Field.of("posted_away", FieldType.BOOLEAN, "是否外派", "Posted Away", "外派"))
            .field(Field.text("home_city", "家庭所在城市", "Home City").maxLength(50))
            .field(Field.text("work_city", "工作城市", "Work City").maxLength(50))
            .key("employee_no")
            .build();

    private static final ImportKind KIND = ImportKind.of("employees", "hr.import.employees", SCHEMA)
            .importers(Role.ADMIN, Role.HR_AGENT)
            .sample(
                    "E1001",
                    "赵敏",
                    "SH",
                    "LOG",
                    "物流专员",
                    "139 1234 5678",
                    "zhao.min@example.cn",
                    "2021年3月1日",
                    "是",
                    "成都",
                    "上海")
            .sample("E1002", "Zhou Yang", "", "", "Sales", "", "", "2024-07-15", "N", "", "北京")
            .build();

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    EmployeeImports(JdbcTemplate jdbc) {
        super(KIND);
        this.jdbc = jdbc;
        this.table = TableUpsert.of(
                        jdbc,
                        "employees",
                        List.of("employee_no"),
                        List.of(
                                "name",
                                "branch_id",
                                "department_id",
                                "title",
                                "phone",
                                "email",
                                "hire_date",
                                "posted_away",
                                "home_city",
                                "work_city"))
                .fedBy("branch_id", "branch_code")
                .fedBy("department_id", "department_code");
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<String, Long> branches = References.ids(jdbc, "branches", "code", References.column(rows, "branch_code"));
        Map<String, Long> departments =
                References.ids(jdbc, "departments", "code", References.column(rows, "department_code"));
        UpsertBatch batch = new UpsertBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            String branch = row.text("branch_code");
            String department = row.text("department_code");
            if (branch != null && !branches.containsKey(branch)) {
                batch.reject(
                        i, new RowError(row.line(), "branch_code", branch, "hr.import.unknownBranch", List.of(branch)));
            } else if (department != null && !departments.containsKey(department)) {
                batch.reject(
                        i,
                        new RowError(
                                row.line(),
                                "department_code",
                                department,
                                "hr.import.unknownDepartment",
                                List.of(department)));
            } else {
                batch.add(
                        i,
                        row.text("employee_no"),
                        row.text("name"),
                        branch == null ? null : branches.get(branch),
                        department == null ? null : departments.get(department),
                        row.text("title"),
                        row.text("phone"),
                        row.text("email"),
                        row.date("hire_date"),
                        Boolean.TRUE.equals(row.bool("posted_away")),
                        row.text("home_city"),
                        row.text("work_city"));
            }
        }
        return batch.applyTo(table);
    }
}
