package dev.backstop.helpdesk.distributors.internal;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.ImportTarget;
import dev.backstop.helpdesk.imports.References;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.helpdesk.imports.UpsertBatch;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Contacts of distributor accounts, upserted by (distributor code, contact name). Their phones feed screen pop. */
@Component
class DistributorContactImports implements ImportTarget {

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("distributor_code", "经销商编码", "Distributor Code", "客户编码").required().maxLength(32))
            .field(Field.text("name", "联系人", "Contact Name", "姓名").required().maxLength(100))
            .field(Field.text("title", "职务", "Title").maxLength(100))
            .field(Field.of("phone", FieldType.PHONE, "电话", "Phone", "手机"))
            .field(Field.of("email", FieldType.EMAIL, "邮箱", "Email"))
            .field(Field.of("primary_contact", FieldType.BOOLEAN, "主联系人", "Primary Contact"))
            .key("distributor_code", "name")
            .build();

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    DistributorContactImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.table = TableUpsert.of(jdbc, "distributor_contacts", List.of("distributor_id", "name"),
                List.of("title", "phone", "phone_digits", "email", "primary_contact")).fedBy("phone_digits", "phone");
    }

    @Override
    public String kind() {
        return "distributor-contacts";
    }

    @Override
    public String titleKey() {
        return "distributors.import.contacts";
    }

    @Override
    public RecordSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<Role> importers() {
        return Set.of(Role.ADMIN);
    }

    @Override
    public List<List<String>> sampleRows() {
        return List.of(List.of("D0101", "王晓明", "采购经理", "138 1234 5678", "wang.xm@example.cn", "是"),
                List.of("D0101", "Li Na", "Finance", "(0571) 8765-4321", "li.na@example.cn", "N"));
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<String, Long> distributors = References.ids(jdbc, "distributors", "code", References.column(rows, "distributor_code"));
        UpsertBatch batch = new UpsertBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            Long distributor = distributors.get(row.text("distributor_code"));
            if (distributor == null) {
                batch.reject(i, DistributorImports.problem(row, "distributor_code", row.text("distributor_code"),
                        "distributors.import.unknownDistributor"));
            } else {
                String phone = row.text("phone");
                batch.add(i, distributor, row.text("name"), row.text("title"), phone,
                        phone == null ? null : PhoneNumbers.digits(phone), row.text("email"),
                        Boolean.TRUE.equals(row.bool("primary_contact")));
            }
        }
        return batch.applyTo(table);
    }
}
