package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.ImportTarget;
import dev.backstop.helpdesk.imports.References;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.helpdesk.imports.UpsertBatch;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** An ERP snapshot table with one natural key and a distributor reference: invoices, payments, shipments. */
abstract class SimpleErpImport implements ImportTarget {

    private final JdbcTemplate jdbc;
    private final TableUpsert table;
    private final boolean needsDistributor;

    SimpleErpImport(JdbcTemplate jdbc, String tableName, List<String> key, List<String> columns, boolean needsDistributor) {
        this.jdbc = jdbc;
        this.table = TableUpsert.of(jdbc, tableName, key, columns);
        this.needsDistributor = needsDistributor;
    }

    @Override
    public Set<Role> importers() {
        return Set.of(Role.ADMIN);
    }

    /** The table this import upserts, for a subclass that reads it before (sales policies: what a batch changed). */
    TableUpsert table() {
        return table;
    }

    /** Key values then column values of a valid row; {@code distributorId} is null when not needed. */
    abstract Object[] values(ParsedRow row, Long distributorId);

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<String, Long> distributors = needsDistributor
                ? References.ids(jdbc, "distributors", "code", References.column(rows, "distributor_code")) : Map.of();
        UpsertBatch batch = new UpsertBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            Long distributor = needsDistributor ? distributors.get(row.text("distributor_code")) : null;
            if (needsDistributor && distributor == null) {
                batch.reject(i, ErpRows.unknownDistributor(row));
            } else {
                batch.add(i, values(row, distributor));
            }
        }
        return batch.applyTo(table);
    }
}
