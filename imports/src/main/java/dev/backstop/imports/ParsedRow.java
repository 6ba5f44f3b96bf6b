package dev.backstop.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A record converted by a {@link RecordSchema}: typed values by field (absent = blank cell) and every
 * problem found in it. One bad cell never hides another: all cells are checked.
 */
public record ParsedRow(long line, Map<String, Object> values, List<RowError> errors, List<String> cells) {

    public ParsedRow {
        values = Collections.unmodifiableMap(new HashMap<>(values));
        errors = List.copyOf(errors);
        cells = Objects.requireNonNullElse(cells, List.of());
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public Object get(String field) {
        return values.get(field);
    }

    public String text(String field) {
        return (String) values.get(field);
    }

    public LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    public LocalDateTime dateTime(String field) {
        return (LocalDateTime) values.get(field);
    }

    public BigDecimal decimal(String field) {
        return (BigDecimal) values.get(field);
    }

    public Long integer(String field) {
        return (Long) values.get(field);
    }

    public Boolean bool(String field) {
        return (Boolean) values.get(field);
    }
}
