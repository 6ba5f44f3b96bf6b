package dev.backstop.helpdesk.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The PostgreSQL fast path of {@link TableUpsert}: the distinct keys of a batch (each with its last values) are
 * {@code COPY}ed into a temporary staging table, then one set-based
 * {@code insert … select … on conflict (key) do update … where (stored) is distinct from (excluded)} writes them and
 * returns the keys it inserted ({@code xmax = 0}) or updated; a key not returned was unchanged. The database compares
 * typed values, so no value is normalized or compared in the JVM except between rows of the same key. See ADR 0013.
 */
final class CopyUpsert {

    private final JdbcTemplate jdbc;
    private final List<String> all;
    private final String prepare;
    private final String truncate;
    private final StageKey stageKey;
    private final String copy;
    private final String upsert;
    private final int keyCount;

    CopyUpsert(JdbcTemplate jdbc, String table, List<String> keys, List<String> columns) {
        this.jdbc = jdbc;
        this.all = Stream.concat(keys.stream(), columns.stream()).toList();
        String stage = "import_stage_" + table;
        String names = String.join(", ", all);
        this.prepare = "create temporary table if not exists " + stage + " on commit delete rows as select 0 as n, "
                + names + " from " + table + " with no data";
        this.truncate = "truncate " + stage;
        this.stageKey = new StageKey(stage);
        this.copy = "copy " + stage + " (n, " + names + ") from stdin";
        String onConflict = columns.isEmpty()
                ? "do nothing"
                : "do update set "
                        + columns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
                        + " where (" + columns.stream().map(c -> "t." + c).collect(Collectors.joining(", "))
                        + ") is distinct from ("
                        + columns.stream().map(c -> "excluded." + c).collect(Collectors.joining(", ")) + ")";
        this.upsert = "insert into " + table + " as t (" + names + ") select " + names + " from " + stage
                + " order by n on conflict (" + String.join(", ", keys) + ") " + onConflict + " returning "
                + String.join(", ", keys) + ", (t.xmax = 0) as inserted";
        this.keyCount = keys.size();
    }

    /** Whether the values of these rows can be written as COPY text (otherwise the batch takes the portable path). */
    static boolean encodable(List<Object[]> rows) {
        for (Object[] row : rows) {
            for (Object value : row) {
                if (!(value == null
                        || value instanceof String
                        || value instanceof Long
                        || value instanceof Integer
                        || value instanceof Short
                        || value instanceof BigDecimal
                        || value instanceof BigInteger
                        || value instanceof Boolean
                        || value instanceof LocalDate
                        || value instanceof LocalDateTime
                        || value instanceof LocalTime
                        || value instanceof OffsetDateTime)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Writes one row per distinct key ({@code rows.get(i)}: key values then column values) and tells {@code written} of
     * every key it inserted or updated, with the key values as the database returns them; a key not told is unchanged.
     */
    void write(List<Object[]> rows, Written written) {
        StringBuilder text = new StringBuilder(rows.size() * 96);
        for (int n = 0; n < rows.size(); n++) {
            text.append(n);
            Object[] row = rows.get(n);
            for (int c = 0; c < all.size(); c++) {
                text.append('\t');
                append(text, row[c]);
            }
            text.append('\n');
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        jdbc.execute(
                !TransactionSynchronizationManager.isSynchronizationActive()
                        ? prepare + "; " + truncate
                        : stagedBefore() ? truncate : prepare);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new ByteArrayInputStream(data));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Object[] key = new Object[keyCount];
        jdbc.query(upsert, rs -> {
            for (int k = 0; k < keyCount; k++) {
                key[k] = rs.getObject(k + 1);
            }
            written.row(key, rs.getBoolean(keyCount + 1));
        });
    }

    /**
     * Whether this transaction already staged rows for the table (an all-or-nothing run, or a second apply in a batch):
     * the staging table must be emptied then. A new transaction finds it empty ({@code on commit delete rows}) and
     * needs only the {@code create … if not exists} for a connection that has not made it yet.
     */
    private boolean stagedBefore() {
        if (TransactionSynchronizationManager.hasResource(stageKey)) {
            return true;
        }
        TransactionSynchronizationManager.bindResource(stageKey, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(stageKey);
            }
        });
        return false;
    }

    /** Marks a staging table as used in the current transaction (by name: two upserts of one table share it). */
    private record StageKey(String stage) {}

    /** Receives the keys the upsert inserted or updated. */
    interface Written {
        void row(Object[] key, boolean inserted);
    }

    /** One value in COPY's text format: {@code \N} for null, backslash escapes for the delimiter, line ends and itself. */
    private static void append(StringBuilder text, Object value) {
        switch (value) {
            case null -> text.append("\\N");
            case String s -> escape(text, s);
            case BigDecimal d -> text.append(d.toPlainString());
            case Boolean b -> text.append(b ? 't' : 'f');
            default -> text.append(value);
        }
    }

    private static void escape(StringBuilder text, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }

    /** Whether the table has a unique index on exactly the key columns, which {@code on conflict} needs. */
    static boolean hasUniqueKey(JdbcTemplate jdbc, String table, List<String> keys) {
        String wanted = keys.stream().sorted().collect(Collectors.joining(","));
        List<String> unique = new ArrayList<>(jdbc.queryForList("""
                select (select string_agg(a.attname, ',' order by a.attname) from pg_attribute a
                        where a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[]))
                from pg_index i
                where i.indrelid = to_regclass(?) and i.indisunique and i.indpred is null and i.indexprs is null""", String.class, table));
        return unique.contains(wanted);
    }
}
