package dev.backstop.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One record of the file: the values of the mapped fields (stripped of surrounding white space;
 * blank cells and null markers are absent) and the physical line where the record starts. A row
 * with errors (e.g. {@link ImportCodes#ROW_FIELD_COUNT}) has no values: its columns cannot be
 * trusted. {@code cells} are the raw cells as read (for error reports that repeat the original row).
 */
public record CsvRow(long line, Map<String, String> values, List<RowError> errors, List<String> cells) {

    public CsvRow {
        values = Map.copyOf(values);
        errors = List.copyOf(errors);
        cells = List.of(cells.toArray(String[]::new));
    }

    CsvRow(long line, Map<String, String> values, List<RowError> errors, String[] cells) {
        this(line, values, errors, java.util.Arrays.asList(cells));
    }

    static CsvRow failed(RowError error, String[] cells) {
        return new CsvRow(error.line(), Map.of(), List.of(error), cells);
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(values.get(field));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
