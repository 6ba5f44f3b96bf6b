package dev.backstop.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A problem found in an import, as data: the app localizes {@code code} with {@code arguments}.
 * {@code line} is the 1-based physical line where the record starts (the header is line 1; 0 for
 * problems with the file as a whole). {@code column} and {@code value} are null when the problem is
 * not about one cell.
 */
public record RowError(long line, String column, String value, String code, List<String> arguments) {

    public RowError {
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(arguments);
    }

    static RowError of(long line, String column, String value, String code, Object... arguments) {
        return new RowError(
                line,
                column,
                value,
                code,
                Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
