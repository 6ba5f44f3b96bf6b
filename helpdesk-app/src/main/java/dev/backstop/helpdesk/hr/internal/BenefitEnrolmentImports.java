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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Social insurance, housing fund and other benefit enrolments, upserted by (employee no., benefit, start date).
 * HR agents import them too, but the contribution base is payroll data: only ADMIN and HR_PAYROLL see it.
 */
@Component
class BenefitEnrolmentImports extends DeclaredImport {

    static final Map<String, List<String>> BENEFITS = Map.of(
            "PENSION",
            List.of("养老保险", "Pension"),
            "MEDICAL",
            List.of("医疗保险", "Medical"),
            "UNEMPLOYMENT",
            List.of("失业保险", "Unemployment"),
            "WORK_INJURY",
            List.of("工伤保险", "Work injury"),
            "MATERNITY",
            List.of("生育保险", "Maternity"),
            "HOUSING_FUND",
            List.of("住房公积金", "公积金", "Housing fund"),
            "ANNUITY",
            List.of("企业年金", "Annuity"),
            "COMMERCIAL",
            List.of("商业保险", "Commercial insurance"));

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("employee_no", "工号", "Employee No").required().maxLength(32))
            .field(Field.choice("benefit", BENEFITS, "险种", "Benefit", "福利项目").required())
            .field(Field.of("start_date", FieldType.DATE, "起始日期", "Start Date", "参保日期")
                    .required())
            .field(Field.of("end_date", FieldType.DATE, "终止日期", "End Date"))
            .field(Field.of("base_amount", FieldType.AMOUNT, "缴费基数", "Contribution Base"))
            .field(Field.text("employee_rate", "个人比例", "Employee Rate").maxLength(12))
            .field(Field.text("employer_rate", "单位比例", "Employer Rate").maxLength(12))
            .field(Field.text("city", "参保城市", "City").maxLength(50))
            .key("employee_no", "benefit", "start_date")
            .build();

    private static final ImportKind KIND = ImportKind.of("benefit-enrolments", "hr.import.benefits", SCHEMA)
            .importers(Role.ADMIN, Role.HR_AGENT, Role.HR_PAYROLL)
            .sensitive("base_amount")
            .sample("E0001", "养老保险", "2026-01-01", "", "￥8,500.00", "8%", "16%", "上海")
            .sample("E0001", "Housing fund", "2026-01-01", "", "8500", "7%", "7%", "Shanghai")
            .build();

    private final JdbcTemplate jdbc;
    private final TableUpsert table;

    BenefitEnrolmentImports(JdbcTemplate jdbc) {
        super(KIND);
        this.jdbc = jdbc;
        this.table = TableUpsert.of(
                jdbc,
                "hr_benefit_enrolments",
                List.of("employee_id", "benefit", "start_date"),
                List.of("end_date", "base_amount", "employee_rate", "employer_rate", "city"));
    }

    /** {@code 8%} → 0.08, {@code 0.08} → 0.08; null when blank or unreadable (then stored as null). */
    static BigDecimal rate(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        try {
            return value.endsWith("%")
                    ? new BigDecimal(value.substring(0, value.length() - 1).strip()).movePointLeft(2)
                    : new BigDecimal(value);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        return HrRows.perEmployee(jdbc, rows, table, (row, employee) -> new Object[] {
            employee,
            row.text("benefit"),
            row.date("start_date"),
            row.date("end_date"),
            row.decimal("base_amount"),
            rate(row.text("employee_rate")),
            rate(row.text("employer_rate")),
            row.text("city")
        });
    }
}
