package dev.backstop.helpdesk.imports;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/** Resolves the codes a batch refers to (distributor code, employee no.) to ids in one query per 500 codes. */
public final class References {

    private References() {}

    public static Map<String, Long> ids(JdbcTemplate jdbc, String table, String codeColumn, Collection<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        List<String> wanted = List.copyOf(
                new TreeSet<>(codes.stream().filter(java.util.Objects::nonNull).toList()));
        for (int i = 0; i < wanted.size(); i += 500) {
            List<String> chunk = wanted.subList(i, Math.min(wanted.size(), i + 500));
            String sql = "select " + codeColumn + ", id from " + table + " where " + codeColumn + " in ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            jdbc.query(
                    sql,
                    rs -> {
                        ids.put(rs.getString(1), rs.getLong(2));
                    },
                    chunk.toArray());
        }
        return ids;
    }

    public static Set<String> column(Collection<dev.backstop.imports.ParsedRow> rows, String field) {
        Set<String> values = new java.util.HashSet<>();
        rows.forEach(row -> {
            if (row.get(field) != null) {
                values.add(row.get(field).toString());
            }
        });
        return values;
    }
}
