package dev.backstop.imports;

import java.nio.charset.Charset;
import java.util.Optional;
import java.util.Set;

/**
 * How to read a file. Charset and delimiter are detected unless forced. {@code nullMarkers} are
 * cell values that mean "no value" (many ERP exports write {@code NULL}). A quoted field may span at
 * most {@code maxLinesPerRecord} lines, so that one unclosed quote cannot swallow the whole file.
 * {@code maxBytes} and {@code maxLines} refuse a file before any row is read (0 = no limit); the line
 * limit counts physical non-blank lines after the header, so it is exact unless fields span lines.
 */
public record CsvOptions(
        Optional<Charset> charset,
        Optional<Character> delimiter,
        Set<String> nullMarkers,
        int maxLinesPerRecord,
        long maxBytes,
        long maxLines) {

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
        if (maxBytes < 0 || maxLines < 0) {
            throw new IllegalArgumentException("Limits must not be negative");
        }
    }

    /** Detect charset and delimiter, no null markers, no size limits. */
    public static CsvOptions detect() {
        return new CsvOptions(Optional.empty(), Optional.empty(), Set.of(), DEFAULT_MAX_LINES_PER_RECORD, 0, 0);
    }

    public CsvOptions withCharset(Charset charset) {
        return new CsvOptions(Optional.of(charset), delimiter, nullMarkers, maxLinesPerRecord, maxBytes, maxLines);
    }

    public CsvOptions withDelimiter(char delimiter) {
        return new CsvOptions(charset, Optional.of(delimiter), nullMarkers, maxLinesPerRecord, maxBytes, maxLines);
    }

    public CsvOptions withNullMarkers(String... markers) {
        return new CsvOptions(charset, delimiter, Set.of(markers), maxLinesPerRecord, maxBytes, maxLines);
    }

    public CsvOptions withMaxLinesPerRecord(int lines) {
        return new CsvOptions(charset, delimiter, nullMarkers, lines, maxBytes, maxLines);
    }

    /** Refuse files larger than this many bytes ({@link ImportCodes#FILE_TOO_LARGE}); 0 = no limit. */
    public CsvOptions withMaxBytes(long bytes) {
        return new CsvOptions(charset, delimiter, nullMarkers, maxLinesPerRecord, bytes, maxLines);
    }

    /** Refuse files with more data lines than this ({@link ImportCodes#FILE_TOO_MANY_ROWS}); 0 = no limit. */
    public CsvOptions withMaxLines(long lines) {
        return new CsvOptions(charset, delimiter, nullMarkers, maxLinesPerRecord, maxBytes, lines);
    }
}
