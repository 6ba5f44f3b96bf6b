package dev.backstop.helpdesk.imports;

import dev.backstop.imports.ParsedRow;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Batch upsert of one table by its natural key, with change detection. A key repeated within a batch counts once as
 * written and then as unchanged or updated, like the same rows applied one after the other.
 * <p>
 * Two paths that reach the same table state and outcomes (ADR 0013):
 * <ul>
 * <li>PostgreSQL, when the key has a unique index and there are no insert-only columns: {@link CopyUpsert} COPYs the
 * batch into a temporary staging table and upserts it in one set-based statement that compares in the database;</li>
 * <li>portable (H2, or inside {@link #portable}, where the job runner calls targets unless
 * {@code backstop.imports.postgres-copy=true}: the fast path measured no faster, so it is opt-in): reads the existing rows of a batch in one query, inserts
 * the new ones and updates only those whose values differ, in two JDBC batches.</li>
 * </ul>
 * <p>
 * Over 300 lines on purpose: the two paths must report the same outcome for every row (a key repeated in a batch,
 * an update that writes only the columns a file gives), and they stay correct by sitting side by side over the same
 * key, normalisation and comparison helpers; the COPY statements themselves are in {@link CopyUpsert}.
 */
public final class TableUpsert {

    private static final int CHUNK = 500;
    private static final ThreadLocal<Boolean> PORTABLE_ONLY = ThreadLocal.withInitial(() -> false);

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> keys;
    private final List<String> columns;
    private final Map<String, java.util.function.Supplier<Object>> insertOnly;
    private final Map<String, List<String>> fieldsOf;
    private volatile CopyUpsert copy;
    private volatile boolean checked;

    private TableUpsert(
            JdbcTemplate jdbc,
            String table,
            List<String> keys,
            List<String> columns,
            Map<String, java.util.function.Supplier<Object>> insertOnly,
            Map<String, List<String>> fieldsOf) {
        this.jdbc = jdbc;
        this.table = table;
        this.keys = List.copyOf(keys);
        this.columns = List.copyOf(columns);
        this.insertOnly = new LinkedHashMap<>(insertOnly);
        this.fieldsOf = Map.copyOf(fieldsOf);
    }

    /** Columns set only when a row is inserted (a creation time, a placeholder password), never compared or updated. */
    public TableUpsert withInsertOnly(Map<String, java.util.function.Supplier<Object>> values) {
        return new TableUpsert(jdbc, table, keys, columns, values, fieldsOf);
    }

    /**
     * The import fields a column is set from, when they are not the column's own name ({@code region_id} from
     * {@code region}). In an {@link ImportScope}, an updated row keeps a column's stored value when it gives none of
     * its fields; a column whose fields are not all fields of the import is always written.
     */
    public TableUpsert fedBy(String column, String... fields) {
        if (!columns.contains(column)) {
            throw new IllegalArgumentException("Not a column of " + table + ": " + column);
        }
        Map<String, List<String>> more = new HashMap<>(fieldsOf);
        more.put(column, List.of(fields));
        return new TableUpsert(jdbc, table, keys, columns, insertOnly, more);
    }

    /** {@code keys}: the natural key columns; {@code columns}: the columns an import sets. */
    public static TableUpsert of(JdbcTemplate jdbc, String table, List<String> keys, List<String> columns) {
        return new TableUpsert(jdbc, table, keys, columns, Map.of(), Map.of());
    }

    /**
     * Runs {@code work} with every table upsert on this thread taking the portable path (the job runner with
     * {@code backstop.imports.postgres-copy=false}, the default, and the tests that compare both paths).
     */
    public static <T> T portable(java.util.function.Supplier<T> work) {
        boolean before = PORTABLE_ONLY.get();
        PORTABLE_ONLY.set(true);
        try {
            return work.get();
        } finally {
            PORTABLE_ONLY.set(before);
        }
    }

    /**
     * Each row: the key values, then the column values, in declaration order; {@code sources}: the file row each
     * comes from (same order), so that in an {@link ImportScope} an update writes only the columns the row gives and
     * its changes are recorded. One outcome per row.
     */
    public List<RowOutcome.Kind> apply(List<Object[]> rows, List<ParsedRow> sources) {
        ImportScope scope = ImportScope.current();
        if (scope != null) {
            if (sources == null || sources.size() != rows.size()) {
                throw new IllegalArgumentException("In an import every row needs its source row: " + table);
            }
            return applyPortably(rows, sources, scope);
        }
        CopyUpsert fast = PORTABLE_ONLY.get() ? null : copyPath();
        return fast != null && CopyUpsert.encodable(rows) ? applyByCopy(fast, rows) : applyPortably(rows, null, null);
    }

    /** Writes every column of every row (outside an import job: tests, code that owns all the values). */
    public List<RowOutcome.Kind> apply(List<Object[]> rows) {
        return apply(rows, null);
    }

    /** The fast path when the database is PostgreSQL, the key has a unique index and no column is insert-only. */
    private CopyUpsert copyPath() {
        if (!checked) {
            boolean postgres =
                    Boolean.TRUE.equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                            c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())
                                    && c.isWrapperFor(org.postgresql.PGConnection.class)));
            if (postgres && insertOnly.isEmpty() && CopyUpsert.hasUniqueKey(jdbc, table, keys)) {
                copy = new CopyUpsert(jdbc, table, keys, columns);
            }
            checked = true;
        }
        return copy;
    }

    /**
     * Writes one row per distinct key (its last values) through the fast path. Later rows of a key count against the
     * row before them; a key whose rows differ within the batch has its first row compared with the stored one here,
     * as the portable path would, since the database only sees the last.
     */
    private List<RowOutcome.Kind> applyByCopy(CopyUpsert fast, List<Object[]> rows) {
        RowOutcome.Kind[] outcomes = new RowOutcome.Kind[rows.size()];
        Map<List<Object>, Integer> distinct = new HashMap<>();
        List<Integer> firstRow = new ArrayList<>();
        List<Object[]> lastValues = new ArrayList<>();
        Set<List<Object>> varying = new LinkedHashSet<>();
        List<List<Object>> distinctKeys = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            List<Object> key = keyOf(row);
            Integer d = distinct.putIfAbsent(key, firstRow.size());
            if (d == null) {
                firstRow.add(i);
                lastValues.add(row);
                distinctKeys.add(key);
                continue;
            }
            Object[] previous = lastValues.get(d);
            boolean same = true;
            for (int c = keys.size(); c < keys.size() + columns.size() && same; c++) {
                same = Objects.equals(normalize(previous[c]), normalize(row[c]));
            }
            outcomes[i] = same ? RowOutcome.Kind.UNCHANGED : RowOutcome.Kind.UPDATED;
            if (!same) {
                varying.add(key);
            }
            lastValues.set(d, row);
        }
        Map<List<Object>, Object[]> stored = varying.isEmpty() ? Map.of() : existing(varying);
        RowOutcome.Kind[] written = new RowOutcome.Kind[firstRow.size()];
        fast.write(lastValues, (key, inserted) -> {
            List<Object> normalized = new ArrayList<>(key.length);
            for (Object value : key) {
                normalized.add(normalize(value));
            }
            Integer d = distinct.get(normalized);
            if (d == null) {
                throw new IllegalStateException(
                        "The database returned a key the batch did not have: " + table + " " + normalized);
            }
            written[d] = inserted ? RowOutcome.Kind.INSERTED : RowOutcome.Kind.UPDATED;
        });
        for (int d = 0; d < firstRow.size(); d++) {
            int i = firstRow.get(d);
            List<Object> key = distinctKeys.get(d);
            if (varying.contains(key)) {
                Object[] current = stored.get(key);
                Object[] first = Arrays.copyOfRange(rows.get(i), keys.size(), keys.size() + columns.size());
                outcomes[i] = current == null
                        ? RowOutcome.Kind.INSERTED
                        : same(current, first) ? RowOutcome.Kind.UNCHANGED : RowOutcome.Kind.UPDATED;
            } else {
                outcomes[i] = written[d] == null ? RowOutcome.Kind.UNCHANGED : written[d];
            }
        }
        return Arrays.asList(outcomes);
    }

    private List<RowOutcome.Kind> applyPortably(List<Object[]> rows, List<ParsedRow> sources, ImportScope scope) {
        List<List<Object>> rowKeys = rows.stream().map(this::keyOf).toList();
        Map<List<Object>, Object[]> existing = existing(new LinkedHashSet<>(rowKeys));
        Map<List<Object>, Object[]> inserts = new LinkedHashMap<>();
        Map<List<Object>, Object[]> updates = new LinkedHashMap<>();
        List<RowOutcome.Kind> outcomes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> key = rowKeys.get(i);
            Object[] values = Arrays.copyOfRange(rows.get(i), keys.size(), keys.size() + columns.size());
            Object[] current = inserts.containsKey(key)
                    ? inserts.get(key)
                    : updates.containsKey(key) ? updates.get(key) : existing.get(key);
            if (current == null) {
                inserts.put(key, values);
                outcomes.add(RowOutcome.Kind.INSERTED);
                continue;
            }
            if (scope != null) {
                keepWhatTheRowDoesNotGive(values, current, sources.get(i), scope);
            }
            if (same(current, values)) {
                outcomes.add(RowOutcome.Kind.UNCHANGED);
            } else {
                if (scope != null) {
                    recordChanges(current, values, sources.get(i).line(), scope);
                }
                (inserts.containsKey(key) ? inserts : updates).put(key, values);
                outcomes.add(RowOutcome.Kind.UPDATED);
            }
        }
        write(inserts, updates);
        return outcomes;
    }

    /** Puts the stored value into each column the row gives none of the fields of (a missing column, an empty cell). */
    private void keepWhatTheRowDoesNotGive(Object[] values, Object[] current, ParsedRow source, ImportScope scope) {
        for (int c = 0; c < columns.size(); c++) {
            List<String> fields = fieldsOf.getOrDefault(columns.get(c), List.of(columns.get(c)));
            if (scope.isImportField(fields) && fields.stream().noneMatch(field -> scope.provides(source, field))) {
                values[c] = current[c];
            }
        }
    }

    private void recordChanges(Object[] current, Object[] values, long line, ImportScope scope) {
        for (int c = 0; c < columns.size(); c++) {
            if (!Objects.equals(normalize(current[c]), normalize(values[c]))) {
                scope.changed(
                        line,
                        fieldsOf.getOrDefault(columns.get(c), List.of(columns.get(c)))
                                .getFirst(),
                        normalize(current[c]),
                        normalize(values[c]));
            }
        }
    }

    /** The ids of existing rows by key (single-column key values or lists for composite keys). */
    public Map<List<Object>, Long> ids(Collection<List<Object>> wanted) {
        Set<List<Object>> keysWanted = new LinkedHashSet<>(wanted);
        Map<List<Object>, Long> ids = new HashMap<>();
        for (List<Object> chunk : chunks(firstColumn(keysWanted))) {
            String sql =
                    "select id, " + String.join(", ", keys) + " from " + table + " where " + keyPredicate(chunk.size());
            jdbc.query(
                    sql,
                    rs -> {
                        List<Object> key = new ArrayList<>(keys.size());
                        for (int k = 0; k < keys.size(); k++) {
                            key.add(normalize(rs.getObject(k + 2)));
                        }
                        if (keysWanted.contains(key)) {
                            ids.put(key, rs.getLong(1));
                        }
                    },
                    chunk.toArray());
        }
        return ids;
    }

    /**
     * The stored column values of these keys (key values in declaration order), as {@link #apply} would compare them;
     * a key not stored is absent. For a target that must know what a batch changed overall, read before applying it.
     */
    public Map<List<Object>, Object[]> current(Collection<List<Object>> wanted) {
        return existing(wanted.stream()
                .map(key -> key.stream().map(TableUpsert::normalize).toList())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Whether two rows of column values are equal the way {@link #apply} tells an unchanged row from an updated one. */
    public static boolean sameValues(Object[] stored, Object[] wanted) {
        return same(stored, wanted);
    }

    /**
     * The current rows of these keys. Selected by the first key column only (an index-friendly {@code in} list on
     * H2 and PostgreSQL; row-value {@code in} lists made PostgreSQL scan the table) and filtered by the full key.
     */
    private Map<List<Object>, Object[]> existing(Set<List<Object>> wanted) {
        Map<List<Object>, Object[]> found = new HashMap<>();
        String selected = String.join(", ", keys) + ", " + String.join(", ", columns);
        for (List<Object> chunk : chunks(firstColumn(wanted))) {
            String sql = "select " + selected + " from " + table + " where " + keyPredicate(chunk.size());
            jdbc.query(
                    sql,
                    rs -> {
                        List<Object> key = new ArrayList<>(keys.size());
                        for (int k = 0; k < keys.size(); k++) {
                            key.add(normalize(rs.getObject(k + 1)));
                        }
                        if (!wanted.contains(key)) {
                            return;
                        }
                        Object[] values = new Object[columns.size()];
                        for (int c = 0; c < columns.size(); c++) {
                            values[c] = rs.getObject(keys.size() + c + 1);
                        }
                        found.put(key, values);
                    },
                    chunk.toArray());
        }
        return found;
    }

    private static List<Object> firstColumn(Set<List<Object>> keys) {
        return new ArrayList<>(keys.stream().map(List::getFirst).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    private void write(Map<List<Object>, Object[]> inserts, Map<List<Object>, Object[]> updates) {
        if (!inserts.isEmpty()) {
            List<String> all = new ArrayList<>(keys);
            all.addAll(columns);
            all.addAll(insertOnly.keySet());
            String sql = "insert into " + table + " (" + String.join(", ", all) + ") values ("
                    + all.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            jdbc.batchUpdate(
                    sql,
                    inserts.entrySet().stream()
                            .map(e -> concat(
                                    concat(e.getKey().toArray(), e.getValue()),
                                    insertOnly.values().stream()
                                            .map(java.util.function.Supplier::get)
                                            .toArray()))
                            .toList());
        }
        if (!updates.isEmpty()) {
            String sql = "update " + table + " set "
                    + columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", ")) + " where "
                    + keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" and "));
            jdbc.batchUpdate(
                    sql,
                    updates.entrySet().stream()
                            .map(e -> concat(e.getValue(), e.getKey().toArray()))
                            .toList());
        }
    }

    private String keyPredicate(int count) {
        return keys.getFirst() + " in (" + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    private List<Object> keyOf(Object[] row) {
        List<Object> key = new ArrayList<>(keys.size());
        for (int k = 0; k < keys.size(); k++) {
            key.add(normalize(row[k]));
        }
        return key;
    }

    private static List<List<Object>> chunks(List<Object> all) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static boolean same(Object[] current, Object[] wanted) {
        for (int i = 0; i < current.length; i++) {
            if (!Objects.equals(normalize(current[i]), normalize(wanted[i]))) {
                return false;
            }
        }
        return true;
    }

    /** One representation per value whatever the driver returns: Long, BigDecimal without trailing zeros, java.time. */
    static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case BigDecimal d -> d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
            case Date d -> d.toLocalDate();
            case Timestamp t -> t.toLocalDateTime();
            default -> value;
        };
    }
}
