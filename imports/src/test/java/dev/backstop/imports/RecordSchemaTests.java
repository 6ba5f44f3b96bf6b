package dev.backstop.imports;

import static dev.backstop.imports.CsvFileTests.codes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordSchemaTests {

    @TempDir
    Path dir;

    static final RecordSchema ORDERS = RecordSchema.builder()
            .field(Field.text("order_no", "订单号", "Order No").required().maxLength(12))
            .field(Field.of("order_date", FieldType.DATE, "下单日期", "Order Date").required())
            .field(Field.of("amount", FieldType.AMOUNT, "金额", "Amount"))
            .field(Field.choice(
                    "status",
                    Map.of("OPEN", List.of("未发货", "Open"), "SHIPPED", List.of("已发货", "Shipped")),
                    "状态",
                    "Status"))
            .field(Field.of("phone", FieldType.PHONE, "电话", "Phone"))
            .key("order_no")
            .build();

    @Test
    void aRowIsConvertedToTypedValues() {
        Path file = CsvFixtures.write(
                dir, "订单号,下单日期,金额,状态,电话\nSO-1,2026年11月22日,\"¥1,234.50\",已发货,138 1234 5678\n", CsvFixtures.GB18030);

        try (CsvFile csv = CsvFile.open(file, ORDERS.mapping(), CsvOptions.detect())) {
            ParsedRow row = ORDERS.validate(csv.rows().findFirst().orElseThrow());

            assertThat(row.errors()).isEmpty();
            assertThat(row.text("order_no")).isEqualTo("SO-1");
            assertThat(row.date("order_date")).isEqualTo(LocalDate.of(2026, 11, 22));
            assertThat(row.decimal("amount")).isEqualByComparingTo(new BigDecimal("1234.50"));
            assertThat(row.text("status")).isEqualTo("SHIPPED");
            assertThat(row.text("phone")).isEqualTo("13812345678");
        }
    }

    @Test
    void everyBadCellOfARowIsReportedNotOnlyTheFirst() {
        Path file = CsvFixtures.write(
                dir,
                "Order No,Order Date,Amount,Status,Phone\nSO-1234567890123,2026-02-30,1.234,50,Lost,12\n"
                        .replace("1.234,50", "\"1.234,50\""),
                StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS.mapping(), CsvOptions.detect())) {
            ParsedRow row = ORDERS.validate(csv.rows().findFirst().orElseThrow());

            assertThat(row.isValid()).isFalse();
            assertThat(row.errors())
                    .extracting(RowError::column)
                    .containsExactlyInAnyOrder("order_no", "order_date", "amount", "status", "phone");
            assertThat(row.errors())
                    .contains(new RowError(
                            2, "order_no", "SO-1234567890123", ImportCodes.VALUE_TOO_LONG, List.of("16", "12")));
            assertThat(row.errors())
                    .contains(new RowError(
                            2, "status", "Lost", ImportCodes.VALUE_ENUM, List.of("Lost", "OPEN, SHIPPED")));
        }
    }

    @Test
    void aBlankRequiredCellIsEmptyAndABlankOptionalCellIsAbsent() {
        Path file = CsvFixtures.write(dir, "订单号,下单日期,金额\nSO-1,,\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS.mapping(), CsvOptions.detect())) {
            ParsedRow row = ORDERS.validate(csv.rows().findFirst().orElseThrow());

            assertThat(row.errors())
                    .containsExactly(new RowError(2, "order_date", null, ImportCodes.VALUE_EMPTY, List.of()));
            assertThat(row.values()).doesNotContainKey("amount");
        }
    }

    @Test
    void aPerSourceProfileAddsTheHeadersOfOneErp() {
        Path file = CsvFixtures.write(dir, "SO Number,Doc Date\nSO-9,20261122\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS.mapping(), CsvOptions.detect())) {
            assertThat(codes(csv.problems())).contains(ImportCodes.COLUMN_UNKNOWN, ImportCodes.COLUMN_MISSING);
        }
        HeaderMapping sap = ORDERS.mapping(Map.of("SO Number", "order_no", "Doc Date", "order_date"));
        try (CsvFile csv = CsvFile.open(file, sap, CsvOptions.detect())) {
            assertThat(csv.problems()).isEmpty();
            assertThat(ORDERS.validate(csv.rows().findFirst().orElseThrow()).date("order_date"))
                    .isEqualTo(LocalDate.of(2026, 11, 22));
        }
    }

    @Test
    void aProfileHeaderWinsOverABuiltInAliasAndAnUnknownFieldIsRefused() {
        HeaderMapping swapped = ORDERS.mapping(Map.of("金额", "status"));

        assertThat(swapped.fieldFor("金额")).contains("status");
        assertThat(swapped.fieldFor("Amount")).contains("amount");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ORDERS.mapping(Map.of("X", "no_such_field")))
                .withMessage("no_such_field");
    }

    @Test
    void aRowTheReaderRejectedKeepsItsErrorAndCells() {
        Path file = CsvFixtures.write(dir, "订单号,下单日期\nSO-1,2026-11-22,extra\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS.mapping(), CsvOptions.detect())) {
            ParsedRow row = ORDERS.validate(csv.rows().findFirst().orElseThrow());
            assertThat(codes(row.errors())).containsExactly(ImportCodes.ROW_FIELD_COUNT);
            assertThat(row.cells()).containsExactly("SO-1", "2026-11-22", "extra");
        }
    }

    @Test
    void keyFieldsMustBeRequired() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RecordSchema.builder()
                        .field(Field.text("order_no"))
                        .key("order_no")
                        .build());
    }

    @Test
    void aProfileMayIgnoreAColumnWhichIsThenNeitherReadNorReportedAsUnknown() {
        Path file = CsvFixtures.write(dir, "订单号,下单日期,金额,传真\nSO-1,2026-11-22,10,010-1\n", StandardCharsets.UTF_8);
        HeaderMapping mapping = ORDERS.mapping(Map.of("传真", RecordSchema.IGNORE, "金额", RecordSchema.IGNORE));

        try (CsvFile csv = CsvFile.open(file, mapping, CsvOptions.detect())) {
            assertThat(codes(csv.problems())).doesNotContain(ImportCodes.COLUMN_UNKNOWN);
            assertThat(mapping.isIgnored("传真")).isTrue();
            assertThat(ORDERS.validate(csv.rows().findFirst().orElseThrow()).values())
                    .doesNotContainKey("amount");
        }
    }

    @Test
    void aKeyMayEndInAnOptionalFieldButMustStartWithARequiredOne() {
        RecordSchema headersOrLines = RecordSchema.builder()
                .field(Field.text("order_no").required())
                .field(Field.of("line_no", FieldType.INTEGER))
                .key("order_no", "line_no")
                .build();
        assertThat(headersOrLines.key()).containsExactly("order_no", "line_no");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RecordSchema.builder()
                        .field(Field.text("order_no"))
                        .key("order_no")
                        .build());
    }
}
