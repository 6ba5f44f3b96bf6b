package dev.backstop.helpdesk.distributors.internal;

import dev.backstop.helpdesk.imports.DeclaredImport;
import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.Reference;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Contacts of distributor accounts, upserted by (distributor code, contact name). Their phones feed screen pop. */
@Component
class DistributorContactImports extends DeclaredImport {

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("distributor_code", "经销商编码", "Distributor Code", "客户编码")
                    .required()
                    .maxLength(32))
            .field(Field.text("name", "联系人", "Contact Name", "姓名").required().maxLength(100))
            .field(Field.text("title", "职务", "Title").maxLength(100))
            .field(Field.of("phone", FieldType.PHONE, "电话", "Phone", "手机"))
            .field(Field.of("email", FieldType.EMAIL, "邮箱", "Email"))
            .field(Field.of("primary_contact", FieldType.BOOLEAN, "主联系人", "Primary Contact"))
            .key("distributor_code", "name")
            .build();

    private static final ImportKind KIND = ImportKind.of("distributor-contacts", "distributors.import.contacts", SCHEMA)
            .sample("D0101", "王晓明", "采购经理", "138 1234 5678", "wang.xm@example.cn", "是")
            .sample("D0101", "Li Na", "Finance", "(0571) 8765-4321", "li.na@example.cn", "N")
            .build();

    private static final Reference DISTRIBUTOR =
            new Reference("distributors", "code", "distributor_code", "distributors.import.unknownDistributor");

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    DistributorContactImports(JdbcTemplate jdbc) {
        super(KIND);
        this.jdbc = jdbc;
        this.table = TableUpsert.of(
                        jdbc,
                        "distributor_contacts",
                        List.of("distributor_id", "name"),
                        List.of("title", "phone", "phone_digits", "email", "primary_contact"))
                .fedBy("phone_digits", "phone");
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        return DISTRIBUTOR.upsert(jdbc, rows, table, (row, distributor) -> {
            String phone = row.text("phone");
            return new Object[] {
                distributor,
                row.text("name"),
                row.text("title"),
                phone,
                phone == null ? null : PhoneNumbers.digits(phone),
                row.text("email"),
                Boolean.TRUE.equals(row.bool("primary_contact"))
            };
        });
    }
}
