package dev.backstop.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A report as CSV, written directly rather than through Jasper's CSV exporter: CSV is data, not
 * layout. UTF-8 with a byte-order mark and CRLF so that Excel and WPS show Chinese correctly; cells a
 * spreadsheet would run as a formula get a leading single quote. (The imports library has the same
 * rule in {@code SafeCsvWriter}; the libraries do not depend on each other, so it is repeated here.)
 */
final class CsvOutput {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\\r\\n]");

    private CsvOutput() {}

    static void write(TabularReport report, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeLine(writer, report.headings().stream().map(Object.class::cast).toList());
        for (List<Object> row : report.rows()) {
            writeLine(writer, row);
        }
        writer.flush();
    }

    private static void writeLine(Writer writer, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(neutralize(text(cells.get(i)))));
        }
        writer.write("\r\n");
    }

    private static String text(Object cell) {
        return switch (cell) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString();
            default -> cell.toString();
        };
    }

    static String neutralize(String cell) {
        if (cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String quote(String cell) {
        return NEEDS_QUOTES.matcher(cell).find() ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
