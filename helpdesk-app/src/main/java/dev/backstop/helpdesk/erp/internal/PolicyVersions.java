package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.imports.TableUpsert;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history of the sales policies: a policy's {@code version} counts its stored states, and each one is kept in
 * {@code erp_sales_policy_versions} with the rules it set. {@code version} is never one of the compared columns, so an
 * unchanged policy keeps it.
 */
final class PolicyVersions {

    /** The columns an import sets and a version records, after the policy code. */
    static final List<String> RULES = List.of(
            "title",
            "kind",
            "tier",
            "region_code",
            "product_category",
            "valid_from",
            "valid_to",
            "discount_rate",
            "min_quantity",
            "min_amount",
            "description");

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PolicyVersions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a version of each policy a batch inserted (version 1, the column's default) or left with other values
     * than it had (its version plus one). Call it after the batch's upsert, in its transaction.
     *
     * @param before  the rules stored before the batch, by policy code (absent: a new policy)
     * @param written the policy code, then the values of {@link #RULES}, per applied row in file order
     */
    void record(Map<List<Object>, Object[]> before, List<Object[]> written) {
        Map<String, Object[]> last = new LinkedHashMap<>();
        written.forEach(row -> last.put((String) row[0], row));
        Map<String, Object[]> changed = new LinkedHashMap<>();
        last.forEach((code, row) -> {
            Object[] stored = before.get(List.<Object>of(code));
            if (stored == null || !TableUpsert.sameValues(stored, Arrays.copyOfRange(row, 1, row.length))) {
                changed.put(code, row);
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        Map<String, Integer> current = versions(List.copyOf(changed.keySet()));
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> bumps = new ArrayList<>();
        List<Object[]> recorded = new ArrayList<>();
        changed.forEach((code, row) -> {
            int version = 1;
            if (before.containsKey(List.<Object>of(code))) {
                version = current.get(code) + 1;
                bumps.add(new Object[] {version, code});
            }
            Object[] values = Arrays.copyOf(row, row.length + 2);
            values[row.length] = version;
            values[row.length + 1] = now;
            recorded.add(values);
        });
        if (!bumps.isEmpty()) {
            jdbc.batchUpdate("update erp_sales_policies set version = ? where policy_code = ?", bumps);
        }
        jdbc.batchUpdate(
                "insert into erp_sales_policy_versions (policy_code, " + String.join(", ", RULES)
                        + ", version, recorded_at) values ("
                        + String.join(", ", Collections.nCopies(RULES.size() + 3, "?")) + ")",
                recorded);
    }

    private Map<String, Integer> versions(List<String> codes) {
        Map<String, Integer> versions = new HashMap<>();
        for (int i = 0; i < codes.size(); i += CHUNK) {
            List<String> chunk = codes.subList(i, Math.min(codes.size(), i + CHUNK));
            jdbc.query(
                    "select policy_code, version from erp_sales_policies where policy_code in ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        versions.put(rs.getString(1), rs.getInt(2));
                    },
                    chunk.toArray());
        }
        return versions;
    }
}
