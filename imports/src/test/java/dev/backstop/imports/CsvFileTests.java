package dev.backstop.imports;

import static dev.backstop.imports.CsvFixtures.GB18030;
import static dev.backstop.imports.CsvFixtures.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTests {

    @TempDir
    Path dir;

    @Test
    void aGbkFileFromChineseExcelIsDetectedAndDecoded() {
        Path file = CsvFixtures.write(dir, "订单号,客户,金额\nSO-1,上海华东分销有限公司,\"1,234.50\"\n", GB18030);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
            assertThat(csv.charset()).contains(GB18030);
            assertThat(csv.problems()).isEmpty();
            assertThat(rows(csv))
                    .containsExactly(new CsvRow(
                            2,
                            Map.of("order_no", "SO-1", "customer", "上海华东分销有限公司", "amount", "1,234.50"),
                            List.of(),
                            List.of("SO-1", "上海华东分销有限公司", "1,234.50")));
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstHeader() {
        Path file = CsvFixtures.writeWithUtf8Bom(dir, "订单号,客户\nSO-1,北京渠道\n");

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
            assertThat(csv.charset()).contains(StandardCharsets.UTF_8);
            assertThat(csv.headers()).containsExactly("订单号", "客户");
            assertThat(csv.problems()).isEmpty();
            assertThat(rows(csv).getFirst().get("order_no")).contains("SO-1");
        }
    }

    @Test
    void semicolonAndTabDelimitersAreDetectedFromTheHeader() {
        Path semicolons =
                CsvFixtures.write(dir, "Order No;Customer;Amount\nSO-1;Müller GmbH;1234,50\n", StandardCharsets.UTF_8);
        Path tabs = CsvFixtures.write(dir, "order_no\tcustomer\nSO-2\tACME, Inc.\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(semicolons, ORDERS, CsvOptions.detect())) {
            assertThat(csv.delimiter()).isEqualTo(';');
            assertThat(rows(csv).getFirst().get("amount")).contains("1234,50");
        }
        try (CsvFile csv = CsvFile.open(tabs, ORDERS, CsvOptions.detect())) {
            assertThat(csv.delimiter()).isEqualTo('\t');
            assertThat(rows(csv).getFirst().get("customer")).contains("ACME, Inc.");
        }
    }

    @Test
    void aForcedCharsetAndDelimiterWinOverDetection() {
        Path file = CsvFixtures.write(dir, "订单号;客户\nSO-1;上海\n", GB18030);

        try (CsvFile csv = CsvFile.open(
                file, ORDERS, CsvOptions.detect().withCharset(GB18030).withDelimiter(','))) {
            assertThat(csv.delimiter()).isEqualTo(',');
            assertThat(csv.headers()).containsExactly("订单号;客户");
        }
        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect().withCharset(StandardCharsets.UTF_8))) {
            assertThat(csv.problems())
                    .as("a wrong forced charset is an error, not mojibake")
                    .containsExactly(RowError.of(0, null, null, ImportCodes.FILE_ENCODING, "UTF-8"));
        }
    }

    @Test
    void headersMatchAliasesWhateverTheirCaseSpacingOrWidth() {
        Path file =
                CsvFixtures.write(dir, " ORDER-NO ,ｃｕｓｔｏｍｅｒ,Order_Date\nSO-1,C1,2026/11/22\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
            assertThat(csv.problems()).isEmpty();
            assertThat(rows(csv).getFirst().values())
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("order_no", "SO-1", "customer", "C1", "order_date", "2026/11/22"));
        }
    }

    @Test
    void unknownAndMissingColumnsAreReportedBeforeAnyRowIsRead() {
        Path file = CsvFixtures.write(dir, "订单号,备注\nSO-1,加急\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
            assertThat(csv.problems())
                    .containsExactly(
                            RowError.of(1, "备注", null, ImportCodes.COLUMN_UNKNOWN),
                            RowError.of(1, "customer", null, ImportCodes.COLUMN_MISSING, "customer"));
            assertThat(csv.isReadable()).isFalse();
            assertThatIllegalStateException().isThrownBy(csv::rows);
        }
    }

    @Test
    void twoColumnsFeedingOneFieldStopTheImport() {
        Path file = CsvFixtures.write(dir, "订单号,客户,Order No\nSO-1,C1,SO-1\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
            assertThat(codes(csv.problems())).containsExactly(ImportCodes.COLUMN_DUPLICATE);
            assertThat(csv.isReadable()).isFalse();
        }
    }

    @Test
    void anEmptyFileAndAHeaderOnlyFileEachHaveTheirOwnCode() {
        Path empty = CsvFixtures.writeWithUtf8Bom(dir, "\r\n  \n");
        Path headerOnly = CsvFixtures.write(dir, "订单号,客户\r\n\r\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(empty, ORDERS, CsvOptions.detect())) {
            assertThat(codes(csv.problems())).containsExactly(ImportCodes.FILE_EMPTY);
            assertThat(csv.isReadable()).isFalse();
        }
        try (CsvFile csv = CsvFile.open(headerOnly, ORDERS, CsvOptions.detect())) {
            assertThat(codes(csv.problems())).containsExactly(ImportCodes.FILE_HEADER_ONLY);
            assertThat(rows(csv)).isEmpty();
        }
    }

    @Test
    void binaryContentIsRejectedNotParsed() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        Path file = CsvFixtures.writeBytes(dir, png);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
            assertThat(codes(csv.problems())).containsExactly(ImportCodes.FILE_BINARY);
            assertThat(csv.charset()).isEmpty();
        }
    }

    @Test
    void bytesNeitherUtf8NorGb18030CanDecodeAreAnEncodingProblem() {
        Path file = CsvFixtures.writeBytes(
                dir, new byte[] {'a', ',', 'b', '\n', 'x', (byte) 0xFF, (byte) 0xFF, ',', 'y', '\n'});

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
            assertThat(csv.problems())
                    .containsExactly(RowError.of(0, null, null, ImportCodes.FILE_ENCODING, "UTF-8, GB18030"));
        }
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsAnErrorAndTheNextRowsStillRead() {
        Path file = CsvFixtures.write(
                dir, "订单号,客户\nSO-1,C1\nSO-2,C2,extra\n\nSO-3,\"C3\nsecond line\"\nSO-4,C4\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
            List<CsvRow> rows = rows(csv);
            assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 3L, 5L, 7L);
            assertThat(rows.get(1).errors())
                    .containsExactly(RowError.of(3, null, null, ImportCodes.ROW_FIELD_COUNT, 2, 3));
            assertThat(rows.get(2).get("customer")).contains("C3\nsecond line");
            assertThat(rows.get(3).get("order_no")).contains("SO-4");
        }
    }

    @Test
    void anUnclosedQuoteEndsTheImportAtTheLineWhereItOpened() {
        StringBuilder text = new StringBuilder("订单号,客户\nSO-1,C1\nSO-2,\"C2 never closed\n");
        for (int i = 3; i <= 100; i++) {
            text.append("SO-").append(i).append(",C").append(i).append('\n');
        }
        Path file = CsvFixtures.write(dir, text.toString(), StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect().withMaxLinesPerRecord(5))) {
            List<CsvRow> rows = rows(csv);
            assertThat(rows).hasSize(2);
            assertThat(codes(rows.get(1).errors())).containsExactly(ImportCodes.ROW_UNCLOSED_QUOTE);
            assertThat(rows.get(1).line()).isEqualTo(3);
            assertThat(rows.get(1).errors().getFirst().arguments())
                    .as("the line it opened on, the rows not read")
                    .containsExactly("3", String.valueOf(csv.estimatedRows() - 1));
        }
    }

    @Test
    void anUnclosedQuoteAtTheEndOfTheFileIsReportedToo() {
        Path file = CsvFixtures.write(dir, "订单号,客户\nSO-1,\"C1\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
            assertThat(rows(csv))
                    .singleElement()
                    .satisfies(row -> assertThat(codes(row.errors())).containsExactly(ImportCodes.ROW_UNCLOSED_QUOTE));
        }
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeAnyRowIsRead() {
        Path file = CsvFixtures.write(dir, "订单号,客户\nSO-1,C1\nSO-2,C2\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect().withMaxBytes(10))) {
            assertThat(csv.problems())
                    .containsExactly(
                            RowError.of(0, null, null, ImportCodes.FILE_TOO_LARGE, java.nio.file.Files.size(file), 10));
            assertThat(csv.isReadable()).isFalse();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @Test
    void aFileOverTheRowLimitIsRefusedWithItsLineCount() {
        Path file = CsvFixtures.write(dir, "订单号,客户\nSO-1,C1\n\nSO-2,C2\nSO-3,C3\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect().withMaxLines(2))) {
            assertThat(csv.problems())
                    .containsExactly(RowError.of(0, null, null, ImportCodes.FILE_TOO_MANY_ROWS, 3, 2));
            assertThat(csv.isReadable()).isFalse();
        }
        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect().withMaxLines(3))) {
            assertThat(csv.isReadable()).isTrue();
            assertThat(csv.estimatedRows())
                    .as("for the progress bar, before reading")
                    .isEqualTo(3);
        }
    }

    @Test
    void aRejectedRowKeepsItsOriginalCellsForTheErrorReport() {
        Path file = CsvFixtures.write(dir, "订单号,客户\nSO-1,C1,extra\n", StandardCharsets.UTF_8);

        try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
            assertThat(rows(csv).getFirst().cells()).containsExactly("SO-1", "C1", "extra");
        }
    }

    static List<CsvRow> rows(CsvFile csv) {
        return csv.rows().toList();
    }

    static List<String> codes(List<RowError> errors) {
        return errors.stream().map(RowError::code).toList();
    }

    @Test
    void aUtf8FileThatReadsLikeGarbledChineseIsWarnedAboutButStillRead() {
        String chinese = "订单号,客户\nSO-1,上海恒通\n";
        String latinMojibake =
                new String(chinese.getBytes(java.nio.charset.Charset.forName("GBK")), StandardCharsets.ISO_8859_1);
        String gbkMojibake =
                new String(chinese.getBytes(StandardCharsets.UTF_8), java.nio.charset.Charset.forName("GBK"));
        for (String garbled : List.of(latinMojibake, gbkMojibake)) {
            Path file = CsvFixtures.write(dir, garbled, StandardCharsets.UTF_8);
            try (CsvFile csv = CsvFile.open(file, ORDERS, CsvOptions.detect())) {
                assertThat(csv.charset()).contains(StandardCharsets.UTF_8);
                assertThat(codes(csv.problems())).as(garbled).contains(ImportCodes.FILE_MOJIBAKE);
                assertThat(csv.problems().stream()
                                .filter(p -> p.code().equals(ImportCodes.FILE_MOJIBAKE))
                                .findFirst()
                                .orElseThrow()
                                .arguments()
                                .get(1))
                        .startsWith("订单")
                        .endsWith(",客户");
            }
        }
        Path clean = CsvFixtures.write(dir, "订单号,客户\nSO-1,上海恒通 Café Müller\n", StandardCharsets.UTF_8);
        try (CsvFile csv = CsvFile.open(clean, ORDERS, CsvOptions.detect())) {
            assertThat(codes(csv.problems())).doesNotContain(ImportCodes.FILE_MOJIBAKE);
        }
    }
}
