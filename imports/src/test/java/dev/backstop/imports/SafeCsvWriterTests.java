package dev.backstop.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeCsvWriterTests {

    @Test
    void writesUtf8WithAByteOrderMarkAndCrlf() {
        byte[] bytes = write(new String[] {"订单号", "客户"}, new String[] {"SO-1", "上海, 浦东"});

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("订单号,客户\r\nSO-1,\"上海, 浦东\"\r\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '→',
            quoteCharacter = '`',
            value = {
                "=HYPERLINK(\"http://evil\",\"click\")→'=HYPERLINK(\"http://evil\",\"click\")",
                "+1+cmd|' /C calc'!A0→'+1+cmd|' /C calc'!A0",
                "-2+3→'-2+3",
                "@SUM(A1:A9)→'@SUM(A1:A9)",
                "-12.50→-12.50",
                "+86→+86",
                "客户=VIP→客户=VIP",
                "SO-1→SO-1"
            })
    void cellsASpreadsheetWouldRunAsAFormulaGetAQuote(String cell, String written) {
        assertThat(SafeCsvWriter.neutralize(cell)).isEqualTo(written);
    }

    @Test
    void tabAndCarriageReturnAtTheStartAreNeutralizedToo() {
        assertThat(SafeCsvWriter.neutralize("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(SafeCsvWriter.neutralize("\r=1+1")).isEqualTo("'\r=1+1");
        assertThat(SafeCsvWriter.neutralize(null)).isEmpty();
    }

    @Test
    void theWrittenFileReadsBackThroughCsvFile(@TempDir Path dir) {
        byte[] bytes = write(new String[] {"订单号", "客户"}, new String[] {"SO-1", "=cmd|'/C calc'!A0"});
        Path file = CsvFixtures.writeBytes(dir, bytes);

        try (CsvFile csv = CsvFile.open(file, CsvFixtures.ORDERS, CsvOptions.detect())) {
            assertThat(csv.problems()).isEmpty();
            assertThat(csv.rows().toList().getFirst().get("customer")).contains("'=cmd|'/C calc'!A0");
        }
    }

    private static byte[] write(String[]... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SafeCsvWriter writer = SafeCsvWriter.of(out)) {
            for (String[] row : rows) {
                writer.writeRow(row);
            }
        }
        return out.toByteArray();
    }
}
