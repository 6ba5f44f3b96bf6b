package dev.backstop.imports;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes CSV that Excel and WPS open safely: UTF-8 with a byte-order mark (so Chinese is not shown
 * as mojibake), CRLF line ends, quotes only where needed, and every cell that a spreadsheet would
 * run as a formula (starting with {@code = + - @}, tab or carriage return) prefixed with a single
 * quote. Plain numbers such as {@code -12.50} are left alone: a spreadsheet reads them as numbers.
 */
public final class SafeCsvWriter implements AutoCloseable, Flushable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final ICSVWriter writer;

    private SafeCsvWriter(ICSVWriter writer) {
        this.writer = writer;
    }

    /** Starts the file with the byte-order mark; closing this writer closes the stream. */
    public static SafeCsvWriter of(OutputStream out) {
        try {
            out.write(BOM);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ICSVWriter writer = new CSVWriterBuilder(new OutputStreamWriter(out, StandardCharsets.UTF_8))
                .withSeparator(',')
                .withLineEnd("\r\n")
                .build();
        return new SafeCsvWriter(writer);
    }

    public void writeRow(List<String> cells) {
        writer.writeNext(cells.stream().map(SafeCsvWriter::neutralize).toArray(String[]::new), false);
    }

    public void writeRow(String... cells) {
        writeRow(List.of(cells));
    }

    /** The cell as it is written: formula triggers get a leading single quote; null becomes empty. */
    public static String neutralize(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean trigger =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return trigger && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    @Override
    public void flush() {
        try {
            writer.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
