package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Invoices and payments from the ERP (sales policies: {@link SalesPolicyImports}). */
final class ErpSnapshotImports {

    private ErpSnapshotImports() {}

    @Component
    static class Invoices extends SimpleErpImport {

        static final Map<String, List<String>> STATUSES = Map.of(
                "OPEN",
                List.of("未付款", "Open", "Unpaid"),
                "PARTIAL",
                List.of("部分付款", "Partially paid"),
                "PAID",
                List.of("已付款", "Paid"),
                "VOID",
                List.of("作废", "Void"),
                "OVERDUE",
                List.of("逾期", "Overdue"));

        private static final RecordSchema SCHEMA = RecordSchema.builder()
                .field(Field.text("invoice_no", "发票号", "Invoice No").required().maxLength(64))
                .field(Field.text("distributor_code", "经销商编码", "Distributor Code")
                        .required()
                        .maxLength(32))
                .field(Field.text("order_no", "订单号", "Order No").maxLength(64))
                .field(Field.of("issue_date", FieldType.DATE, "开票日期", "Issue Date")
                        .required())
                .field(Field.of("due_date", FieldType.DATE, "到期日", "Due Date"))
                .field(Field.of("amount", FieldType.AMOUNT, "金额", "Amount").required())
                .field(Field.of("tax_amount", FieldType.AMOUNT, "税额", "Tax"))
                .field(Field.choice("status", STATUSES, "状态", "Status"))
                .key("invoice_no")
                .build();

        private static final ImportKind KIND = ImportKind.of("invoices", "erp.import.invoices", SCHEMA)
                .sample(
                        "INV-2026-0001",
                        "D0001",
                        "SO-2026-000101",
                        "2026-11-25",
                        "2026-12-25",
                        "¥12,475.00",
                        "1,435.18",
                        "未付款")
                .build();

        Invoices(JdbcTemplate jdbc) {
            super(
                    KIND,
                    jdbc,
                    "erp_invoices",
                    List.of("invoice_no"),
                    List.of("distributor_id", "order_no", "issue_date", "due_date", "amount", "tax_amount", "status"),
                    true);
        }

        @Override
        Object[] values(ParsedRow row, Long distributorId) {
            return new Object[] {
                row.text("invoice_no"),
                distributorId,
                row.text("order_no"),
                row.date("issue_date"),
                row.date("due_date"),
                row.decimal("amount"),
                row.decimal("tax_amount"),
                ErpRows.orDefault(row.text("status"), "OPEN")
            };
        }
    }

    @Component
    static class Payments extends SimpleErpImport {

        static final Map<String, List<String>> METHODS = Map.of(
                "TRANSFER",
                List.of("银行转账", "转账", "Bank transfer"),
                "ACCEPTANCE",
                List.of("承兑汇票", "Acceptance bill"),
                "CASH",
                List.of("现金", "Cash"),
                "OFFSET",
                List.of("冲抵", "Offset"),
                "OTHER",
                List.of("其他", "Other"));

        private static final RecordSchema SCHEMA = RecordSchema.builder()
                .field(Field.text("payment_no", "回款单号", "Payment No").required().maxLength(64))
                .field(Field.text("distributor_code", "经销商编码", "Distributor Code")
                        .required()
                        .maxLength(32))
                .field(Field.text("invoice_no", "发票号", "Invoice No").maxLength(64))
                .field(Field.of("paid_at", FieldType.DATE_TIME, "回款时间", "Paid At")
                        .required())
                .field(Field.of("amount", FieldType.AMOUNT, "金额", "Amount").required())
                .field(Field.choice("method", METHODS, "付款方式", "Method"))
                .key("payment_no")
                .build();

        private static final ImportKind KIND = ImportKind.of("payments", "erp.import.payments", SCHEMA)
                .sample("PAY-2026-0001", "D0001", "INV-2026-0001", "2026年12月1日 10:30", "12,475.00元", "银行转账")
                .build();

        Payments(JdbcTemplate jdbc) {
            super(
                    KIND,
                    jdbc,
                    "erp_payments",
                    List.of("payment_no"),
                    List.of("distributor_id", "invoice_no", "paid_at", "amount", "method"),
                    true);
        }

        @Override
        Object[] values(ParsedRow row, Long distributorId) {
            return new Object[] {
                row.text("payment_no"),
                distributorId,
                row.text("invoice_no"),
                row.dateTime("paid_at"),
                row.decimal("amount"),
                ErpRows.orDefault(row.text("method"), "TRANSFER")
            };
        }
    }
}
