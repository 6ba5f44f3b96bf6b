package dev.backstop.helpdesk.imports;

import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RowError;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A field of an import that names a record of another table by its code (an employee no., a distributor code, a
 * shipment no.), with the message key for a code that names nothing ({@code {0}}: the code).
 *
 * @param table      the table referred to
 * @param codeColumn its column holding the code
 * @param field      the import field holding the code
 * @param unknownKey the message key of the problem when no row has that code
 */
public record Reference(String table, String codeColumn, String field, String unknownKey) {

    /** The ids of the records the rows name, by code, in one query per 500 codes. */
    public Map<String, Long> ids(JdbcTemplate jdbc, List<ParsedRow> rows) {
        return References.ids(jdbc, table, codeColumn, References.column(rows, field));
    }

    /** The problem of a row whose code names no record. */
    public RowError unknown(ParsedRow row) {
        String code = row.text(field);
        return new RowError(row.line(), field, code, unknownKey, List.of(code));
    }

    /**
     * The loop of every target whose rows each belong to one referred record: resolves the codes, rejects the rows
     * whose code is unknown and upserts the others into {@code table} with the values {@code values} makes of the row
     * and the referred id (key values, then column values). One outcome per row, in order.
     */
    public List<RowOutcome> upsert(
            JdbcTemplate jdbc, List<ParsedRow> rows, TableUpsert table, BiFunction<ParsedRow, Long, Object[]> values) {
        Map<String, Long> ids = ids(jdbc, rows);
        UpsertBatch batch = new UpsertBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            Long id = ids.get(row.text(field));
            if (id == null) {
                batch.reject(i, unknown(row));
            } else {
                batch.add(i, values.apply(row, id));
            }
        }
        return batch.applyTo(table);
    }
}
