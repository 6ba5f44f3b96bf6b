package dev.backstop.helpdesk.imports;

import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RowError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the rows of a batch for one {@link TableUpsert}, with the rows a target rejects itself (an unknown reference),
 * and returns the outcomes in the original order. Each written row keeps its file row, so that an update writes only the
 * columns the file gives ({@link ImportScope}).
 */
public final class UpsertBatch {

    private final List<ParsedRow> rows;
    private final RowOutcome[] outcomes;
    private final List<Integer> positions = new ArrayList<>();
    private final List<Object[]> values = new ArrayList<>();

    /** {@code rows}: the rows the target was given, in order; positions below index them. */
    public UpsertBatch(List<ParsedRow> rows) {
        this.rows = rows;
        this.outcomes = new RowOutcome[rows.size()];
    }

    public void reject(int position, RowError problem) {
        outcomes[position] = RowOutcome.rejected(problem);
    }

    /** Key values, then column values, as {@link TableUpsert#apply} takes them. */
    public void add(int position, Object... row) {
        positions.add(position);
        values.add(row);
    }

    public List<RowOutcome> applyTo(TableUpsert table) {
        List<RowOutcome.Kind> written = values.isEmpty()
                ? List.of()
                : table.apply(values, positions.stream().map(rows::get).toList());
        for (int i = 0; i < written.size(); i++) {
            outcomes[positions.get(i)] = RowOutcome.of(written.get(i));
        }
        return Arrays.asList(outcomes);
    }
}
