package dev.backstop.imports;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A CSV file opened for import. Opening decodes the file once to detect its charset, reads the
 * header and checks it against the {@link HeaderMapping}; {@link #problems()} then lists what is
 * wrong with the file or its columns, before any row is read. {@link #rows()} streams the records
 * one at a time (constant memory, never a list of the whole file).
 *
 * <pre>{@code
 * try (CsvFile file = CsvFile.open(path, mapping, CsvOptions.detect())) {
 *     errors.addAll(file.problems());
 *     if (file.isReadable()) {
 *         file.rows().forEach(row -> ...);
 *     }
 * }
 * }</pre>
 */
public final class CsvFile implements AutoCloseable {

    private static final Set<String> FATAL = Set.of(
            ImportCodes.FILE_EMPTY,
            ImportCodes.FILE_BINARY,
            ImportCodes.FILE_ENCODING,
            ImportCodes.COLUMN_MISSING,
            ImportCodes.COLUMN_DUPLICATE,
            ImportCodes.FILE_TOO_LARGE,
            ImportCodes.FILE_TOO_MANY_ROWS);

    private final CsvOptions options;
    private final List<RowError> problems = new ArrayList<>();
    private Charset charset;
    private char delimiter;
    private CSVReader reader;
    private List<String> headers = List.of();
    private String[] fieldOfColumn = new String[0];
    private CsvRow next;
    private boolean finished;
    private boolean streamed;
    private long dataLines;
    private long records;

    private CsvFile(CsvOptions options) {
        this.options = options;
    }

    public static CsvFile open(Path file, HeaderMapping mapping, CsvOptions options) {
        CsvFile csv = new CsvFile(options);
        try {
            csv.start(file, mapping);
            return csv;
        } catch (IOException ex) {
            csv.close();
            throw new UncheckedIOException(ex);
        }
    }

    private void start(Path file, HeaderMapping mapping) throws IOException {
        long size = java.nio.file.Files.size(file);
        if (options.maxBytes() > 0 && size > options.maxBytes()) {
            stop(RowError.of(0, null, null, ImportCodes.FILE_TOO_LARGE, size, options.maxBytes()));
            return;
        }
        TextProbe.Result probe = TextProbe.probe(file, options.charset());
        if (probe.problem() != null) {
            stop(probe.problem());
            return;
        }
        dataLines = Math.max(0, probe.nonBlankLines() - 1);
        if (options.maxLines() > 0 && dataLines > options.maxLines()) {
            stop(RowError.of(0, null, null, ImportCodes.FILE_TOO_MANY_ROWS, dataLines, options.maxLines()));
            return;
        }
        charset = probe.charset();
        delimiter = options.delimiter().orElseGet(() -> TextProbe.delimiterOf(probe.firstLine()));
        reader = new CSVReaderBuilder(new InputStreamReader(TextProbe.open(file), charset))
                .withCSVParser(
                        new RFC4180ParserBuilder().withSeparator(delimiter).build())
                .withMultilineLimit(options.maxLinesPerRecord())
                .build();
        try {
            headers = List.of(readNext());
        } catch (CsvMultilineLimitBrokenException | CsvMalformedLineException ex) {
            problems.add(RowError.of(1, null, null, ImportCodes.ROW_UNCLOSED_QUOTE, 1, dataLines));
            finished = true;
            return;
        }
        mapColumns(mapping);
        if (StandardCharsets.UTF_8.equals(charset)) {
            String header = String.join(",", headers);
            Mojibake.repaired(header)
                    .ifPresent(text -> problems.add(
                            RowError.of(1, null, null, ImportCodes.FILE_MOJIBAKE, clip(header), clip(text))));
        }
        if (isReadable()) {
            next = readRow();
            if (next != null
                    && StandardCharsets.UTF_8.equals(charset)
                    && problems.stream().noneMatch(p -> p.code().equals(ImportCodes.FILE_MOJIBAKE))) {
                String row = String.join(",", next.cells());
                Mojibake.repaired(row)
                        .ifPresent(text -> problems.add(RowError.of(
                                next.line(), null, null, ImportCodes.FILE_MOJIBAKE, clip(row), clip(text))));
            }
            if (next == null) {
                problems.add(RowError.of(1, null, null, ImportCodes.FILE_HEADER_ONLY));
            }
        }
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private void stop(RowError problem) {
        problems.add(problem);
        finished = true;
    }

    private void mapColumns(HeaderMapping mapping) {
        fieldOfColumn = new String[headers.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            Optional<String> field = mapping.fieldFor(header);
            if (field.isEmpty() && mapping.isIgnored(header)) {
                continue;
            }
            if (field.isEmpty()) {
                problems.add(RowError.of(1, header, null, ImportCodes.COLUMN_UNKNOWN));
            } else if (!seen.add(field.get())) {
                problems.add(RowError.of(1, header, null, ImportCodes.COLUMN_DUPLICATE, field.get()));
            } else {
                fieldOfColumn[i] = field.get();
            }
        }
        mapping.requiredFields().stream()
                .filter(field -> !seen.contains(field))
                .sorted()
                .forEach(field -> problems.add(RowError.of(1, field, null, ImportCodes.COLUMN_MISSING, field)));
    }

    /** Problems with the file or its header; empty when every column is known and present. */
    public List<RowError> problems() {
        return List.copyOf(problems);
    }

    /**
     * False when a problem stops the import: empty, binary or undecodable file, a header that cannot
     * be parsed, a required column missing or a field fed by two columns.
     */
    public boolean isReadable() {
        return !headers.isEmpty() && problems.stream().noneMatch(problem -> FATAL.contains(problem.code()));
    }

    public Optional<Charset> charset() {
        return Optional.ofNullable(charset);
    }

    public char delimiter() {
        return delimiter;
    }

    /**
     * The number of non-blank lines after the header: the number of records unless quoted fields span
     * lines. Known before any row is read, for progress bars.
     */
    public long estimatedRows() {
        return dataLines;
    }

    /** The header cells as written in the file. */
    public List<String> headers() {
        return headers;
    }

    /**
     * The records after the header, in order; blank lines are skipped. Can be consumed once. An
     * unclosed quote ends the stream with a row carrying {@link ImportCodes#ROW_UNCLOSED_QUOTE}.
     */
    public Stream<CsvRow> rows() {
        if (!isReadable()) {
            throw new IllegalStateException("The file cannot be read, see problems(): " + problems);
        }
        if (streamed) {
            throw new IllegalStateException("The rows of a CsvFile can be read only once");
        }
        streamed = true;
        Iterator<CsvRow> iterator = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public CsvRow next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                CsvRow current = next;
                next = readRow();
                return current;
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private CsvRow readRow() {
        while (!finished) {
            long line = reader.getLinesRead() + 1;
            String[] cells;
            try {
                cells = readNext();
            } catch (CsvMultilineLimitBrokenException | CsvMalformedLineException ex) {
                finished = true;
                long notRead = Math.max(1, dataLines - records);
                return CsvRow.failed(
                        RowError.of(line, null, null, ImportCodes.ROW_UNCLOSED_QUOTE, line, notRead), new String[0]);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            if (cells == null) {
                finished = true;
            } else if (cells.length != 1 || !cells[0].isBlank()) {
                records++;
                return toRow(line, cells);
            }
        }
        return null;
    }

    private CsvRow toRow(long line, String[] cells) {
        if (cells.length != headers.size()) {
            return CsvRow.failed(
                    RowError.of(line, null, null, ImportCodes.ROW_FIELD_COUNT, headers.size(), cells.length), cells);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String value = cells[i].strip();
            if (fieldOfColumn[i] != null
                    && !value.isEmpty()
                    && !options.nullMarkers().contains(value)) {
                values.put(fieldOfColumn[i], value);
            }
        }
        return new CsvRow(line, values, List.of(), cells);
    }

    private String[] readNext() throws IOException {
        try {
            return reader.readNext();
        } catch (CsvValidationException ex) {
            throw new IllegalStateException("No validators are configured", ex);
        }
    }

    @Override
    public void close() {
        finished = true;
        next = null;
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
