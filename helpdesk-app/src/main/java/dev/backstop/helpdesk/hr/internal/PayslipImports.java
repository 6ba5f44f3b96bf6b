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
import dev.backstop.imports.RowError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Payslips with their items, one row per item with the payslip's columns repeated; the payslip is upserted by
 * (employee no., period), the item by (payslip, item code). Only ADMIN and HR_PAYROLL import them, and every
 * amount is a sensitive field: no one else sees it in a preview or an error report.
 */
@Component
class PayslipImports extends DeclaredImport {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})\\s*(?:-|/|年)?\\s*(\\d{1,2})\\s*月?");

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("employee_no", "工号", "Employee No").required().maxLength(32))
            .field(Field.text("period", "工资期间", "Period", "月份").required().maxLength(10))
            .field(Field.of("gross_pay", FieldType.AMOUNT, "应发合计", "Gross Pay").required())
            .field(Field.of("deductions", FieldType.AMOUNT, "扣款合计", "Deductions")
                    .required())
            .field(Field.of("net_pay", FieldType.AMOUNT, "实发工资", "Net Pay").required())
            .field(Field.of("paid_on", FieldType.DATE, "发放日期", "Paid On"))
            .field(Field.text("item_code", "项目编码", "Item Code").required().maxLength(32))
            .field(Field.text("item_name", "项目名称", "Item Name").maxLength(100))
            .field(Field.of("item_amount", FieldType.AMOUNT, "项目金额", "Item Amount")
                    .required())
            .key("employee_no", "period", "item_code")
            .build();

    private static final ImportKind KIND = ImportKind.of("payslips", "hr.import.payslips", SCHEMA)
            .importers(Role.ADMIN, Role.HR_PAYROLL)
            .sensitive("gross_pay", "deductions", "net_pay", "item_amount", "item_name", "item_code")
            .sample("E0001", "2026年11月", "12,000.00", "2,350.00", "9,650.00", "2026-12-10", "BASE", "基本工资", "10000")
            .sample("E0001", "2026-11", "12,000.00", "2,350.00", "9,650.00", "2026-12-10", "BONUS", "绩效奖金", "2000")
            .build();

    private final JdbcTemplate jdbc;
    private final TableUpsert payslips;
    private final TableUpsert items;

    PayslipImports(JdbcTemplate jdbc) {
        super(KIND);
        this.jdbc = jdbc;
        this.payslips = TableUpsert.of(
                jdbc,
                "hr_payslips",
                List.of("employee_id", "period"),
                List.of("gross_pay", "deductions", "net_pay", "paid_on"));
        this.items = TableUpsert.of(
                        jdbc, "hr_payslip_items", List.of("payslip_id", "item_code"), List.of("item_name", "amount"))
                .fedBy("amount", "item_amount");
    }

    /** {@code 2026-11}, {@code 2026/11}, {@code 202611}, {@code 2026年11月} → {@code 2026-11}; null when not a period. */
    static String period(String text) {
        Matcher m = PERIOD.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .strip());
        if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 12) {
            return null;
        }
        return m.group(1) + "-" + String.format("%02d", Integer.parseInt(m.group(2)));
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<String, Long> employees = HrRows.employees(jdbc, rows);
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        List<Integer> accepted = new ArrayList<>();
        List<Object[]> slipRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            Long employee = employees.get(row.text("employee_no"));
            String period = period(row.text("period"));
            if (employee == null) {
                outcomes[i] = RowOutcome.rejected(HrRows.unknownEmployee(row));
            } else if (period == null) {
                outcomes[i] = RowOutcome.rejected(new RowError(
                        row.line(), "period", row.text("period"), "hr.import.badPeriod", List.of(row.text("period"))));
            } else {
                accepted.add(i);
                slipRows.add(new Object[] {
                    employee,
                    period,
                    row.decimal("gross_pay"),
                    row.decimal("deductions"),
                    row.decimal("net_pay"),
                    row.date("paid_on")
                });
            }
        }
        if (accepted.isEmpty()) {
            return List.of(outcomes);
        }
        List<ParsedRow> sources = accepted.stream().map(rows::get).toList();
        List<RowOutcome.Kind> slipOutcomes = payslips.apply(slipRows, sources);
        Map<List<Object>, Long> ids = payslips.ids(
                slipRows.stream().map(r -> List.<Object>of(r[0], r[1])).toList());
        List<Object[]> itemRows = new ArrayList<>();
        for (int a = 0; a < accepted.size(); a++) {
            ParsedRow row = rows.get(accepted.get(a));
            Object[] slip = slipRows.get(a);
            itemRows.add(new Object[] {
                ids.get(List.of(((Number) slip[0]).longValue(), slip[1])),
                row.text("item_code"),
                row.text("item_name"),
                row.decimal("item_amount")
            });
        }
        List<RowOutcome.Kind> itemOutcomes = items.apply(itemRows, sources);
        for (int a = 0; a < accepted.size(); a++) {
            outcomes[accepted.get(a)] = RowOutcome.combine(slipOutcomes.get(a), itemOutcomes.get(a));
        }
        return List.of(outcomes);
    }
}
