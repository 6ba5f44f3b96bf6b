package dev.backstop.imports;

import java.nio.charset.Charset;
import java.util.Optional;
import java.util.Set;

/**
 * How to read a file. Charset and delimiter are detected unless forced. {@code nullMarkers} are
 * cell values that mean "no value" (many ERP exports write {@code NULL}). A quoted field may span at
 * most {@code maxLinesPerRecord} lines, so that one unclosed quote cannot swallow the whole file.
 */
public record CsvOptions(Optional<Charset> charset, Optional<Character> delimiter, Set<String> nullMarkers,
        int maxLinesPerRecord) {

    public static final int DEFAULT_MAX_LINES_PER_RECORD = 20;

    public CsvOptions {
        nullMarkers = Set.copyOf(nullMarkers);
        delimiter.ifPresent(d -> {
            if (d != ',' && d != ';' && d != '\t') {
                throw new IllegalArgumentException("Delimiter must be comma, semicolon or tab: " + d);
            }
        });
        if (maxLinesPerRecord < 1) {
            throw new IllegalArgumentException("maxLinesPerRecord must be positive: " + maxLinesPerRecord);
        }
    }

    /** Detect charset and delimiter, no null markers. */
    public static CsvOptions detect() {
        return new CsvOptions(Optional.empty(), Optional.empty(), Set.of(), DEFAULT_MAX_LINES_PER_RECORD);
    }

    public CsvOptions withCharset(Charset charset) {
        return new CsvOptions(Optional.of(charset), delimiter, nullMarkers, maxLinesPerRecord);
    }

    public CsvOptions withDelimiter(char delimiter) {
        return new CsvOptions(charset, Optional.of(delimiter), nullMarkers, maxLinesPerRecord);
    }

    public CsvOptions withNullMarkers(String... markers) {
        return new CsvOptions(charset, delimiter, Set.of(markers), maxLinesPerRecord);
    }

    public CsvOptions withMaxLinesPerRecord(int lines) {
        return new CsvOptions(charset, delimiter, nullMarkers, lines);
    }
}
