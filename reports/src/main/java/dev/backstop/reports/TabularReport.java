package dev.backstop.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A titled table: column headings and rows of cells. A cell is a {@link String}, a {@link Number}
 * or null (empty); a column whose cells are all numbers (or empty) is a number column: right-aligned
 * and a real number in XLSX. Text is shown as given: the app localizes titles and headings.
 */
public record TabularReport(String title, List<String> headings, List<List<Object>> rows) {

    public TabularReport {
        Objects.requireNonNull(title, "title");
        headings = List.copyOf(headings);
        if (headings.isEmpty()) {
            throw new IllegalArgumentException("A report needs at least one column");
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != headings.size()) {
                throw new IllegalArgumentException("Row " + (copy.size() + 1) + " has " + row.size() + " cells for "
                        + headings.size() + " columns");
            }
            for (Object cell : row) {
                if (cell != null && !(cell instanceof String) && !(cell instanceof Number)) {
                    throw new IllegalArgumentException("A cell is a String, a Number or null: " + cell.getClass());
                }
                if (cell instanceof Double d && !Double.isFinite(d) || cell instanceof Float f && !Float.isFinite(f)) {
                    throw new IllegalArgumentException("A number cell must be finite: " + cell);
                }
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row))); // cells may be null
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** True when every non-empty cell of the column is a number (and at least one is). */
    public boolean isNumberColumn(int column) {
        boolean anyNumber = false;
        for (List<Object> row : rows) {
            Object cell = row.get(column);
            if (cell instanceof String) {
                return false;
            }
            anyNumber |= cell != null;
        }
        return anyNumber;
    }
}
