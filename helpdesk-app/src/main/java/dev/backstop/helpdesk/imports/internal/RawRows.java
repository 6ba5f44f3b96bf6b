package dev.backstop.helpdesk.imports.internal;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVWriterBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The original cells of a rejected row, kept as one CSV line for the error report. */
final class RawRows {

    private RawRows() {}

    static String encode(List<String> cells) {
        StringWriter out = new StringWriter();
        try (var writer = new CSVWriterBuilder(out).withLineEnd("").build()) {
            writer.writeNext(cells.toArray(String[]::new), false);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    static List<String> decode(String line) {
        if (line == null || line.isEmpty()) {
            return List.of();
        }
        try {
            return List.of(new CSVParserBuilder().build().parseLine(line));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
