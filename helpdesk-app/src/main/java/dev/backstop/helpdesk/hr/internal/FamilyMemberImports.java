package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.ImportTarget;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.helpdesk.imports.UpsertBatch;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Family members of employees (for the families of staff posted away), upserted by (employee no., name). */
@Component
class FamilyMemberImports implements ImportTarget {

    static final Map<String, List<String>> RELATIONS = Map.of("SPOUSE", List.of("配偶", "Spouse"),
            "PARENT", List.of("父母", "父亲", "母亲", "Parent"), "CHILD", List.of("子女", "儿子", "女儿", "Child"),
            "OTHER", List.of("其他", "Other"));

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("employee_no", "工号", "Employee No").required().maxLength(32))
            .field(Field.text("name", "家属姓名", "Name", "姓名").required().maxLength(100))
            .field(Field.choice("relation", RELATIONS, "关系", "Relation").required())
            .field(Field.of("phone", FieldType.PHONE, "电话", "Phone"))
            .key("employee_no", "name")
            .build();

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    FamilyMemberImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.table = TableUpsert.of(jdbc, "family_members", List.of("employee_id", "name"), List.of("relation", "phone"));
    }

    @Override
    public String kind() {
        return "family-members";
    }

    @Override
    public String titleKey() {
        return "hr.import.familyMembers";
    }

    @Override
    public RecordSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<Role> importers() {
        return Set.of(Role.ADMIN, Role.HR_AGENT);
    }

    @Override
    public List<List<String>> sampleRows() {
        return List.of(List.of("E0001", "张秀兰", "母亲", "137 2000 0001"), List.of("E0001", "Zhang Xiaoyu", "Child", ""));
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<String, Long> employees = HrRows.employees(jdbc, rows);
        UpsertBatch batch = new UpsertBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            Long employee = employees.get(row.text("employee_no"));
            if (employee == null) {
                batch.reject(i, HrRows.unknownEmployee(row));
            } else {
                batch.add(i, employee, row.text("name"), row.text("relation"), row.text("phone"));
            }
        }
        return batch.applyTo(table);
    }
}
