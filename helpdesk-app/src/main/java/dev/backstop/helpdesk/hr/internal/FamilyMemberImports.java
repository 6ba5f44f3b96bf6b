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

/** Family members of employees (for the families of staff posted away), upserted by (employee no., name). */
@Component
class FamilyMemberImports extends DeclaredImport {

    static final Map<String, List<String>> RELATIONS = Map.of(
            "SPOUSE",
            List.of("配偶", "Spouse"),
            "PARENT",
            List.of("父母", "父亲", "母亲", "Parent"),
            "CHILD",
            List.of("子女", "儿子", "女儿", "Child"),
            "OTHER",
            List.of("其他", "Other"));

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("employee_no", "工号", "Employee No").required().maxLength(32))
            .field(Field.text("name", "家属姓名", "Name", "姓名").required().maxLength(100))
            .field(Field.choice("relation", RELATIONS, "关系", "Relation").required())
            .field(Field.of("phone", FieldType.PHONE, "电话", "Phone"))
            .key("employee_no", "name")
            .build();

    private static final ImportKind KIND = ImportKind.of("family-members", "hr.import.familyMembers", SCHEMA)
            .importers(Role.ADMIN, Role.HR_AGENT)
            .sample("E0001", "张秀兰", "母亲", "137 2000 0001")
            .sample("E0001", "Zhang Xiaoyu", "Child", "")
            .build();

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    FamilyMemberImports(JdbcTemplate jdbc) {
        super(KIND);
        this.jdbc = jdbc;
        this.table =
                TableUpsert.of(jdbc, "family_members", List.of("employee_id", "name"), List.of("relation", "phone"));
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        return HrRows.perEmployee(jdbc, rows, table, (row, employee) ->
                new Object[] {employee, row.text("name"), row.text("relation"), row.text("phone")});
    }
}
